import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { operationIds } from '@ncloud-apigw/operations'
import { expect, test } from 'vitest'

/** Runs the built main job (what `pnpm start` runs once turbo has built), as a user would see it. */
function runStart(): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const script = fileURLToPath(new URL('../dist/start.js', import.meta.url))
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script], { env: { ...process.env, NO_COLOR: '1' } })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk))
    child.on('error', reject)
    child.on('exit', (code) => resolve({ code, stdout, stderr }))
  })
}

test('pnpm start runs every operation through Prism and the fake, deletes its key, prints a passing verdict, and exits 0', async () => {
  const { code, stdout, stderr } = await runStart()
  expect(stderr).toBe('')
  expect(code).toBe(0)
  const steps = stdout.split('\n').filter((line) => line.trimStart().startsWith('✓ '))
  const called = steps.map((line) => line.trim().slice(2).split('(')[0])
  expect(called).toEqual(['createApiKey', 'getApiKey', 'listApiKeys', 'updateApiKey', 'regenerateApiKey', 'getApiKey', 'deleteApiKey', 'getApiKey'])
  // Every operation of the spec, so an operation added there must join the main job.
  expect(new Set(called)).toEqual(new Set(operationIds))
  expect(stdout).toContain('Contract verdict: PASS')
  expect(stdout).toContain('the key it made is deleted')
  expect(stdout).not.toMatch(/left|console/i)
  expect(stdout).toMatch(/spec\s+spec\/dist/)
  // Key values are shown masked: four characters, then stars; never a 40-character value.
  expect(stdout).toMatch(/primaryKey \S{4}\*{4}/)
  expect(stdout).not.toMatch(/[A-Za-z0-9]{40}/)
})

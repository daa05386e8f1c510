import { spawn } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { sites } from '@ncloud-apigw/client'
import { operationIds } from '@ncloud-apigw/operations'
import { expect, test } from 'vitest'

/**
 * Runs the built main job (what `pnpm start` runs once turbo has built), as a user would see it,
 * with `args` after the script and `node` options before it.
 */
function runStart(
  args: string[] = [],
  { node = [], env = process.env }: { node?: string[]; env?: NodeJS.ProcessEnv } = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const script = fileURLToPath(new URL('../dist/start.js', import.meta.url))
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...node, script, ...args], { env: { ...env, NO_COLOR: '1' } })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk))
    child.on('error', reject)
    child.on('exit', (code) => resolve({ code, stdout, stderr }))
  })
}

test('pnpm start takes a key through its life, put to use on a protected product, then every operation with its example, through Prism and the fake; deletes its key, passes, exits 0', async () => {
  const { code, stdout, stderr } = await runStart()
  expect(stderr).toBe('')
  expect(code).toBe(0)
  const [life, examples] = stdout.split("Every operation with the spec's example request:")
  const called = life!.split('\n').filter((line) => line.trimStart().startsWith('✓ ')).map((line) => line.trim().slice(2).split('(')[0])
  expect(called).toEqual([
    'createApiKey', 'getApiKey', 'listApiKeys', 'updateApiKey', 'regenerateApiKey', 'getApiKey',
    // Put to use: the product is protected, so the key waits for approval.
    'subscribeApiKey', 'searchApiKeys', 'updateProductApiKeyStatus', 'updateApiKeyUsagePlan', 'listApiKeyProducts', 'listApiKeySubscriptions', 'searchProductApiKeys', 'unsubscribeApiKey',
    'deleteApiKey', 'getApiKey',
  ])
  expect(life).toContain('REQUEST → ACCEPTED')
  // Then every operation of the spec, each once with its example: one added there joins with no edit.
  const exampled = examples!.split('\n').filter((line) => line.trimStart().startsWith('✓ ')).map((line) => line.trim().slice(2).split(':')[0])
  expect(exampled).toEqual(operationIds)
  expect(stdout).toContain('Contract verdict: PASS')
  expect(stdout).toContain('the key it made is deleted')
  expect(stdout).not.toMatch(/left|console/i)
  expect(stdout).toMatch(/spec\s+spec\/dist/)
  expect(stdout).toMatch(/Next:\n {2}pnpm test/)
  // Key values are shown masked: four characters, then stars; never a 40-character value.
  expect(stdout).toMatch(/primaryKey \S{4}\*{4}/)
  expect(stdout).not.toMatch(/[A-Za-z0-9]{40}/)
})

// Loaded with --import before start.js: every name fails to resolve as getaddrinfo fails offline.
const unresolvableDns = `data:text/javascript,${encodeURIComponent(`
import dns from 'node:dns/promises'
import { syncBuiltinESMExports } from 'node:module'
dns.lookup = async (host) => {
  throw Object.assign(new Error('getaddrinfo ENOTFOUND ' + host), { code: 'ENOTFOUND', syscall: 'getaddrinfo', hostname: host })
}
syncBuiltinESMExports()
`)}`

test("pnpm start --live where NCP's host does not resolve says the network is the problem, before Prism starts, and exits 1", async () => {
  const host = new URL(sites.public).hostname
  // Credentials the client's chain finds (they are never sent: nothing gets that far).
  const env = { PATH: process.env.PATH, HOME: mkdtempSync(join(tmpdir(), 'ncloud-apigw-start-live-')), NCLOUD_ACCESS_KEY_ID: 'NCPTESTACCESSKEY0001', NCLOUD_SECRET_ACCESS_KEY: 'not-a-real-secret' }
  const { code, stdout, stderr } = await runStart(['--live'], { node: ['--import', unresolvableDns], env })
  expect(stderr.trim()).toBe(`pnpm start --live cannot reach NCP: ${host} does not resolve (ENOTFOUND). Check the network or the proxy settings, then run it again.`)
  expect(code).toBe(1)
  // Not Prism's answer to a failed upstream ("HTTP 500 ... Retry later"): Prism never started.
  expect(`${stdout}${stderr}`).not.toMatch(/HTTP 500|Retry later|Prism/)
})

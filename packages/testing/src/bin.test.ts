import { spawn, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, test } from 'vitest'
import { ncpFetch } from '../test/ncp-fetch.js'

// The built binary, as users run it (turbo builds before it tests).
const bin = fileURLToPath(new URL('../dist/bin.js', import.meta.url))
const children: ChildProcess[] = []

afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
})

function run(...args: string[]): ChildProcess {
  const child = spawn(process.execPath, [bin, ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
  children.push(child)
  return child
}

async function firstLine(child: ChildProcess): Promise<string> {
  let text = ''
  for await (const chunk of child.stdout as AsyncIterable<Buffer>) {
    text += chunk.toString()
    if (text.includes('\n')) return text.slice(0, text.indexOf('\n'))
  }
  throw new Error(`no output; stderr: ${await stderrOf(child)}`)
}

async function stderrOf(child: ChildProcess): Promise<string> {
  let text = ''
  for await (const chunk of child.stderr as AsyncIterable<Buffer>) text += chunk.toString()
  return text
}

describe('the ncloud-apigw-fake binary', () => {
  test.each(['SIGTERM', 'SIGINT'] as const)('prints its URL and the test credentials, serves them, and stops on %s', async (signal) => {
    const child = run('--json')
    const printed = JSON.parse(await firstLine(child)) as { url: string; accessKey: string; secretKey: string }
    expect(printed.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/v1$/)
    const res = await ncpFetch(printed.url, printed, 'POST', '/api-keys', { body: { apiKeyName: 'from-bin' } })
    expect(res.status).toBe(201)
    child.kill(signal)
    const [code] = await once(child, 'exit')
    expect(code).toBe(0)
  })

  test('prints text for people by default', async () => {
    const child = run()
    expect(await firstLine(child)).toMatch(/^Fake NCP API Gateway listening on http:\/\/127\.0\.0\.1:\d+\/api\/v1$/)
    child.kill('SIGTERM')
    await once(child, 'exit')
  })

  test('a bad option exits 2 with the usage', async () => {
    const child = run('--port', 'many')
    const [stderr, [code]] = await Promise.all([stderrOf(child), once(child, 'exit')])
    expect(code).toBe(2)
    expect(stderr).toContain('--port must be an integer')
    expect(stderr).toContain('Usage: ncloud-apigw-fake')
  })
})

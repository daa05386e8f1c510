import { spawn, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { exampleRequests } from '@ncloud-apigw/operations'
import { afterAll, afterEach, describe, expect, test } from 'vitest'
import { ncpFetch } from '../test/ncp-fetch.js'
import { payments, weather } from '../test/products.js'
import { startFakeApiGateway, TEST_CREDENTIALS } from './index.js'

// The built binary, as users run it (turbo builds before it tests).
const bin = fileURLToPath(new URL('../dist/bin.js', import.meta.url))
const children: ChildProcess[] = []

afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
})
const dir = mkdtempSync(join(tmpdir(), 'ncloud-apigw-fake-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** A file of the test's own, holding `text`. */
function file(name: string, text: string): string {
  const path = join(dir, name)
  writeFileSync(path, text)
  return path
}

/** Runs the binary to its exit: what it wrote to stderr, and its exit code. */
async function failing(...args: string[]): Promise<{ stderr: string; code: number }> {
  const child = run(...args)
  const [stderr, [code]] = await Promise.all([stderrOf(child), once(child, 'exit') as Promise<[number]>])
  return { stderr, code }
}

/** Node's stack frames: never shown for a mistake the user can fix. */
const stack = /^\s+at /m

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

  test('prints for people where it listens, the credentials as shell exports, and how to point the CLI and the client at it', async () => {
    const child = run()
    let text = ''
    for await (const chunk of child.stdout as AsyncIterable<Buffer>) {
      text += chunk.toString()
      if (text.includes('SIGTERM')) break
    }
    const url = /^Fake NCP API Gateway listening on (http:\/\/127\.0\.0\.1:\d+\/api\/v1)$/m.exec(text)?.[1]
    expect(url).toBeDefined()
    const lines = text.split('\n').map((line) => line.trim())
    expect(lines).toContain(`export NCLOUD_ACCESS_KEY_ID=${TEST_CREDENTIALS.accessKey}`)
    expect(lines).toContain(`export NCLOUD_SECRET_ACCESS_KEY=${TEST_CREDENTIALS.secretKey}`)
    expect(lines).toContain(`ncloud-apigw --base-url ${url} api-key list`)
    expect(lines).toContain(`createApiKeyClient({ baseUrl: '${url}' })`)
    child.kill('SIGTERM')
    await once(child, 'exit')
  })

  test('a port that is taken: a clean message naming it, exit 1, no stack', async () => {
    const taken = await startFakeApiGateway()
    try {
      const port = new URL(taken.url).port
      const { stderr, code } = await failing('--port', port)
      expect(code).toBe(1)
      expect(stderr).toBe(`ncloud-apigw-fake: 127.0.0.1:${port} is already in use; choose another --port, or leave it out for a free one\n`)
    } finally {
      await taken.close()
    }
  })

  test('--products seeds the account\'s products from a JSON file, as the products option does', async () => {
    const child = run('--json', '--products', file('products.json', JSON.stringify([weather, payments])))
    const printed = JSON.parse(await firstLine(child)) as { url: string; accessKey: string; secretKey: string }
    const created = (await (await ncpFetch(printed.url, printed, 'POST', '/api-keys', { body: { apiKeyName: 'from-bin' } })).json()) as { apiKey: { apiKeyId: string } }
    const id = created.apiKey.apiKeyId
    expect((await ncpFetch(printed.url, printed, 'POST', `/api-keys/${id}/subscribe`, { body: { productId: 'payments01' } })).status).toBe(200)
    const products = (await (await ncpFetch(printed.url, printed, 'GET', `/api-keys/${id}/products`)).json()) as { apiKeyRelateProductDtos: { productId: string; status: string }[] }
    expect(products.apiKeyRelateProductDtos).toMatchObject([{ productId: 'payments01', status: 'REQUEST' }])
    child.kill('SIGTERM')
    await once(child, 'exit')
  })

  test('--examples holds the world of the spec\'s examples', async () => {
    const child = run('--json', '--examples')
    const printed = JSON.parse(await firstLine(child)) as { url: string; accessKey: string; secretKey: string }
    const apiKeyId = exampleRequests.getApiKey.pathParams['api-key-id']
    expect((await ncpFetch(printed.url, printed, 'GET', `/api-keys/${encodeURIComponent(apiKeyId)}`)).status).toBe(200)
    child.kill('SIGTERM')
    await once(child, 'exit')
  })

  test.each<[string, () => string[], (path: string) => string]>([
    ['a file that does not exist', () => ['--products', join(dir, 'missing.json')], (path) => `cannot read --products ${path}: no such file`],
    ['a file that is not JSON', () => ['--products', file('broken.json', '[{"productId": ')], (path) => `--products ${path} is not valid JSON: `],
    [
      'a product the API could not serve',
      () => ['--products', file('bad.json', JSON.stringify([{ ...weather, productId: 'far-too-long-id' }]))],
      (path) => `--products ${path}: products[0].productId must be a string of 1 to 10 characters, got 15 characters`,
    ],
  ])('--products with %s: a message naming the file and what is wrong, exit 2, no stack', async (_what, args, message) => {
    const argv = args()
    const { stderr, code } = await failing(...argv)
    expect(code).toBe(2)
    expect(stderr).toContain(`ncloud-apigw-fake: ${message(argv[1]!)}`)
    expect(stderr).not.toMatch(stack)
  })

  test('a bad option exits 2 with the usage', async () => {
    const child = run('--port', 'many')
    const [stderr, [code]] = await Promise.all([stderrOf(child), once(child, 'exit')])
    expect(code).toBe(2)
    expect(stderr).toContain('--port must be an integer')
    expect(stderr).toContain('Usage: ncloud-apigw-fake')
    expect(stderr).not.toMatch(stack)
  })
})

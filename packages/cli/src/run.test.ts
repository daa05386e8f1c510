import { PassThrough } from 'node:stream'
import { type FakeApiGateway, startFakeApiGateway, TEST_CREDENTIALS } from '@ncloud-apigw/testing'
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest'
import { maskNotice } from '../test/fake-cli.js'
import { startScriptedGateway } from '../test/scripted-gateway.js'
import { exitCodes } from './exit-codes.js'
import { run } from './run.js'

// In-process, with stdin posing as a terminal: the part of regenerate's confirmation that a
// child process without a pseudo-terminal cannot reach.
let gw: FakeApiGateway

beforeAll(async () => {
  gw = await startFakeApiGateway()
  vi.stubEnv('NCLOUD_ACCESS_KEY_ID', TEST_CREDENTIALS.accessKey)
  vi.stubEnv('NCLOUD_SECRET_ACCESS_KEY', TEST_CREDENTIALS.secretKey)
})

afterAll(async () => {
  vi.unstubAllEnvs()
  await gw?.close()
})

/** stdin a terminal where `answer` is typed; stdout a terminal too when `screen`, as for a person. */
function terminal(answer: string, { screen = false } = {}) {
  const stdin = Object.assign(new PassThrough(), { isTTY: true })
  const stdout = Object.assign(new PassThrough(), screen ? { isTTY: true } : {})
  const stderr = new PassThrough()
  const text = { stdout: '', stderr: '' }
  stdout.setEncoding('utf8').on('data', (chunk: string) => (text.stdout += chunk))
  // The answer is typed once the question is on the screen.
  stderr.setEncoding('utf8').on('data', (chunk: string) => {
    text.stderr += chunk
    if (chunk.includes('[y/N]')) stdin.write(answer)
  })
  return { io: { stdin, stdout, stderr }, text }
}

describe('regenerate asks on a terminal', () => {
  test('answered y, it regenerates and prints only the key on stdout', async () => {
    const key = gw.seedKey({ apiKeyName: 'asked' })
    const { io, text } = terminal('y\n')
    const code = await run(['api-key', 'regenerate', key.apiKeyId, '--primary', '--base-url', gw.url, '--output', 'json'], io)
    expect(code).toBe(exitCodes.ok)
    expect(text.stderr).toBe(`Regenerate the PRIMARY key of API key "${key.apiKeyId}"? Callers still sending the current value will be refused. [y/N] ${maskNotice()}`)
    expect(gw.keys.get(key.apiKeyId)!.primaryKey).not.toBe(key.primaryKey)
    expect(JSON.parse(text.stdout)).toMatchObject({ apiKeyId: key.apiKeyId, primaryKey: expect.stringMatching(/^.{4}\*{4}$/) })
  })

  test.each(['n\n', '\n', 'maybe\n'])('answered %j, it cancels with exit code 7 and sends nothing', async (answer) => {
    const key = gw.seedKey({ apiKeyName: 'kept' })
    const before = gw.requests.length
    const { io, text } = terminal(answer)
    const code = await run(['api-key', 'regenerate', key.apiKeyId, '--secondary', '--base-url', gw.url, '--output', 'table'], io)
    expect(code).toBe(exitCodes.cancelled)
    expect(text.stderr).toMatch(/\[y\/N\] ncloud-apigw: Cancelled; nothing was sent\.\n$/)
    expect(text.stdout).toBe('')
    expect(gw.requests.slice(before)).toEqual([])
    expect(gw.keys.get(key.apiKeyId)).toEqual(key)
  })

  test('--yes does not ask, even on a terminal', async () => {
    const key = gw.seedKey({ apiKeyName: 'unasked' })
    const { io, text } = terminal('n\n')
    const code = await run(['api-key', 'regenerate', key.apiKeyId, '--secondary', '--yes', '--base-url', gw.url, '--output', 'json'], io)
    expect(code).toBe(exitCodes.ok)
    expect(text.stderr).toBe(maskNotice())
    expect(gw.keys.get(key.apiKeyId)!.secondaryKey).not.toBe(key.secondaryKey)
  })
})

describe('delete asks on a terminal', () => {
  test('answered y, it deletes and prints {apiKeyId, deleted} as JSON on stdout, the question on stderr', async () => {
    const key = gw.seedKey({ apiKeyName: 'asked-del' })
    const { io, text } = terminal('y\n')
    const code = await run(['api-key', 'delete', key.apiKeyId, '--base-url', gw.url, '--output', 'json'], io)
    expect(code).toBe(exitCodes.ok)
    expect(text.stderr).toBe(`Delete the API key "${key.apiKeyId}"? Callers still sending its values will be refused, and it cannot be undone. [y/N] `)
    expect(JSON.parse(text.stdout)).toEqual({ apiKeyId: key.apiKeyId, deleted: true })
    expect(gw.keys.has(key.apiKeyId)).toBe(false)
  })

  test('with stdout a terminal too, answered y, it deletes and says so in a line (a table is the default on a terminal)', async () => {
    const key = gw.seedKey({ apiKeyName: 'asked-away' })
    const { io, text } = terminal('y\n', { screen: true })
    const code = await run(['api-key', 'delete', key.apiKeyId, '--base-url', gw.url], io)
    expect(code).toBe(exitCodes.ok)
    expect(text.stdout).toBe(`Deleted the API key "${key.apiKeyId}".\n`)
    expect(gw.keys.has(key.apiKeyId)).toBe(false)
  })

  test('an ID with control characters is quoted with them visible in the question, and answered n, nothing is sent', async () => {
    const before = gw.requests.length
    const { io, text } = terminal('n\n')
    const code = await run(['api-key', 'delete', 'x\x1b[2J\r\ny', '--base-url', gw.url, '--output', 'table'], io)
    expect(code).toBe(exitCodes.cancelled)
    expect(text.stderr).toContain('Delete the API key "x\\x1b[2J\\r\\ny"?')
    expect(text.stderr).not.toMatch(/[\u001b\r]/)
    expect(gw.requests.slice(before)).toEqual([])
  })
})

describe('unsubscribe asks on a terminal', () => {
  test('answered y, it unsubscribes; answered n, it cancels with exit code 7 and sends nothing', async () => {
    const gateway = await startScriptedGateway()
    try {
      const args = ['api-key', 'unsubscribe', 'k1', '--product', 'p1', '--base-url', gateway.url, '--output', 'json']
      const no = terminal('n\n')
      expect(await run(args, no.io)).toBe(exitCodes.cancelled)
      expect(no.text.stderr).toBe(
        `Unsubscribe the API key "k1" from the product "p1"? Callers sending its values will be refused by the product's APIs. [y/N] ${JSON.stringify({ error: { name: 'CancelledError', message: 'Cancelled; nothing was sent.' } })}\n`,
      )
      expect(gateway.requests).toEqual([])
      const yes = terminal('y\n')
      expect(await run(args, yes.io)).toBe(exitCodes.ok)
      expect(gateway.requests).toMatchObject([{ operationId: 'unsubscribeApiKey', pathParams: { 'api-key-id': 'k1' }, body: { productId: 'p1' } }])
      expect(JSON.parse(yes.text.stdout)).toEqual({ apiKeyId: 'k1', productId: 'p1', unsubscribed: true })
    } finally {
      await gateway.close()
    }
  })
})

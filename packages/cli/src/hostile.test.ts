import { readFile } from 'node:fs/promises'
import type { ApiKey } from '@ncloud-apigw/client'
import { TEST_CREDENTIALS } from '@ncloud-apigw/testing'
import { describe, expect, test } from 'vitest'
import { masked, maskNotice, noSecretsLeaked, parsed, rows, useFakeCli } from '../test/fake-cli.js'
import { exitCodes } from './exit-codes.js'

// What a hostile or broken server sends, --verbose, and the User-Agent, against the fake API Gateway.
const harness = useFakeCli()
const { cli, sentSince } = harness
const gw = () => harness.gw

/** A name no other test uses, so that a name filter lists only this test's keys. */
let names = 0
const uniqueName = (prefix: string) => `${prefix}${++names}-`

// Escape sequences a hostile server may send: set the window title, clear the screen, and a
// CR LF followed by what looks like a line of the CLI's own.
const hostile = '\x1b]0;owned\x07\x1b[2J\r\n  status: 200'
const rawControl = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/

describe('a hostile server', () => {
  test('control characters in a key are shown as escapes in the key table, never sent to the terminal', async () => {
    const key = gw().seedKey({ apiKeyName: 'ti\x1b]0;x\x07tle', apiKeyDescription: 'ok\r\nisEnabled          false' })
    const result = await cli(['api-key', 'get', key.apiKeyId, '--output', 'table'])
    expect(result.code).toBe(exitCodes.ok)
    expect(result.stdout).not.toMatch(rawControl)
    expect(rows(result.stdout)).toMatchObject({ apiKeyName: 'ti\\x1b]0;x\\x07tle', apiKeyDescription: 'ok\\r\\nisEnabled          false', isEnabled: 'true' })
    expect(result.stdout.trimEnd().split('\n')).toHaveLength(Object.keys(key).length)
  })

  test('control characters in listed keys are shown as escapes in the list table', async () => {
    const prefix = uniqueName('esc')
    gw().seedKey({ apiKeyName: `${prefix}\x1b[2J`, apiKeyDescription: hostile })
    const result = await cli(['api-key', 'list', '--name', prefix, '--output', 'table'])
    expect(result.stdout).not.toMatch(rawControl)
    expect(result.stdout.trimEnd().split('\n')).toHaveLength(2)
    expect(result.stdout).toContain(`${prefix}\\x1b[2J`)
    expect(result.stdout).toContain('\\x1b]0;owned\\x07\\x1b[2J\\r\\n  status: 200')
  })

  test('control characters in an error are shown as escapes in the text error, and forge no line', async () => {
    gw().injectFault({ kind: 'status', status: 404, operationId: 'getApiKey', details: hostile })
    const result = await cli(['api-key', 'get', 'gone', '--output', 'table'])
    expect(result.code).toBe(exitCodes.api)
    expect(result.stderr).not.toMatch(rawControl)
    expect(result.stderr).toContain('\\x1b]0;owned\\x07\\x1b[2J')
    expect(result.stderr.match(/^ {2}status:/gm)).toEqual(['  status:'])
    expect(result.stderr).toMatch(/^ {2}status: +404$/m)
  })

  test.each([
    ['an array', (value: string) => [value]],
    ['an object', (value: string) => ({ value })],
  ])('key values sent as %s are refused by the client and never printed (exit 5)', async (_, shape) => {
    const key = gw().seedKey({ apiKeyName: 'odd-shape' })
    for (const output of ['json', 'table']) {
      gw().injectFault({
        kind: 'transform',
        operationId: 'getApiKey',
        transform: (response) => {
          response.body.primaryKey = shape(response.body.primaryKey)
          response.body.secondaryKey = shape(response.body.secondaryKey)
        },
      })
      const result = await cli(['api-key', 'get', key.apiKeyId, '--output', output])
      expect(result.code).toBe(exitCodes.api)
      expect(result.stdout).toBe('')
      expect(result.stderr).toContain('primaryKey must be a string')
      expect(result.stdout + result.stderr).not.toContain(key.primaryKey)
      expect(result.stdout + result.stderr).not.toContain(key.secondaryKey)
    }
  })

  test('key values a server adds to listed keys are masked like any other', async () => {
    const prefix = uniqueName('leak')
    const key = gw().seedKey({ apiKeyName: `${prefix}1` })
    gw().injectFault({
      kind: 'transform',
      operationId: 'listApiKeys',
      transform: (response) => {
        for (const item of response.body.apiKeys) Object.assign(item, { primaryKey: key.primaryKey, secondaryKey: key.secondaryKey })
      },
    })
    const out = parsed<{ apiKeys: ApiKey[] }>(await cli(['api-key', 'list', '--name', prefix]))
    expect(out.apiKeys).toMatchObject([{ apiKeyId: key.apiKeyId, primaryKey: masked(key.primaryKey), secondaryKey: masked(key.secondaryKey) }])
  })

  test('key values a server nests in objects and arrays, or sends under other secret names, are masked too', async () => {
    const key = gw().seedKey({ apiKeyName: 'nested' })
    gw().injectFault({
      kind: 'transform',
      operationId: 'getApiKey',
      transform: (response) => {
        Object.assign(response.body, { previousKeys: { primaryKey: key.primaryKey }, history: [{ apiKeyValue: key.secondaryKey }, [{ secondaryKey: key.secondaryKey }]] })
      },
    })
    const out = parsed<Record<string, unknown>>(await cli(['api-key', 'get', key.apiKeyId]), maskNotice(['primaryKey', 'secondaryKey', 'apiKeyValue']))
    expect(out).toMatchObject({
      previousKeys: { primaryKey: masked(key.primaryKey) },
      history: [{ apiKeyValue: masked(key.secondaryKey) }, [{ secondaryKey: masked(key.secondaryKey) }]],
    })
    for (const output of ['json', 'table']) {
      gw().injectFault({ kind: 'transform', operationId: 'getApiKey', transform: (response) => void Object.assign(response.body, { previousKeys: { primaryKey: key.primaryKey } }) })
      const result = await cli(['api-key', 'get', key.apiKeyId, '--output', output])
      expect(result.stdout + result.stderr).not.toContain(key.primaryKey)
    }
  })

  test('a --base-url with a user and password is a usage error that never prints them, and nothing is sent', async () => {
    const before = gw().requests.length
    const withPassword = gw().url.replace('http://', 'http://operator:hunter2-pass@')
    for (const url of [withPassword, 'http://operator:hunter2-pass@exa mple/api/v1']) {
      for (const output of ['json', 'table']) {
        const result = await cli(['api-key', 'get', 'x', '--verbose', '--output', output], { baseUrl: url })
        expect(result.code).toBe(exitCodes.usage)
        expect(result.stderr).toContain("ncloud-apigw: option '--base-url <url>'")
        expect(result.stdout + result.stderr).not.toContain('hunter2')
        expect(result.stdout + result.stderr).not.toContain('operator')
      }
    }
    expect(sentSince(before)).toEqual([])
  })
})

describe('--verbose', () => {
  test('prints each attempt, answer with its trace ID, retry with its wait, on stderr; stdout is unchanged', async () => {
    const key = gw().seedKey({ apiKeyName: 'talkative' })
    gw().injectFault({ kind: 'status', status: 503, operationId: 'getApiKey' })
    const before = gw().requests.length
    const result = await cli(['api-key', 'get', key.apiKeyId, '--verbose'])
    expect(result.code).toBe(exitCodes.ok)
    expect(JSON.parse(result.stdout)).toMatchObject({ apiKeyId: key.apiKeyId, primaryKey: masked(key.primaryKey) })
    const [first, second] = sentSince(before)
    const lines = result.stderr.trimEnd().split('\n').map((line) => JSON.parse(line) as { debug?: Record<string, unknown> })
    expect(lines.at(-1)).toHaveProperty('notice')
    expect(lines.slice(0, -1).map((line) => line.debug)).toEqual([
      { message: 'ncp request', operation: 'getApiKey', attempt: 1, method: 'GET', target: `/api-keys/${key.apiKeyId}` },
      { message: 'ncp response', operation: 'getApiKey', attempt: 1, status: 503, traceId: first!.traceId },
      { message: 'ncp retry', operation: 'getApiKey', attempt: 1, reason: 503, delayMs: expect.any(Number) },
      { message: 'ncp request', operation: 'getApiKey', attempt: 2, method: 'GET', target: `/api-keys/${key.apiKeyId}` },
      { message: 'ncp response', operation: 'getApiKey', attempt: 2, status: 200, traceId: second!.traceId },
    ])
  })

  test('as text, one line per event, and a clock correction says by how much', async () => {
    const key = gw().seedKey({ apiKeyName: 'skewed' })
    gw().setClockOffset(10 * 60_000)
    try {
      const before = gw().requests.length
      const result = await cli(['api-key', 'get', key.apiKeyId, '--verbose', '--output', 'table'])
      expect(result.code).toBe(exitCodes.ok)
      const [first, second] = sentSince(before)
      const lines = result.stderr.split('\n').filter((line) => line.startsWith('ncloud-apigw: '))
      expect(lines).toHaveLength(5)
      expect(lines[0]).toBe(`ncloud-apigw: getApiKey attempt 1: GET /api-keys/${key.apiKeyId}`)
      expect(lines[1]).toBe(`ncloud-apigw: getApiKey attempt 1: HTTP 401, trace ID ${first!.traceId}`)
      expect(lines[2]).toMatch(/^ncloud-apigw: getApiKey attempt 1: the API's clock is \d+ ms ahead of the local clock; signing again by the API's$/)
      expect(lines[4]).toBe(`ncloud-apigw: getApiKey attempt 2: HTTP 200, trace ID ${second!.traceId}`)
      expect(result.stderr).not.toContain(TEST_CREDENTIALS.secretKey)
    } finally {
      gw().setClockOffset(0)
    }
  })

  test('without --verbose, stderr holds only the masking notice', async () => {
    const key = gw().seedKey({ apiKeyName: 'quiet' })
    expect((await cli(['api-key', 'get', key.apiKeyId])).stderr).toBe(maskNotice())
  })

  test('--debug is --verbose', async () => {
    const key = gw().seedKey({ apiKeyName: 'debugged' })
    const result = await cli(['api-key', 'get', key.apiKeyId, '--debug', '--output', 'table'])
    expect(result.stderr).toContain(`ncloud-apigw: getApiKey attempt 1: GET /api-keys/${key.apiKeyId}\n`)
  })
})

test('the User-Agent names the client, Node and the CLI with their versions', async () => {
  const read = async (url: URL) => (JSON.parse(await readFile(url, 'utf8')) as { version: string }).version
  const cliVersion = await read(new URL('../package.json', import.meta.url))
  const clientVersion = await read(new URL(import.meta.resolve('@ncloud-apigw/client/package.json')))
  const key = gw().seedKey()
  await cli(['api-key', 'get', key.apiKeyId])
  expect(gw().requests.at(-1)!.headers['user-agent']).toBe(`ncloud-apigw-client/${clientVersion} node/${process.versions.node} ncloud-apigw-cli/${cliVersion}`)
})


noSecretsLeaked(harness, { runs: 10, shown: false })

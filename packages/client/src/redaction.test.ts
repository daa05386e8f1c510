// A hostile server that echoes everything back, in every shape it can: the request headers
// (signature included) in NCP's `details`, as an object, in HTML, in a trace-id header, in nested
// objects and arrays, URL- or JSON-escaped, in Python's repr, in a redirect's Location, in a
// malformed HTTP answer; the key values it handed out and even the secret key. No error, log line
// or serialisation of either may hold a key value, the secret key or a signature.
import { inspect } from 'node:util'
import type { IncomingMessage } from 'node:http'
import { describe as say } from '@ncloud-apigw/operations'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { untimedClient } from '../test/fixtures/attempt-timer.js'
import { nameRule } from '../test/fixtures/limits.js'
import { type Loopback, sendJson, startRawServer, startServer } from '../test/fixtures/loopback.js'
import { credentials, scriptedFetch } from '../test/fixtures/scripted-fetch.js'
import { NcpApiError, NcpError, NcpNetworkError } from './errors.js'
import { type ApiKeyClient, createRawClient } from './node.js'
import { redactText } from './redact.js'

// Key values as NCP makes them (40 letters and digits), and short ones only a field name gives away.
const PRIMARY = 'Vk37ZE39kJcZScH50cYsJiYf1EJUQ7haPjyVk37Z'
const SECONDARY = 'WKmt1IVMAlXtg0yJ5jelwwiltuJBFKBDW9RWKmt1'
const SHORT_PRIMARY = 'ShortKey7'
const SHORT_SECONDARY = 'Tiny2Key'
const key = {
  apiKeyId: 'hostile',
  tenantId: 't',
  apiKeyName: 'ci-bot',
  primaryKey: PRIMARY,
  secondaryKey: SECONDARY,
  modifier: 'm',
  isEnabled: true,
  modTime: '2024-05-07T07:08:12Z',
  domainCode: 'PUB',
}

const ncp = (errorCode: unknown, message: unknown, details?: unknown) => ({ error: { errorCode, message, details } })

type Shape = (h: IncomingMessage['headers'], sig: string) => { status: number; headers?: Record<string, string>; body: unknown; raw?: boolean }

/** Every way the hostile server answers, by the API key ID asked for. */
const shapes: Record<string, Shape> = {
  'details-as-json-text': (h) => ({ status: 400, body: ncp('100', 'Bad Request Exception', JSON.stringify(h)) }),
  'details-as-object': (h) => ({ status: 400, body: ncp('100', 'Bad Request Exception', { request: { headers: h }, keys: [key] }) }),
  'message-with-key-values': () => ({ status: 404, body: ncp('300', `no such key (primaryKey=${SHORT_PRIMARY}, secondaryKey: ${SHORT_SECONDARY}, value ${PRIMARY})`) }),
  'errorCode-is-the-signature': (_h, sig) => ({ status: 401, body: ncp(sig, 'Authentication Failed', `expected ${sig}`) }),
  'message-is-an-object': (h) => ({ status: 401, body: ncp('200', { primaryKey: SHORT_PRIMARY, headers: h }) }),
  'not-ncp-json-with-the-key': (h) => ({ status: 500, body: { apiKey: { ...key, primaryKey: SHORT_PRIMARY }, echo: h } }),
  'nested-arrays': (_h, sig) => ({ status: 502, body: [{ primaryKey: SHORT_PRIMARY }, [sig, [SECONDARY]], { a: { b: { secretKey: credentials.secretKey, secondary_key: SHORT_SECONDARY } } }] }),
  html: (h, sig) => ({
    status: 502,
    raw: true,
    body:
      `<html><body><h1>502</h1><pre>x-ncp-apigw-signature-v2: ${sig}\nx-ncp-iam-access-key: ${h['x-ncp-iam-access-key']}</pre>` +
      `<table><tr><td>primaryKey</td><td>${PRIMARY}</td></tr></table><code>{&quot;primaryKey&quot;:&quot;${SHORT_PRIMARY}&quot;}</code></body></html>`,
  }),
  'trace-id-is-the-signature': (_h, sig) => ({ status: 403, headers: { 'x-ncp-trace-id': sig }, body: ncp('230', 'Forbidden') }),
  'trace-id-with-a-key': () => ({ status: 403, headers: { 'x-ncp-trace-id': `trace primaryKey=${SHORT_PRIMARY} ${PRIMARY}` }, body: ncp('230', 'Forbidden') }),
  'escaped-json-truncated': (_h, sig) => ({
    status: 500,
    raw: true,
    body: `{"error":{"errorCode":"900","details":"{\\"primaryKey\\":\\"${SHORT_PRIMARY}\\",\\"signature\\":\\"${sig.replace(/\//g, '\\/')}`,
  }),
  'python-repr': (_h, sig) => ({ status: 500, raw: true, body: `{'primaryKey': '${SHORT_PRIMARY}', 'x-ncp-apigw-signature-v2': '${sig}'}` }),
  'url-encoded': (_h, sig) => ({ status: 400, raw: true, body: `echo=${encodeURIComponent(sig)}&signature=${encodeURIComponent(sig)}&k=${PRIMARY}` }),
  'secret-key-echoed': () => ({ status: 400, body: ncp('100', 'Bad Request Exception', `signed with ${credentials.secretKey} (secret)`) }),
  'secret-key-split-by-whitespace': () => ({ status: 400, raw: true, body: `secret\n${credentials.secretKey.slice(0, 20)}\n${credentials.secretKey.slice(20)}` }),
  'throttled-with-echo': (h) => ({ status: 429, headers: { 'retry-after': '0' }, body: ncp('410', 'Throttle Limited', JSON.stringify(h)) }),
  'documented-2xx-broken': () => ({ status: 200, body: { ...key, isEnabled: 'yes', primaryKey: 42 } }),
  '2xx-not-json': () => ({ status: 200, raw: true, body: `{"primaryKey":"${PRIMARY}","secondaryKey":"${SHORT_SECONDARY}"` }),
  redirect: (_h, sig) => ({ status: 302, headers: { location: `https://evil.example/${encodeURIComponent(sig)}?k=${PRIMARY}` }, body: '' , raw: true }),
  large: () => ({ status: 200, raw: true, body: `{"primaryKey":"${PRIMARY}",${' '.repeat(70_000)}` }),
}

let server: Loopback
let malformed: Loopback
const signatures = () => [...server.received, ...malformed.received].map((r) => String(r.headers['x-ncp-apigw-signature-v2'])).filter((s) => s.length > 20)

beforeAll(async () => {
  server = await startServer((request, res) => {
    const id = decodeURIComponent(request.target.split('?')[0]!.split('/').at(-1)!)
    const sig = String(request.headers['x-ncp-apigw-signature-v2'])
    if (request.method === 'POST') return sendJson(res, 201, { apiKey: key })
    const shape = shapes[id]?.(request.headers, sig) ?? { status: 404, body: ncp('300', 'Not Found Exception') }
    res.writeHead(shape.status, { 'content-type': shape.raw ? 'text/html' : 'application/json', ...shape.headers })
    res.end(shape.raw ? String(shape.body) : JSON.stringify(shape.body))
  })
  // An answer HTTP cannot parse, holding the signature: fetch's parser error keeps those bytes.
  malformed = await startRawServer((_n, request) => {
    const sig = /x-ncp-apigw-signature-v2: (\S+)/i.exec(request)?.[1] ?? ''
    return `HTTP/1.1 200 OK\r\nX-Echo: \x01${sig} primaryKey=${SHORT_PRIMARY} ${PRIMARY}\r\nContent-Length: 2\r\n\r\n{}`
  })
})
afterAll(async () => {
  await server.close()
  await malformed.close()
})

function everySecret(): string[] {
  const sigs = signatures()
  expect(sigs.length).toBeGreaterThan(5)
  return [
    credentials.secretKey,
    PRIMARY,
    SECONDARY,
    SHORT_PRIMARY,
    SHORT_SECONDARY,
    ...sigs,
    ...sigs.map(encodeURIComponent),
    ...sigs.map((s) => s.replace(/\//g, '\\/')),
  ]
}

function texts(value: unknown): string[] {
  return [JSON.stringify(value), inspect(value, { depth: 20, showHidden: true }), String(value), (value as Error)?.stack ?? '']
}

describe('a hostile server echoing everything', () => {
  const lines: unknown[] = []
  const errors: unknown[] = []
  let apigw: ApiKeyClient

  beforeAll(async () => {
    const logger = { debug: (message: string, meta: Record<string, unknown>) => void lines.push({ message, meta }) }
    apigw = untimedClient({ credentials, baseUrl: server.baseUrl, logger, maxAttempts: 2, random: () => 0, maxResponseBytes: 64 * 1024 })
    const collect = (p: Promise<unknown>) => p.then(() => errors.push(undefined), (e: unknown) => void errors.push(e))
    await apigw.createApiKey({ apiKeyName: 'ci-bot' })
    for (const shape of Object.keys(shapes)) await collect(apigw.getApiKey(shape))
    await collect(apigw.createApiKey({ apiKeyName: 'ci-bot' }).then(() => apigw.updateApiKey('details-as-object', { apiKeyName: 'ci-bot', isEnabled: true })))
    await collect(apigw.deleteApiKey('html'))
    await collect(apigw.regenerateApiKey('message-with-key-values', 'PRIMARY'))
    await collect(apigw.listApiKeys({ apiKeyName: 'x' }).then(() => undefined))
    const raw = createRawClient(apigw)
    await collect(raw.GET('/api-keys/{api-key-id}', { params: { path: { 'api-key-id': 'redirect' } } }))
    await collect(raw.GET('/api-keys/{api-key-id}', { params: { path: { 'api-key-id': 'large' } } }))
    const broken = untimedClient({ credentials, baseUrl: malformed.baseUrl, logger, maxAttempts: 2, random: () => 0 })
    await collect(broken.getApiKey('k'))
    await collect(broken.createApiKey({ apiKeyName: 'ci-bot' }))
  })

  test('every call failed with a typed error', () => {
    expect(errors).toHaveLength(Object.keys(shapes).length + 8)
    for (const error of errors) expect(error).toBeInstanceOf(NcpError)
    expect(errors.filter((e) => e instanceof NcpNetworkError)).toHaveLength(2)
  })

  test('no error holds the secret key, a signature or a key value, in its message, JSON, inspect or stack', () => {
    const secrets = everySecret()
    for (const error of errors) {
      for (const text of texts(error)) {
        for (const secret of secrets) expect(text, `${(error as Error).message}`).not.toContain(secret)
      }
    }
  })

  test('nor does a log line, nor the client', () => {
    const secrets = everySecret()
    expect(lines.length).toBeGreaterThan(20)
    for (const value of [lines, apigw]) for (const text of texts(value)) for (const secret of secrets) expect(text).not.toContain(secret)
  })

  test('what is not secret is kept: NCP codes and messages, the status, where a redirect pointed', () => {
    const byMessage = (part: string) => errors.find((e) => (e as Error).message.includes(part)) as NcpApiError
    expect(byMessage('Throttle Limited')).toMatchObject({ status: 429, errorCode: '410', retryable: true })
    expect(byMessage('Forbidden')).toMatchObject({ status: 403, errorCode: '230' })
    expect(errors.find((e) => (e as NcpApiError).status === 302)).toMatchObject({ location: 'https://evil.example' })
    expect((errors.find((e) => (e as NcpApiError).status === 502) as NcpApiError).excerpt).toMatch(/^\[/)
  })

  test("the malformed answer is a network error whose cause keeps only a redacted reason and the code this Node's fetch gives", async () => {
    // What this Node's own fetch says of the same answer: Node 20 and 22 give a code, Node 24 none
    // (the shapes of each are below).
    const direct = (await fetch(`${malformed.baseUrl}/api-keys/k`).catch((e: unknown) => e)) as Error & { cause: { code?: unknown } }
    expect(direct.cause).toMatchObject({ name: 'HTTPParserError', message: 'Response does not match the HTTP/1.1 protocol (Invalid header value char)' })
    const code = direct.cause.code
    expect([undefined, 'HPE_INVALID_HEADER_TOKEN']).toContain(code)
    const network = errors.filter((e) => e instanceof NcpNetworkError) as NcpNetworkError[]
    expect(network).toHaveLength(2)
    for (const error of network) {
      expect(error.cause).toBeInstanceOf(Error)
      expect(Object.keys(error.cause as object).sort()).toEqual(code === undefined ? ['name'] : ['code', 'name'])
      expect((error.cause as { code?: unknown }).code).toBe(code)
      expect((error.cause as Error).message).toBe('fetch failed: Response does not match the HTTP/1.1 protocol (Invalid header value char)')
    }
  })
})

describe("an answer that is not HTTP, as each Node's fetch reports it", () => {
  // The shapes found by fetching from a server whose answer has a control character in a header:
  // the cause is undici's HTTPParserError, holding the unparsed bytes (an echoed signature among
  // them) as `data`. Node 20.20 and 22.23 (undici 6) give llhttp's code; Node 24.21 (undici 7,
  // also the undici the client loads for a proxy on any Node) has the field, left undefined.
  const signature = 'mOCDC9rpTaXIZVq1R67AhW5mwkBmY5VNV085/6K9zgk='
  class HTTPParserError extends Error {
    readonly data: string
    constructor(
      message: string,
      readonly code: string | undefined,
      data: string,
    ) {
      super(message)
      this.name = 'HTTPParserError'
      this.data = data
    }
  }
  const parserError = (code: string | undefined) =>
    new TypeError('fetch failed', {
      cause: new HTTPParserError('Response does not match the HTTP/1.1 protocol (Invalid header value char)', code, `\x01${signature} primaryKey=${PRIMARY}\r\n\r\n{}`),
    })

  test.each([
    ['Node 20 and 22', 'HPE_INVALID_HEADER_TOKEN', ['code', 'name']],
    ['Node 24', undefined, ['name']],
  ])('%s: NcpNetworkError whose cause keeps the reason, and the code only where fetch gave one', async (_node, code, keys) => {
    const { fetch } = scriptedFetch(parserError(code))
    const error = await untimedClient({ credentials, baseUrl: 'https://apigw.test/api/v1', fetch, maxAttempts: 1 })
      .getApiKey('k')
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(NcpNetworkError)
    expect((error as Error).message).toBe(
      'getApiKey attempt 1 got no answer (fetch failed: Response does not match the HTTP/1.1 protocol (Invalid header value char)); check the network and the base URL.',
    )
    const cause = (error as NcpNetworkError).cause as Error & { code?: string }
    expect(Object.keys(cause).sort()).toEqual(keys)
    expect(cause).toMatchObject({ name: 'TypeError', message: 'fetch failed: Response does not match the HTTP/1.1 protocol (Invalid header value char)' })
    expect(cause.code).toBe(code)
    for (const text of texts(error)) for (const secret of [signature, PRIMARY]) expect(text).not.toContain(secret)
  })
})

describe('redactText', () => {
  const sig = 'mOCDC9rpTaXIZVq1R67AhW5mwkBmY5VNV085/6K9zgk='
  test.each([
    ['JSON', `{"primaryKey":"${SHORT_PRIMARY}"}`],
    ['JSON with spaces', `{ "primaryKey" : "${SHORT_PRIMARY}" }`],
    ['escaped JSON', `{\\"primaryKey\\":\\"${SHORT_PRIMARY}\\"}`],
    ['HTML-escaped JSON', `{&quot;primaryKey&quot;:&quot;${SHORT_PRIMARY}&quot;}`],
    ["Python's repr", `{'primary_key': '${SHORT_PRIMARY}'}`],
    ['a header line', `X-Ncp-Apigw-Api-Key: ${SHORT_PRIMARY}`],
    ['a query string', `a=1&secondary-key=${SHORT_PRIMARY}&b=2`],
    ['a password', `password=${SHORT_PRIMARY}`],
  ])('a secret-named field as %s', (_name, text) => {
    expect(redactText(text, [])).not.toContain(SHORT_PRIMARY)
  })

  test.each([
    ['as is', sig],
    ['URL-encoded', encodeURIComponent(sig)],
    ['with JSON-escaped slashes', sig.replace(/\//g, '\\/')],
  ])('a known secret %s', (_name, form) => {
    expect(redactText(`echo ${form} end`, [sig])).toBe('echo [redacted] end')
  })

  test('a long token, the shape of key values and signatures, wherever it is', () => {
    expect(redactText(`<td>${PRIMARY}</td>`, [])).toBe('<td>[redacted]</td>')
  })

  test('ordinary error text is left alone', () => {
    const text = 'Authentication Failed: the timestamp is more than 5 minutes from the server time (x-ncp-apigw-timestamp).'
    expect(redactText(text, [sig])).toBe(text)
    const problem = `apiKeyName must be ${say(nameRule)}; apiKeyId cvcohvd2xj not found`
    expect(redactText(problem, [])).toBe(problem)
  })
})

// The signature and the secret key echoed in the encodings real software writes them in: HTML
// entities (Go's html/template writes + as &#43;), percent escapes in any case and nested (a
// proxy that encodes twice), \uXXXX, + turned into a space by a form decoder, line breaks and
// spaces inside. Redaction finds them in a decoded view of the text and masks the matching span
// of the original, wherever server text reaches: the message, toJSON, inspect, stack, traceId,
// excerpt, details and the logger. The replay test shows why: the signature does not cover the
// body, so for five minutes it reads the key it was made for.
import { inspect } from 'node:util'
import { type FakeApiGateway, startFakeApiGateway, TEST_CREDENTIALS } from '@ncloud-apigw/testing'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { untimedClient } from '../test/fixtures/attempt-timer.js'
import { type Loopback, startServer } from '../test/fixtures/loopback.js'
import { baseUrl, credentials, json, scriptedFetch } from '../test/fixtures/scripted-fetch.js'
import { NcpApiError } from './errors.js'
import { redactText } from './redact.js'

// A signature with both + and /, the characters entity and percent encoders rewrite.
const sig = 'mOCDC9rpTaXIZVq1R67AhW5+wkBmY5VNV085/6K9zgk='
const secretKey = 'NCPTESTSECRETKEY-never-to-be-seen-000001'

const hex = (c: string, lower = false) => {
  const h = c.charCodeAt(0).toString(16).padStart(2, '0')
  return lower ? h : h.toUpperCase()
}
/** Every character of `text` as the encoder writes it. */
const every = (text: string, encode: (c: string, i: number) => string) => [...text].map(encode).join('')

const encodings: [string, (s: string) => string][] = [
  ['+ and / as decimal entities (html/template)', (s) => s.replaceAll('+', '&#43;').replaceAll('/', '&#47;')],
  ['+ and / as hex entities, either case', (s) => s.replaceAll('+', '&#x2B;').replaceAll('/', '&#X2f;')],
  ['+, / and = as named entities', (s) => s.replaceAll('+', '&plus;').replaceAll('/', '&sol;').replaceAll('=', '&equals;')],
  ['every character a decimal entity, with leading zeros', (s) => every(s, (c) => `&#00${c.charCodeAt(0)};`)],
  ['entities escaped again (&amp;#43;)', (s) => s.replaceAll('+', '&amp;#43;').replaceAll('/', '&amp;#x2F;')],
  ['every character percent-encoded, upper case', (s) => every(s, (c) => `%${hex(c)}`)],
  ['every character percent-encoded, lower case', (s) => every(s, (c) => `%${hex(c, true)}`)],
  ['percent-encoded twice', (s) => encodeURIComponent(encodeURIComponent(s))],
  ['percent-encoded three times, mixed case', (s) => every(s, (c, i) => `%2525${hex(c, i % 2 === 0)}`)],
  ['every character as \\uXXXX', (s) => every(s, (c) => `\\u00${hex(c, true)}`)],
  ['+ as a space (a form decoder)', (s) => s.replaceAll('+', ' ')],
  ['split by line breaks', (s) => `${s.slice(0, 15)}\r\n${s.slice(15, 30)}\n  ${s.slice(30)}`],
  ['+ as a space, split by a line break, percent-encoded', (s) => encodeURIComponent(`${s.slice(0, 20)}\n${s.slice(20)}`.replaceAll('+', ' '))],
  ['a percent-encoded entity (%26%2343%3B)', (s) => s.replaceAll('+', '%26%2343%3B')],
]

describe('redactText finds a known secret in any encoding and masks exactly its span', () => {
  test.each(encodings)('the signature, %s', (_name, encode) => {
    const text = `before ${encode(sig)} after`
    expect(text).not.toContain(sig)
    expect(redactText(text, [sig])).toBe('before [redacted] after')
  })

  test.each(encodings)('the secret key, %s', (_name, encode) => {
    expect(redactText(`<pre>${encode(secretKey)}</pre>`, [secretKey])).toBe('<pre>[redacted]</pre>')
  })

  test('a key value no secret list knows, written as entities or percent escapes: the long-token net sees through them', () => {
    const value = 'Vk37ZE39kJcZScH50cYsJiYf1EJUQ7haPjyVk37Z'
    expect(redactText(`<td>${every(value, (c) => `&#${c.charCodeAt(0)};`)}</td>`, [])).toBe('<td>[redacted]</td>')
    expect(redactText(`k: ${every(value, (c) => `%${hex(c)}`)}&x=1`, [])).toBe('k: [redacted]&x=1')
  })

  test('a secret-named field written percent-encoded or as entities: its value is masked', () => {
    expect(redactText('a=1&primaryKey%3DShortKey7&b=2', [])).toBe('a=1&primaryKey%3D[redacted]&b=2')
    expect(redactText('secondaryKey&#58; Tiny2Key', [])).toBe('secondaryKey&#58; [redacted]')
  })

  test('ordinary text with escapes is left as it was written', () => {
    const text = 'Not Found: /api/v1/api-keys/a%20b?x=%2F &amp; 100% sure &#43; \\u0041 + more'
    expect(redactText(text, [sig, secretKey])).toBe(text)
  })

  test('a secret shorter than 4 characters once spaces and + are set aside is not searched for (it would mask words)', () => {
    expect(redactText('a + b', ['a +b'])).toBe('a + b')
  })
})

// A server in front of API Gateway that echoes the request's signature in one of the encodings,
// in NCP's details, in an HTML page or in the trace-id header. Every eighth character is encoded
// (or a line break put in), so no run of the signature is long enough for the long-token net
// whatever the signature holds, and each echo is short enough to be quoted whole.
type Echo = (sig: string) => { body: string; type: string; traceId?: string }
const eighth = (encode: (c: string) => string) => (s: string) => every(s, (c, i) => (i % 8 === 7 ? encode(c) : c))
const ncp = (details: string) => JSON.stringify({ error: { errorCode: '100', message: 'Bad Request Exception', details } })
const echoes: Record<string, Echo> = {
  'details, decimal entities': (s) => ({ type: 'application/json', body: ncp(`signature ${eighth((c) => `&#${c.charCodeAt(0)};`)(s)}`) }),
  'details, percent-encoded twice': (s) => ({ type: 'application/json', body: ncp(encodeURIComponent(eighth((c) => `%${hex(c)}`)(s))) }),
  'details, every character percent-encoded': (s) => ({ type: 'application/json', body: ncp(every(s, (c) => `%${hex(c, true)}`)) }),
  'details, split by line breaks': (s) => ({ type: 'application/json', body: ncp(s.match(/.{1,11}/g)!.join('\r\n')) }),
  'details, + as a space and a space every eleventh character': (s) => ({ type: 'application/json', body: ncp(every(s, (c, i) => (c === '+' ? ' ' : i % 11 === 10 ? `${c} ` : c))) }),
  'an HTML page, \\uXXXX': (s) => ({ type: 'text/html', body: `<html><pre>echo ${eighth((c) => `\\u00${hex(c, true)}`)(s)}</pre></html>` }),
  'an HTML page, lines of 11': (s) => ({ type: 'text/html', body: `<html><pre>${s.match(/.{1,11}/g)!.join('\n')}</pre></html>` }),
  'the trace-id header, percent-encoded in lower case': (s) => ({ type: 'application/json', body: ncp('see the trace'), traceId: eighth((c) => `%${hex(c, true)}`)(s) }),
  'the trace-id header, hex entities': (s) => ({ type: 'application/json', body: ncp('see the trace'), traceId: eighth((c) => `&#x${hex(c)};`)(s) }),
}

/** Every way the reader of a log could decode a text: each decoder the encodings above call for, in turn. */
function readings(text: string): string[] {
  const entities = (t: string) =>
    t
      .replace(/&#[xX]([0-9a-fA-F]+);/g, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
      .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
      .replaceAll('&amp;', '&')
  const percent = (t: string) => t.replace(/%[0-9a-fA-F]{2}/g, (m) => String.fromCharCode(parseInt(m.slice(1), 16)))
  const unicode = (t: string) => t.replace(/\\u([0-9a-fA-F]{4})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)))
  let decoded = text
  for (let i = 0; i < 3; i++) decoded = unicode(percent(entities(decoded)))
  // Spaces and line breaks read away, and + turned into a space read back.
  return [text, decoded, decoded.replace(/\s+/g, ''), decoded.replace(/\s+/g, '+'), decoded.replace(/[\s+]/g, '')]
}
const plain = (s: string) => s.replace(/[\s+]/g, '')

describe('a server echoing the signature in those encodings', () => {
  let gw: FakeApiGateway
  let hostile: Loopback
  let echo: Echo
  const lines: unknown[] = []

  beforeAll(async () => {
    gw = await startFakeApiGateway()
    hostile = await startServer((request, res) => {
      const { body, type, traceId } = echo(String(request.headers['x-ncp-apigw-signature-v2']))
      res.writeHead(400, { 'content-type': type, ...(traceId && { 'x-ncp-trace-id': traceId }) })
      res.end(body)
    })
  })
  afterAll(async () => {
    await hostile.close()
    await gw.close()
  })

  test.each(Object.keys(echoes))('%s: no text of the error or the log holds it, and it cannot be replayed', async (name) => {
    echo = echoes[name]!
    const key = gw.seedKey()
    const logger = { debug: (message: string, meta: Record<string, unknown>) => void lines.push({ message, meta }) }
    const apigw = untimedClient({ credentials: TEST_CREDENTIALS, baseUrl: hostile.baseUrl, logger, maxAttempts: 1 })
    const error = (await apigw.getApiKey(key.apiKeyId).catch((e: unknown) => e)) as NcpApiError
    expect(error).toBeInstanceOf(NcpApiError)

    const sent = hostile.received.at(-1)!
    const signature = String(sent.headers['x-ncp-apigw-signature-v2'])
    const texts = [error.message, JSON.stringify(error), inspect(error, { depth: 20, showHidden: true }), error.stack ?? '', String(error.traceId), String(error.details), String(error.excerpt), JSON.stringify(lines)]
    // The replay: every signature-shaped string any reading of the texts holds, sent to API
    // Gateway with the timestamp and access key it went with. None may read the key.
    const candidates = new Set(texts.flatMap(readings).flatMap((t) => [...t.replace(/\s+/g, '+').matchAll(/[A-Za-z0-9+/]{43}=/g)].map((m) => m[0])))
    for (const candidate of candidates) {
      const replay = await fetch(`${gw.url}/api-keys/${encodeURIComponent(key.apiKeyId)}`, {
        headers: {
          'x-ncp-apigw-timestamp': String(sent.headers['x-ncp-apigw-timestamp']),
          'x-ncp-iam-access-key': String(sent.headers['x-ncp-iam-access-key']),
          'x-ncp-apigw-signature-v2': candidate,
        },
      })
      const body = await replay.text()
      expect(replay.status, `${name}: a signature read from the error was accepted`).toBe(401)
      expect(body).not.toContain(key.primaryKey)
    }
    for (const text of texts) for (const reading of readings(text)) expect(plain(reading), name).not.toContain(plain(signature))

    // The signature itself is good: replayed whole, it reads the key (which is why it is redacted).
    const genuine = await fetch(`${gw.url}/api-keys/${encodeURIComponent(key.apiKeyId)}`, {
      headers: { 'x-ncp-apigw-timestamp': String(sent.headers['x-ncp-apigw-timestamp']), 'x-ncp-iam-access-key': String(sent.headers['x-ncp-iam-access-key']), 'x-ncp-apigw-signature-v2': signature },
    })
    expect(genuine.status).toBe(200)
  })
})

test("an earlier attempt's signature echoed in a later answer is redacted too: the call's secrets are every attempt's", async () => {
  const { fetch, seen } = scriptedFetch(new Response('busy', { status: 503 }), () =>
    json({ error: { errorCode: '100', message: 'Bad Request', details: `first: ${seen[0]!.headers.get('x-ncp-apigw-signature-v2')!.match(/.{1,11}/g)!.join('\n')}` } }, 400),
  )
  const error = await untimedClient({ credentials, baseUrl, fetch, maxAttempts: 2, random: () => 0, sleep: async () => {} })
    .getApiKey('k')
    .catch((e: unknown) => e)
  expect(error).toBeInstanceOf(NcpApiError)
  expect(seen).toHaveLength(2)
  const first = plain(seen[0]!.headers.get('x-ncp-apigw-signature-v2')!)
  for (const text of [(error as Error).message, JSON.stringify(error), inspect(error)]) for (const reading of readings(text)) expect(plain(reading)).not.toContain(first)
})

// Property tests: both entries agree with an independent node:crypto reference on generated
// input, far beyond the fixed vectors of signer.test.ts.
import { createHmac } from 'node:crypto'
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import * as webEntry from './index.js'
import * as nodeEntry from './node.js'

// NCP's signature v2 written out from the spec's description, sharing no code with the signer.
function reference(method: string, pathWithQuery: string, timestamp: string, accessKey: string, secretKey: string): string {
  return createHmac('sha256', secretKey).update(`${method.toUpperCase()} ${pathWithQuery}\n${timestamp}\n${accessKey}`).digest('base64')
}

// Text of every kind: ASCII, any Unicode code point (lone surrogates included), and the
// characters that URLs reserve.
const reserved = fc.constantFrom(...[...":/?#[]@!$&'()*+,;=% "])
const anyText = (maxLength: number) =>
  fc.oneof(
    fc.string({ maxLength }),
    fc.string({ unit: 'binary', maxLength }),
    fc.string({ unit: fc.oneof(reserved, fc.constantFrom('é', '키', '😀', '\u0000', '\u{10FFFF}')), maxLength }),
  )

// Any HTTP method: the four, lower case, and any token (RFC 9110's tchar).
const method = fc.oneof(fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'get', 'patch'), fc.stringMatching(/^[!#$%&'*+\-.^_`|~0-9A-Za-z]{1,12}$/))
// Percent-encoded or raw segments: the signer signs whatever path it is given, byte for byte.
const segment = fc.oneof(anyText(30), anyText(30).map(encodeURIComponent))
const queryPart = fc.tuple(fc.oneof(fc.constantFrom('a', 'b', ''), anyText(8)), fc.option(anyText(8), { nil: undefined }))
// Repeated keys (few distinct names), empty keys and keys without a value.
const query = fc.array(queryPart, { maxLength: 6 }).map((parts) => parts.map(([k, v]) => (v === undefined ? k : `${k}=${v}`)).join('&'))
const pathWithQuery = fc
  .tuple(fc.array(segment, { maxLength: 6 }), fc.option(query, { nil: undefined }))
  .map(([segments, q]) => `/api/v1/${segments.join('/')}${q === undefined ? '' : `?${q}`}`)
const input = fc.record({
  method,
  pathWithQuery,
  timestamp: fc.oneof(fc.nat().map(String), fc.bigInt({ min: 0n, max: 10n ** 15n }).map(String)),
  accessKey: anyText(40),
  // Any secret the signer accepts: a non-empty string of any code points.
  secretKey: fc.oneof(anyText(200), fc.string({ unit: 'binary', minLength: 1, maxLength: 300 })).filter((s) => s.length > 0),
})

describe('signature v2 as properties', () => {
  test('both entries agree with the node:crypto reference on 10,000 generated inputs', async () => {
    let checked = 0
    await fc.assert(
      fc.asyncProperty(input, async (i) => {
        const expected = reference(i.method, i.pathWithQuery, i.timestamp, i.accessKey, i.secretKey)
        expect(await nodeEntry.sign(i)).toBe(expected)
        expect(await webEntry.sign(i)).toBe(expected)
        checked++
      }),
      { numRuns: 10_000 },
    )
    expect(checked).toBeGreaterThanOrEqual(10_000)
  })

  // In a URL every reserved character of an id or query is percent-encoded (`'` too, which the
  // URL parser would encode in a query), so the path and query sent are known without parsing.
  const encode = (text: string) => encodeURIComponent(text).replace(/'/g, '%27')
  const wellFormed = fc.string({ unit: fc.oneof(fc.constantFrom(...[...":/?#[]@!$&'()*+,;=% é키😀"]), fc.string({ minLength: 1, maxLength: 1, unit: 'grapheme' })), minLength: 1, maxLength: 40 })

  test('signRequest signs the path and query exactly as the URL sends them, in both entries', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('GET', 'PUT', 'PATCH', 'POST'),
        wellFormed.filter((id) => id !== '.' && id !== '..'),
        fc.array(fc.tuple(fc.constantFrom('a', 'b', ''), fc.option(wellFormed, { nil: undefined })), { maxLength: 4 }),
        fc.nat(),
        anyText(40).filter((s) => s.length > 0),
        async (method, id, params, timestamp, secretKey) => {
          const query = params.map(([k, v]) => (v === undefined ? k : `${encode(k)}=${encode(v)}`)).join('&')
          // An empty query (`?` alone) is not sent: URL's `search` is then empty.
          const path = `/api/v1/api-keys/${encode(id)}${query ? `?${query}` : ''}`
          const url = `https://apigateway.apigw.ntruss.com${path}`
          const expected = reference(method, path, String(timestamp), 'AK', secretKey)
          for (const signer of [nodeEntry, webEntry]) {
            const headers = await signer.signRequest({ method, url, accessKey: 'AK', secretKey, now: () => timestamp })
            expect(headers).toEqual({ 'x-ncp-apigw-timestamp': String(timestamp), 'x-ncp-iam-access-key': 'AK', 'x-ncp-apigw-signature-v2': expected })
          }
        },
      ),
      { numRuns: 2_000 },
    )
  })
})

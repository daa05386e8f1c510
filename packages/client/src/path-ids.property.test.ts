// Property test of the path parameter: whatever the id (Unicode, '/', '?', '#', '%', spaces,
// very long), getApiKey reaches the fake API Gateway as one path segment that decodes back to
// the same id, with a signature that verifies over the path as sent.
import { startFakeApiGateway, TEST_CREDENTIALS } from '@ncloud-apigw/testing'
import fc from 'fast-check'
import { expect, test } from 'vitest'
import { untimedClient } from '../test/fixtures/attempt-timer.js'

const awkward = fc.constantFrom(...['/', '?', '#', '%', ' ', '%2F', '%25', '&', '=', '+', ';', "'", '"', '\\', '\t', '\n', '.', '..', '~', '키', 'é', '😀', '\u0000', '\u200B'])
const id = fc
  .oneof(
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }),
    fc.string({ unit: fc.oneof(awkward, fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 })), minLength: 1, maxLength: 40 }),
    // Very long: a few thousand characters, up to about 25 KB once percent-encoded.
    fc.string({ unit: fc.oneof(awkward, fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 })), minLength: 1000, maxLength: 3000 }),
  )
  // The client refuses these two before sending: URL resolution would remove them from the path.
  .filter((s) => s !== '.' && s !== '..')

test('a generated id arrives as one path segment, decodes to itself, and its signature verifies', async () => {
  const gw = await startFakeApiGateway()
  try {
    const apigw = untimedClient({ baseUrl: gw.url, credentials: TEST_CREDENTIALS })
    let runs = 0
    await fc.assert(
      fc.asyncProperty(id, async (apiKeyId) => {
        const seeded = gw.keys.get(apiKeyId) ?? gw.seedKey({ apiKeyId })
        expect(await apigw.getApiKey(apiKeyId)).toEqual(seeded)
        const request = gw.requests.at(-1)!
        const prefix = new URL(gw.url).pathname + '/api-keys/'
        expect(request.path.startsWith(prefix)).toBe(true)
        // One segment, and no query or fragment split off the id.
        expect(request.path.slice(prefix.length)).not.toMatch(/[/?#]/)
        expect(request.pathParams['api-key-id']).toBe(apiKeyId)
        expect(request.signatureValid).toBe(true)
        runs++
      }),
      { numRuns: 300 },
    )
    expect(runs).toBe(300)
    expect(gw.requests.every((r) => r.status === 200)).toBe(true)
  } finally {
    await gw.close()
  }
})

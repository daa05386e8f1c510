import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { ncpFetch, rawRequest } from '../test/ncp-fetch.js'
import { keyOperationIds, operations, pathOf, validBodies } from '../test/operation-requests.js'
import { startFakeApiGateway, TEST_CREDENTIALS, type FakeApiGateway } from './index.js'

// Every operation that names a key, the one that deletes it last.
const inOrder = [...keyOperationIds].sort((a, b) => Number(a === 'deleteApiKey') - Number(b === 'deleteApiKey'))

let gw: FakeApiGateway
beforeAll(async () => {
  gw = await startFakeApiGateway()
})
afterAll(async () => {
  await gw.close()
})

const ids: [string, string][] = [
  ['a slash', 'team/ci-bot'],
  ['a question mark', 'what?x=1'],
  ['a hash', 'key#1'],
  ['a percent sign', '100%'],
  ['something that looks percent-encoded', '%2F%41'],
  ['spaces', ' spaced  out '],
  ['Korean and an emoji', '키-🔑'],
  ['every reserved character', ":/?#[]@!$&'()*+,;=%"],
  ['a plus and a tilde', 'a+b~c'],
  ['a very long mixed id', `${'키/%? #'.repeat(700)}end`],
]

describe('an api-key-id is one percent-encoded path segment, decoded once', () => {
  test.each(ids)(`an id with %s is found by ${inOrder.join(', ')}, and the signature verifies`, async (_what, id) => {
    gw.seedKey({ apiKeyId: id, apiKeyName: 'special' })
    const before = gw.requests.length
    for (const op of inOrder) {
      const res = await ncpFetch(gw.url, TEST_CREDENTIALS, operations[op].method, pathOf(op, id), validBodies[op] === undefined ? {} : { body: validBodies[op] })
      expect(res.status, op).toBe(operations[op].success)
      if (op === 'getApiKey') expect(((await res.json()) as { apiKeyId: string }).apiKeyId).toBe(id)
      if (op === 'updateApiKey') expect(gw.keys.get(id)).toMatchObject({ apiKeyId: id, ...validBodies.updateApiKey })
    }
    expect(gw.keys.has(id)).toBe(false)
    const recorded = gw.requests.slice(before)
    expect(recorded.map((r) => [r.operationId, r.apiKeyId, r.signatureValid, r.path])).toEqual(
      inOrder.map((op) => [op, id, true, `/api/v1/api-keys/${encodeURIComponent(id)}`]),
    )
  })

  test('an id is decoded exactly once: %2541 is the id "%41", not "A"', async () => {
    gw.seedKey({ apiKeyId: 'A' })
    const res = await ncpFetch(gw.url, TEST_CREDENTIALS, 'GET', '/api-keys/%2541')
    expect(res.status).toBe(404)
    expect(gw.requests.at(-1)?.apiKeyId).toBe('%41')
  })

  test('an unencoded slash splits the path, so there is no such route', async () => {
    gw.seedKey({ apiKeyId: 'x/y' })
    const res = await rawRequest(gw.url, TEST_CREDENTIALS, 'GET', '/api/v1/api-keys/x/y')
    expect(res.status).toBe(404)
    expect(JSON.parse(res.body)).toMatchObject({ error: { errorCode: '300' } })
    expect(gw.requests.at(-1)?.operationId).toBeUndefined()
  })

  test.each(['%2E', '%2E%2E', '.%2e'])('an id %s that decodes to a dot segment is refused, as the shared rules refuse it', async (segment) => {
    const apiKeyId = decodeURIComponent(segment)
    if (!gw.keys.has(apiKeyId)) gw.seedKey({ apiKeyId })
    const res = await rawRequest(gw.url, TEST_CREDENTIALS, 'GET', `/api/v1/api-keys/${segment}`)
    expect(res.status).toBe(400)
    expect(JSON.parse(res.body)).toEqual({
      error: { errorCode: '100', message: 'Bad Request Exception', details: 'api-key-id must be well-formed text other than "." and ".."' },
    })
  })

  test('a segment that is not valid percent-encoded UTF-8 is a bad request', async () => {
    for (const segment of ['%E0%A4%A', '%ZZ', '%FF']) {
      const res = await rawRequest(gw.url, TEST_CREDENTIALS, 'GET', `/api/v1/api-keys/${segment}`)
      expect(res.status).toBe(400)
      expect(JSON.parse(res.body)).toEqual({
        error: { errorCode: '100', message: 'Bad Request Exception', details: expect.stringContaining('api-key-id') },
      })
      expect(gw.requests.at(-1)).toMatchObject({ operationId: 'getApiKey', apiKeyId: undefined, signatureValid: true })
    }
  })

  test('the signature covers the path exactly as sent, lower-case hex included', async () => {
    gw.seedKey({ apiKeyId: 'é' })
    // NFC é as %C3%A9, sent and signed in lower-case hex: a different path string, the same id.
    const res = await rawRequest(gw.url, TEST_CREDENTIALS, 'GET', '/api/v1/api-keys/%c3%a9')
    expect(res.status).toBe(200)
    expect(gw.requests.at(-1)).toMatchObject({ path: '/api/v1/api-keys/%c3%a9', apiKeyId: 'é', signatureValid: true })
  })
})

import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { ncpFetch, rawRequest } from '../test/ncp-fetch.js'
import { startFakeApiGateway, TEST_CREDENTIALS, type FakeApiGateway } from './index.js'

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
  test.each(ids)('an id with %s is found by GET, PUT and PATCH, and the signature verifies', async (_what, id) => {
    gw.seedKey({ apiKeyId: id, apiKeyName: 'special' })
    const path = `/api-keys/${encodeURIComponent(id)}`

    const got = await ncpFetch(gw.url, TEST_CREDENTIALS, 'GET', path)
    expect(got.status).toBe(200)
    expect(((await got.json()) as { apiKeyId: string }).apiKeyId).toBe(id)

    const put = await ncpFetch(gw.url, TEST_CREDENTIALS, 'PUT', path, { body: { apiKeyName: 'renamed', isEnabled: false } })
    expect(put.status).toBe(200)
    const patched = await ncpFetch(gw.url, TEST_CREDENTIALS, 'PATCH', path, { body: { keyType: 'SECONDARY' } })
    expect(patched.status).toBe(200)
    expect(gw.keys.get(id)).toMatchObject({ apiKeyId: id, apiKeyName: 'renamed', isEnabled: false })

    const recorded = gw.requests.slice(-3)
    expect(recorded.map((r) => [r.apiKeyId, r.signatureValid, r.path])).toEqual(
      Array.from({ length: 3 }, () => [id, true, `/api/v1${path}`]),
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

  test('dot segments that reach the server are ids like any other', async () => {
    gw.seedKey({ apiKeyId: '..' })
    const res = await rawRequest(gw.url, TEST_CREDENTIALS, 'GET', '/api/v1/api-keys/%2E%2E')
    expect(res.status).toBe(200)
    expect(JSON.parse(res.body)).toMatchObject({ apiKeyId: '..' })
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

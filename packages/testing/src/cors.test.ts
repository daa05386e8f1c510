import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { operationIds, operations } from '../test/example-requests.js'
import { ncpFetch } from '../test/ncp-fetch.js'
import { startFakeApiGateway, TEST_CREDENTIALS, type FakeApiGateway } from './index.js'

let gw: FakeApiGateway
beforeAll(async () => {
  gw = await startFakeApiGateway({ corsOrigins: ['https://app.example'] })
})
afterAll(async () => {
  await gw.close()
})

const origin = 'http://127.0.0.1:5173'
const signingHeaders = ['x-ncp-apigw-timestamp', 'x-ncp-iam-access-key', 'x-ncp-apigw-signature-v2']
const preflight = (path: string, from: string, method = 'POST', headers: Record<string, string> = {}) =>
  fetch(gw.url + path, { method: 'OPTIONS', headers: { origin: from, 'access-control-request-method': method, ...headers } })

describe('CORS, for pages on loopback origins', () => {
  test.each(operationIds)('a preflight for %s with the signing headers and Content-Type is allowed', async (id) => {
    const { method, path } = operations[id]
    const asked = ['content-type', ...signingHeaders].join(',')
    const res = await preflight(path.replace(/\{[^}]+\}/g, 'abc'), origin, method, { 'access-control-request-headers': asked })
    expect(res.status).toBe(204)
    expect(res.headers.get('access-control-allow-origin')).toBe(origin)
    expect(res.headers.get('vary')).toBe('Origin')
    expect(res.headers.get('access-control-allow-methods')?.split(', ')).toContain(method)
    expect(res.headers.get('access-control-allow-headers')).toBe(asked)
    expect(Number(res.headers.get('access-control-max-age'))).toBeGreaterThan(0)
    expect(await res.text()).toBe('')
  })

  test('the allowed methods are the methods of the operation table, and OPTIONS', async () => {
    const res = await preflight('/api-keys', origin, 'DELETE')
    const methods = new Set(operationIds.map((id) => operations[id].method))
    expect(res.headers.get('access-control-allow-methods')).toBe([...methods, 'OPTIONS'].join(', '))
  })

  test('a preflight that names no headers is told the signing headers and Content-Type', async () => {
    const res = await preflight('/api-keys', origin)
    const allowed = res.headers.get('access-control-allow-headers')?.split(', ') ?? []
    expect(allowed).toEqual(expect.arrayContaining(['content-type', ...signingHeaders]))
  })

  test('a preflight needs no signature and is recorded as a request without an operation', async () => {
    const before = gw.requests.length
    await preflight('/api-keys', origin)
    expect(gw.requests.slice(before)).toMatchObject([{ method: 'OPTIONS', operationId: undefined, status: 204 }])
  })

  test.each([
    ['a success', 'POST', '/api-keys', { apiKeyName: 'ci-bot' }, 201],
    ['a 204', 'DELETE', '/api-keys/{id}', undefined, 204],
    ['a page', 'GET', '/api-keys', undefined, 200],
    ['a 404', 'GET', '/api-keys/none', undefined, 404],
    ['a 400', 'POST', '/api-keys', { nope: 1 }, 400],
  ])('%s lets the page read the body, Date, Retry-After and x-ncp-trace-id', async (_what, method, path, body, status) => {
    const target = path.replace('{id}', gw.seedKey().apiKeyId)
    const res = await ncpFetch(gw.url, TEST_CREDENTIALS, method, target, { ...(body ? { body } : {}), headers: { origin } })
    expect(res.status).toBe(status)
    expect(res.headers.get('access-control-allow-origin')).toBe(origin)
    const exposed = res.headers.get('access-control-expose-headers')?.split(', ').map((h) => h.toLowerCase())
    expect(exposed).toEqual(expect.arrayContaining(['date', 'retry-after', 'x-ncp-trace-id']))
  })

  test('a 401 is readable cross-origin too, so a page can learn the clock offset', async () => {
    const res = await fetch(`${gw.url}/api-keys/abc`, { headers: { origin } })
    expect(res.status).toBe(401)
    expect(res.headers.get('access-control-allow-origin')).toBe(origin)
    expect(res.headers.get('date')).not.toBeNull()
  })

  test.each(['http://localhost:3000', 'https://127.0.0.1', 'http://127.1.2.3:8080', 'http://[::1]:4000'])('%s is a loopback page: allowed', async (page) => {
    expect((await preflight('/api-keys', page)).headers.get('access-control-allow-origin')).toBe(page)
  })
})

describe('other origins only when a test names them', () => {
  test.each(['https://evil.example', 'http://localhost.evil.example', 'http://127.0.0.1.evil.example', 'null', 'file://'])(
    'a page on %s gets no CORS headers, so its browser reads nothing',
    async (page) => {
      const res = await preflight('/api-keys', page)
      expect(res.headers.get('access-control-allow-origin')).toBeNull()
      expect(res.headers.get('access-control-allow-methods')).toBeNull()
      const call = await ncpFetch(gw.url, TEST_CREDENTIALS, 'GET', '/api-keys', { headers: { origin: page } })
      expect(call.status).toBe(200)
      expect(call.headers.get('access-control-allow-origin')).toBeNull()
      expect(call.headers.get('vary')).toBe('Origin')
    },
  )

  test('an origin given in corsOrigins is allowed, exactly', async () => {
    expect((await preflight('/api-keys', 'https://app.example')).headers.get('access-control-allow-origin')).toBe('https://app.example')
    expect((await preflight('/api-keys', 'https://app.example:8443')).headers.get('access-control-allow-origin')).toBeNull()
  })

  test('a request without an Origin (not from a page) carries no CORS headers', async () => {
    const res = await ncpFetch(gw.url, TEST_CREDENTIALS, 'GET', '/api-keys')
    expect(res.headers.get('access-control-allow-origin')).toBeNull()
    expect(res.headers.get('vary')).toBeNull()
  })

  test("'*' allows every origin, and 'null' the pages that send it", async () => {
    const open = await startFakeApiGateway({ corsOrigins: ['*'] })
    const local = await startFakeApiGateway({ corsOrigins: ['null'] })
    try {
      const from = (fake: FakeApiGateway, page: string) =>
        fetch(`${fake.url}/api-keys`, { method: 'OPTIONS', headers: { origin: page, 'access-control-request-method': 'GET' } })
      expect((await from(open, 'https://evil.example')).headers.get('access-control-allow-origin')).toBe('https://evil.example')
      expect((await from(local, 'null')).headers.get('access-control-allow-origin')).toBe('null')
      expect((await from(local, 'https://evil.example')).headers.get('access-control-allow-origin')).toBeNull()
    } finally {
      await Promise.all([open.close(), local.close()])
    }
  })

  test.each([['https://app.example/'], ['app.example'], ['https://app.example/path'], [42]])('a corsOrigins entry of %j is refused when starting', async (entry) => {
    await expect(startFakeApiGateway({ corsOrigins: [entry as string] })).rejects.toThrow(/corsOrigins\[0\] must be an origin such as/)
  })
})

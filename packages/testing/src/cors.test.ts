import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { ncpFetch } from '../test/ncp-fetch.js'
import { operationIds, operations, pathOf } from '../test/operation-requests.js'
import { startFakeApiGateway, TEST_CREDENTIALS, type FakeApiGateway } from './index.js'

let gw: FakeApiGateway
beforeAll(async () => {
  gw = await startFakeApiGateway()
})
afterAll(async () => {
  await gw.close()
})

const origin = 'http://127.0.0.1:5173'
const signingHeaders = ['x-ncp-apigw-timestamp', 'x-ncp-iam-access-key', 'x-ncp-apigw-signature-v2']

describe('CORS, for pages on another origin', () => {
  test.each(operationIds)('a preflight for %s with the signing headers and Content-Type is allowed', async (id) => {
    const { method } = operations[id]
    const asked = ['content-type', ...signingHeaders].join(',')
    const res = await fetch(gw.url + pathOf(id, 'abc'), {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': method, 'access-control-request-headers': asked },
    })
    expect(res.status).toBe(204)
    expect(res.headers.get('access-control-allow-origin')).toBe('*')
    expect(res.headers.get('access-control-allow-methods')?.split(', ')).toContain(method)
    expect(res.headers.get('access-control-allow-headers')).toBe(asked)
    expect(Number(res.headers.get('access-control-max-age'))).toBeGreaterThan(0)
    expect(await res.text()).toBe('')
  })

  test('the allowed methods are the methods of the operation table, and OPTIONS', async () => {
    const res = await fetch(`${gw.url}/api-keys`, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'DELETE' } })
    const methods = new Set(operationIds.map((id) => operations[id].method))
    expect(res.headers.get('access-control-allow-methods')).toBe([...methods, 'OPTIONS'].join(', '))
  })

  test('a preflight that names no headers is told the signing headers and Content-Type', async () => {
    const res = await fetch(`${gw.url}/api-keys`, {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST' },
    })
    const allowed = res.headers.get('access-control-allow-headers')?.split(', ') ?? []
    expect(allowed).toEqual(expect.arrayContaining(['content-type', ...signingHeaders]))
  })

  test('a preflight needs no signature and is recorded as a request without an operation', async () => {
    const before = gw.requests.length
    await fetch(`${gw.url}/api-keys`, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST' } })
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
    expect(res.headers.get('access-control-allow-origin')).toBe('*')
    const exposed = res.headers.get('access-control-expose-headers')?.split(', ').map((h) => h.toLowerCase())
    expect(exposed).toEqual(expect.arrayContaining(['date', 'retry-after', 'x-ncp-trace-id']))
  })

  test('a 401 is readable cross-origin too, so a page can learn the clock offset', async () => {
    const res = await fetch(`${gw.url}/api-keys/abc`, { headers: { origin } })
    expect(res.status).toBe(401)
    expect(res.headers.get('access-control-allow-origin')).toBe('*')
    expect(res.headers.get('date')).not.toBeNull()
  })
})

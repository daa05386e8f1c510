// Every operation of the table, from the table: its route, its success answer, its not-found rule.
// Each operation's example request is sent to a fake holding the examples' world.
import { matchOperation, problems, type Schema } from '@ncloud-apigw/operations'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { exampleCall, operationIds, operations, send, state, withPathParams } from '../test/example-requests.js'
import { ncpFetch } from '../test/ncp-fetch.js'
import { exampleWorld, startFakeApiGateway, TEST_CREDENTIALS, type FakeApiGateway } from './index.js'

let gw: FakeApiGateway
beforeEach(async () => {
  gw = await startFakeApiGateway(exampleWorld())
})
afterEach(async () => {
  await gw.close()
})

/** An id no world holds, within every path parameter's rules (some allow 10 characters at most). */
const MISSING = 'nosuch0000'

describe.each(operationIds)('%s answers as the operation table says', (id) => {
  const { success, response } = operations[id]

  test(`its success status (${success}) and an answer valid against the table's success schema`, async () => {
    const res = await send(gw, exampleCall(id))
    const text = await res.text()
    expect(res.status, text).toBe(success)
    expect(gw.requests.at(-1)).toMatchObject({ operationId: id, status: success, signatureValid: true })
    if (response === undefined) {
      expect(text).toBe('')
      expect(res.headers.get('content-type')).toBeNull()
      return
    }
    expect(res.headers.get('content-type')).toBe('application/json;charset=UTF-8')
    const body = JSON.parse(text) as Record<string, unknown>
    expect(problems(response as Schema, body)).toEqual([])
    // Only the fields the spec names, at the top.
    expect(Object.keys(body).filter((field) => !Object.hasOwn(response.properties, field))).toEqual([])
  })
})

describe('not found: every path parameter must name something that exists', () => {
  const cases = withPathParams.flatMap((id) => Object.keys(operations[id].pathParams).map((name) => [id, name] as const))

  test('every path parameter of the table is covered', () => {
    const names = new Set(cases.map(([, name]) => name))
    expect([...names].sort()).toEqual([...new Set(operationIds.flatMap((id) => Object.keys(operations[id].pathParams)))].sort())
  })

  test.each(cases)('%s with an unknown %s answers 404 with errorCode 300, naming it, and changes nothing', async (id, name) => {
    const before = state(gw)
    const res = await send(gw, exampleCall(id, { pathParams: { [name]: MISSING } }))
    expect(res.status).toBe(404)
    expect(await res.json()).toEqual({
      error: { errorCode: '300', message: 'Not Found Exception', details: expect.stringMatching(new RegExp(`^no .+ with ${name} "${MISSING}"$`)) },
    })
    expect(state(gw)).toBe(before)
  })

  test.each(withPathParams)('%s with every path parameter unknown names the first, in the path\'s order', async (id) => {
    const [first] = Object.keys(operations[id].pathParams)
    const unknown = Object.fromEntries(Object.keys(operations[id].pathParams).map((name) => [name, MISSING]))
    const res = await send(gw, exampleCall(id, { pathParams: unknown }))
    expect(res.status).toBe(404)
    expect(((await res.json()) as { error: { details: string } }).error.details).toMatch(new RegExp(` with ${first} "${MISSING}"$`))
  })
})

describe('routes are the table\'s', () => {
  const call = (method: string, path: string) => ncpFetch(gw.url, TEST_CREDENTIALS, method, path)
  // Every method the table does not list for a path it has (where no other path of the table matches it either).
  const paths = [...new Set(operationIds.map((id) => operations[id].path))]
  const unrouted = paths.flatMap((path) =>
    ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD']
      .map((method) => [method, path.replace(/\{[^}]+\}/g, 'abc')] as const)
      .filter(([method, filled]) => matchOperation(method, filled) === undefined),
  )

  test('the methods of the table are served, no other', () => {
    expect(unrouted.length).toBeGreaterThan(0)
    for (const id of operationIds) expect(unrouted).not.toContainEqual([operations[id].method, operations[id].path.replace(/\{[^}]+\}/g, 'abc')])
  })

  test.each(unrouted.filter(([method]) => method !== 'HEAD'))('%s %s is not an operation: 404 with errorCode 300', async (method, path) => {
    const res = await call(method, path)
    expect(res.status).toBe(404)
    const body = (await res.json()) as { error: { errorCode: string; message: string; details: string } }
    expect(body.error).toMatchObject({ errorCode: '300', message: 'Not Found Exception' })
    expect(body.error.details).toContain('no route for')
  })

  test('the 404 of an unknown route lists every route of the table, each path once with its methods', async () => {
    const res = await call('GET', '/apis')
    const { error } = (await res.json()) as { error: { details: string } }
    const [said, listed] = error.details.split('; the API has ')
    expect(said).toBe('no route for GET /api/v1/apis')
    const routes = new Map((listed ?? '').split(' and ').map((route) => [route.slice(route.indexOf(' /') + 1), route.slice(0, route.indexOf(' /')).split(', ')]))
    expect(new Map([...routes].map(([path, methods]) => [path, methods.sort()]))).toEqual(
      new Map(paths.map((path) => [`/api/v1${path}`, operationIds.filter((id) => operations[id].path === path).map((id) => operations[id].method).sort()])),
    )
  })

  test.each([
    ['POST', '/api-keys/abc'],
    ['GET', '/api-keys/'],
    ['GET', '/api-keys/abc/extra'],
    ['POST', '/api-keys/'],
    ['GET', '/apis'],
    ['GET', ''],
  ])('%s %s is not an operation: 404 with errorCode 300', async (method, path) => {
    const res = await call(method, path)
    expect(res.status).toBe(404)
    const body = (await res.json()) as { error: { errorCode: string; message: string; details: string } }
    expect(body.error).toMatchObject({ errorCode: '300', message: 'Not Found Exception' })
    expect(body.error.details).toContain('no route for')
  })

  test('a path outside /api/v1 is not found either', async () => {
    const url = new URL(gw.url)
    const res = await fetch(`${url.origin}/api-keys`, { method: 'POST' })
    expect(res.status).toBe(404)
    expect(((await res.json()) as { error: { errorCode: string } }).error.errorCode).toBe('300')
  })

  test('a query does not change the route; a parameter the operation does not have is refused, naming it', async () => {
    const key = gw.seedKey()
    const res = await call('GET', `/api-keys/${key.apiKeyId}?lang=ko&x=`)
    expect(res.status).toBe(400)
    expect(((await res.json()) as { error: { details: string } }).error.details).toBe(
      'lang must be absent: the query parameters are none; x must be absent: the query parameters are none',
    )
    expect(gw.requests.at(-1)).toMatchObject({ path: `/api/v1/api-keys/${key.apiKeyId}?lang=ko&x=`, operationId: 'getApiKey' })
  })
})

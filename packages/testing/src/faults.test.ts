// Faults: the status fault, which requests a fault applies to, what injectFault refuses, and the
// faults on the connection (drop, reset, hang, delay).
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { operationIds } from '../test/example-requests.js'
import { heldSleep, type HeldSleep } from '../test/held-sleep.js'
import { failure } from '../test/failure.js'
import { keyRequests } from '../test/key-requests.js'
import { ncpFetch } from '../test/ncp-fetch.js'
import { rawExchange, splitResponse } from '../test/raw-exchange.js'
import { startFakeApiGateway, TEST_CREDENTIALS, type FakeApiGateway } from './index.js'

let gw: FakeApiGateway
let id: string
// Delay faults wait on the test, never on real time.
let delays: HeldSleep
beforeEach(async () => {
  delays = heldSleep()
  gw = await startFakeApiGateway({ sleep: delays.sleep })
  id = gw.seedKey({ apiKeyName: 'seeded' }).apiKeyId
})
afterEach(async () => {
  await gw.close()
})

const { get, create, regenerate } = keyRequests(() => ({ url: gw.url, id }), TEST_CREDENTIALS)

describe('status faults', () => {
  test('a 503 answers NCP Endpoint Error and does not process the request', async () => {
    gw.injectFault({ kind: 'status', status: 503 })
    const res = await create({ headers: { origin: 'http://127.0.0.1:5173' } })
    expect(res.status).toBe(503)
    expect(await res.json()).toEqual({ error: { errorCode: '500', message: 'Endpoint Error' } })
    expect(res.headers.get('date')).not.toBeNull()
    expect(res.headers.get('x-ncp-trace-id')).toMatch(/^[0-9a-f]{32}$/)
    expect(res.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:5173')
    expect(gw.keys.size).toBe(1)
    expect(gw.requests[0]).toMatchObject({ status: 503, fault: 'status', operationId: 'createApiKey', signatureValid: true })
  })

  test('a 429 carries Retry-After and the errorCode asked for, with its documented message', async () => {
    gw.injectFault({ kind: 'status', status: 429, retryAfter: 1, errorCode: '420', details: 'slow down' })
    const res = await get()
    expect(res.status).toBe(429)
    expect(res.headers.get('retry-after')).toBe('1')
    expect(await res.json()).toEqual({ error: { errorCode: '420', message: 'Rate Limited', details: 'slow down' } })
  })

  test('a 429 without an errorCode uses the first one the spec documents', async () => {
    gw.injectFault({ kind: 'status', status: 429, retryAfter: 'Wed, 21 Oct 2015 07:28:00 GMT' })
    const res = await get()
    expect(res.headers.get('retry-after')).toBe('Wed, 21 Oct 2015 07:28:00 GMT')
    expect(await res.json()).toEqual({ error: { errorCode: '400', message: 'Quota Exceeded' } })
  })

  test.each([
    [400, '100', 'Bad Request Exception'],
    [401, '200', 'Authentication Failed'],
    [403, '230', 'Forbidden'],
    [404, '300', 'Not Found Exception'],
    [413, '430', 'Request Entity Too Large'],
    [500, '900', 'Unexpected Error'],
    [504, '510', 'Endpoint Timeout'],
  ])('a %i answers errorCode %s %s', async (status, errorCode, message) => {
    gw.injectFault({ kind: 'status', status })
    const res = await get()
    expect(res.status).toBe(status)
    expect(await res.json()).toEqual({ error: { errorCode, message } })
  })

  test('a status the spec does not document (502) answers NCP Unexpected Error', async () => {
    gw.injectFault({ kind: 'status', status: 502 })
    const res = await get()
    expect(res.status).toBe(502)
    expect(await res.json()).toEqual({ error: { errorCode: '900', message: 'Unexpected Error' } })
  })

  test('custom headers and a custom body replace the defaults', async () => {
    gw.injectFault({ kind: 'status', status: 500, headers: { 'X-Extra': 'yes' }, body: { message: 'not NCP shaped' } })
    gw.injectFault({ kind: 'status', status: 503, body: 'plain words' })
    const first = await get()
    expect(first.headers.get('x-extra')).toBe('yes')
    expect(await first.json()).toEqual({ message: 'not NCP shaped' })
    const second = await get()
    expect(second.headers.get('content-type')).toMatch(/^text\/plain/)
    expect(await second.text()).toBe('plain words')
  })

  test('a burst of three 503s, then the API answers normally', async () => {
    const fault = gw.injectFault({ kind: 'status', status: 503, times: 3 })
    const statuses = []
    for (let i = 0; i < 5; i++) statuses.push((await get()).status)
    expect(statuses).toEqual([503, 503, 503, 200, 200])
    expect(fault.applied).toBe(3)
    expect(fault.remaining).toBe(0)
    expect(gw.requests.map((r) => r.fault)).toEqual(['status', 'status', 'status', undefined, undefined])
  })
})

describe('which requests a fault applies to', () => {
  test('a fault for one operation leaves the others alone', async () => {
    gw.injectFault({ kind: 'status', status: 503, operationId: 'regenerateApiKey' })
    expect((await get()).status).toBe(200)
    expect((await create()).status).toBe(201)
    expect((await regenerate()).status).toBe(503)
    expect((await regenerate()).status).toBe(200)
  })

  test('faults apply first injected, first used', async () => {
    gw.injectFault({ kind: 'status', status: 503 })
    gw.injectFault({ kind: 'status', status: 429, times: 2 })
    gw.injectFault({ kind: 'status', status: 504 })
    const statuses = []
    for (let i = 0; i < 5; i++) statuses.push((await get()).status)
    expect(statuses).toEqual([503, 429, 429, 504, 200])
  })

  test('times: Infinity lasts until removed; remove() and clearFaults() stop faults', async () => {
    const forever = gw.injectFault({ kind: 'status', status: 503, times: Infinity })
    for (let i = 0; i < 3; i++) expect((await get()).status).toBe(503)
    expect(forever.remaining).toBe(Infinity)
    forever.remove()
    expect((await get()).status).toBe(200)
    gw.injectFault({ kind: 'status', status: 503, times: 5 })
    gw.clearFaults()
    expect((await get()).status).toBe(200)
  })

  test('a CORS preflight neither uses up a fault nor gets it', async () => {
    gw.injectFault({ kind: 'status', status: 503 })
    const preflight = await fetch(`${gw.url}/api-keys/${id}`, {
      method: 'OPTIONS',
      headers: { origin: 'http://127.0.0.1:1', 'access-control-request-method': 'GET' },
    })
    expect(preflight.status).toBe(204)
    expect((await get()).status).toBe(503)
  })

  test('a request with no route still meets a fault without an operationId', async () => {
    gw.injectFault({ kind: 'status', status: 503 })
    const res = await ncpFetch(gw.url, TEST_CREDENTIALS, 'GET', '/nowhere')
    expect(res.status).toBe(503)
  })

  test.each([
    [{ kind: 'status', status: 99 }, /status must be an integer from 100 to 599/],
    [{ kind: 'status', status: 503, times: 0 }, /times must be a positive integer or Infinity/],
    [{ kind: 'status', status: 503, times: 1.5 }, /times must be/],
    [{ kind: 'delay', ms: -1 }, /ms must be a finite number/],
    [{ kind: 'reset', bytes: -1 }, /bytes must be a non-negative integer/],
    [{ kind: 'malformed', body: 'xml' }, /body must be one of html, truncated-json, not-json, empty/],
    [{ kind: 'transform', transform: 'no' }, /transform must be a function/],
    [{ kind: 'teapot' }, /unknown kind "teapot"/],
    [{ kind: 'drop', operationId: 'noSuchOperation' }, new RegExp(`operationId must be one of ${operationIds.join(', ')}, got "noSuchOperation"`)],
    [{ kind: 'status', status: 404, headers: { 'x-ncp-trace-id': 'trace\x1b[2J' } }, /headers\["x-ncp-trace-id"\] cannot be sent over HTTP/],
    [{ kind: 'status', status: 404, headers: { 'bad name': 'x' } }, /headers\["bad name"\] cannot be sent over HTTP/],
  ])('a fault that cannot work is refused: %j', (fault, message) => {
    expect(() => gw.injectFault(fault as never)).toThrow(message)
  })
})

describe('connection faults', () => {
  test('drop closes the connection without an answer, before processing', async () => {
    gw.injectFault({ kind: 'drop' })
    const error = await failure(create())
    expect(error).toMatchObject({ name: 'TypeError', message: 'fetch failed', cause: 'UND_ERR_SOCKET' })
    expect(gw.keys.size).toBe(1)
    expect(gw.requests[0]).toMatchObject({ fault: 'drop', status: undefined, operationId: 'createApiKey' })
    expect((await get()).status).toBe(200)
  })

  test('drop on the wire: the connection ends with no byte sent', async () => {
    gw.injectFault({ kind: 'drop' })
    const exchange = await rawExchange(`${gw.url}/api-keys/${id}`, TEST_CREDENTIALS)
    expect(exchange.received.length).toBe(0)
  })

  test('reset sends the status and headers, then ends mid-body; the request was processed', async () => {
    gw.injectFault({ kind: 'reset' })
    const res = await create()
    expect(res.status).toBe(201)
    expect(res.headers.get('x-ncp-trace-id')).toMatch(/^[0-9a-f]{32}$/)
    const error = await failure(res.text())
    expect(error).toMatchObject({ name: 'TypeError', message: 'terminated' })
    expect(gw.keys.size).toBe(2)
    expect(gw.requests[0]).toMatchObject({ fault: 'reset', status: 201 })
  })

  test('reset on the wire: fewer body bytes than Content-Length, then the connection ends', async () => {
    gw.injectFault({ kind: 'reset', bytes: 10 })
    const { received } = await rawExchange(`${gw.url}/api-keys/${id}`, TEST_CREDENTIALS)
    const { head, body } = splitResponse(received)
    expect(head).toMatch(/^HTTP\/1\.1 200 OK\r\n/)
    const declared = Number(/\r\ncontent-length: (\d+)/i.exec(head)?.[1])
    expect(declared).toBe(JSON.stringify(gw.keys.get(id)).length)
    expect(body.length).toBe(10)
  })

  test('reset with bytes: 0 sends the headers and no body at all', async () => {
    gw.injectFault({ kind: 'reset', bytes: 0 })
    const { received } = await rawExchange(`${gw.url}/api-keys/${id}`, TEST_CREDENTIALS)
    const { head, body } = splitResponse(received)
    expect(head).toMatch(/^HTTP\/1\.1 200 OK\r\n/)
    expect(body.length).toBe(0)
  })

  test('hang never answers; the client gives up, the fake records no status', async () => {
    gw.injectFault({ kind: 'hang' })
    const client = new AbortController()
    const pending = failure(get({ signal: client.signal }))
    await gw.waitForRequests(1)
    // A later request is answered while the hanging one still is not: it is the client that ends this.
    expect((await get()).status).toBe(200)
    expect(gw.requests.map((r) => [r.fault, r.status])).toEqual([['hang', undefined], [undefined, 200]])
    client.abort()
    expect((await pending).name).toBe('AbortError')
    expect(gw.requests[0]).toMatchObject({ fault: 'hang', status: undefined })
  })

  test('delay asks the sleep for its ms, and answers normally once that is over', async () => {
    gw.injectFault({ kind: 'delay', ms: 300 })
    const pending = get()
    await gw.waitForRequests(1)
    expect(delays.asked).toEqual([300])
    expect(gw.requests[0]).toMatchObject({ fault: 'delay', status: undefined })
    await delays.release()
    expect((await pending).status).toBe(200)
    expect(gw.requests[0]).toMatchObject({ fault: 'delay', status: 200 })
  })

  test('delay lets a client time out while the server still makes the change', async () => {
    gw.injectFault({ kind: 'delay', ms: 1_000 })
    const client = new AbortController()
    const pending = failure(create({ signal: client.signal }))
    // Give up once the server holds the request in its delay.
    await gw.waitForRequests(1)
    client.abort()
    expect((await pending).name).toBe('AbortError')
    expect(gw.keys.size).toBe(1)
    await delays.release()
    expect(gw.keys.size).toBe(2)
    expect(gw.requests[0]).toMatchObject({ fault: 'delay', operationId: 'createApiKey' })
  })

  test('without a sleep option, delay waits on a real timer, then answers', async () => {
    await gw.close()
    gw = await startFakeApiGateway()
    id = gw.seedKey().apiKeyId
    gw.injectFault({ kind: 'delay', ms: 1 })
    expect((await get()).status).toBe(200)
    expect(gw.requests[0]).toMatchObject({ fault: 'delay', status: 200 })
  })
})

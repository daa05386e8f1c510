import { afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest'
import { exampleCall, operationIds, operations, send, state } from '../test/example-requests.js'
import { heldSleep, type HeldSleep } from '../test/held-sleep.js'
import { ncpFetch } from '../test/ncp-fetch.js'
import { rawExchange, splitResponse } from '../test/raw-exchange.js'
import { exampleWorld, startFakeApiGateway, TEST_CREDENTIALS, type FakeApiGateway } from './index.js'

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

const get = (options: { signal?: AbortSignal } = {}) => ncpFetch(gw.url, TEST_CREDENTIALS, 'GET', `/api-keys/${id}`, options)
const create = (options: { signal?: AbortSignal; headers?: Record<string, string> } = {}) =>
  ncpFetch(gw.url, TEST_CREDENTIALS, 'POST', '/api-keys', { body: { apiKeyName: 'made' }, ...options })
const regenerate = () => ncpFetch(gw.url, TEST_CREDENTIALS, 'PATCH', `/api-keys/${id}`, { body: { keyType: 'PRIMARY' } })

/** What fetch rejected with: the error and the code of its cause. */
async function failure(promise: Promise<unknown>): Promise<{ name: string; message: string; cause: string | undefined }> {
  try {
    await promise
  } catch (error) {
    const e = error as Error & { cause?: { code?: string } }
    return { name: e.name, message: e.message, cause: e.cause?.code }
  }
  throw new Error('expected a rejection')
}

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

describe('malformed bodies', () => {
  test('html: a proxy error page with status 502, not processed', async () => {
    gw.injectFault({ kind: 'malformed', body: 'html' })
    const res = await create()
    expect(res.status).toBe(502)
    expect(res.headers.get('content-type')).toMatch(/^text\/html/)
    const text = await res.text()
    expect(text).toMatch(/^<!DOCTYPE html>/)
    expect(text).toContain('502 Bad Gateway')
    expect(() => JSON.parse(text)).toThrow(SyntaxError)
    expect(gw.keys.size).toBe(1)
  })

  test('html with another status', async () => {
    gw.injectFault({ kind: 'malformed', body: 'html', status: 503 })
    const res = await get()
    expect(res.status).toBe(503)
    expect(await res.text()).toContain('503 Service Unavailable')
  })

  test('truncated-json: a complete transfer of half a JSON body, processed', async () => {
    gw.injectFault({ kind: 'malformed', body: 'truncated-json', operationId: 'createApiKey' })
    const res = await create()
    expect(res.status).toBe(201)
    expect(res.headers.get('content-type')).toMatch(/^application\/json/)
    const text = await res.text()
    expect(Number(res.headers.get('content-length'))).toBe(Buffer.byteLength(text))
    expect(text.startsWith('{"apiKey":{"apiKeyId":')).toBe(true)
    expect(() => JSON.parse(text)).toThrow(SyntaxError)
    expect(gw.keys.size).toBe(2)
    const whole = JSON.stringify({ apiKey: [...gw.keys.values()].at(-1) })
    expect(text).toBe(whole.slice(0, Math.floor(whole.length / 2)))
  })

  test('not-json: a 200 labelled JSON whose body is not JSON, processed', async () => {
    const before = gw.keys.get(id)?.primaryKey
    gw.injectFault({ kind: 'malformed', body: 'not-json' })
    const res = await regenerate()
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^application\/json/)
    expect(await failure(res.json())).toMatchObject({ name: 'SyntaxError' })
    expect(gw.requests[0]).toMatchObject({ fault: 'malformed', status: 200 })
    expect(gw.keys.get(id)?.primaryKey).not.toBe(before)
  })

  test('empty: a 200 with no body at all', async () => {
    gw.injectFault({ kind: 'malformed', body: 'empty' })
    const res = await get()
    expect(res.status).toBe(200)
    expect(res.headers.get('content-length')).toBe('0')
    expect(await res.text()).toBe('')
  })

  test('a malformed body keeps an error status of the processed request, or takes the given one', async () => {
    gw.injectFault({ kind: 'malformed', body: 'truncated-json' })
    const missing = await ncpFetch(gw.url, TEST_CREDENTIALS, 'GET', '/api-keys/nope')
    expect(missing.status).toBe(404)
    expect(await missing.text()).toMatch(/^\{"error":\{"errorCode":"300"/)
    gw.injectFault({ kind: 'malformed', body: 'empty', status: 503 })
    expect((await get()).status).toBe(503)
  })
})

describe('large bodies', () => {
  test('large: a valid 10 MiB answer of the documented shape', async () => {
    gw.injectFault({ kind: 'large' })
    const res = await get()
    expect(res.status).toBe(200)
    expect(res.headers.get('content-length')).toBe(String(10 * 1024 * 1024))
    const text = await res.text()
    expect(text.length).toBe(10 * 1024 * 1024)
    expect(JSON.parse(text)).toEqual(gw.keys.get(id))
  })

  test('large with a size of its own', async () => {
    gw.injectFault({ kind: 'large', bytes: 64 * 1024 })
    const res = await create()
    expect((await res.arrayBuffer()).byteLength).toBe(64 * 1024)
  })
})

describe('transform faults: spec-violating responses', () => {
  test('a transform can drop a field of a real response', async () => {
    gw.injectFault({
      kind: 'transform',
      transform: (response) => {
        delete response.body.apiKey.modTime
      },
    })
    const res = await create()
    expect(res.status).toBe(201)
    const body = (await res.json()) as { apiKey: Record<string, unknown> }
    expect(body.apiKey).not.toHaveProperty('modTime')
    const stored = gw.keys.get(body.apiKey.apiKeyId as string)
    expect(stored?.modTime).toMatch(/Z$/)
  })

  test('a transform can give a field the wrong type and sees the request', async () => {
    let seen: string | undefined
    gw.injectFault({
      kind: 'transform',
      operationId: 'getApiKey',
      transform: (response, request) => {
        seen = request.pathParams['api-key-id']
        response.body.isEnabled = 'yes'
        return response
      },
    })
    const res = await get()
    expect(((await res.json()) as { isEnabled: unknown }).isEnabled).toBe('yes')
    expect(seen).toBe(id)
    expect(gw.keys.get(id)?.isEnabled).toBe(true)
  })

  test('an async transform can replace the whole response', async () => {
    gw.injectFault({
      kind: 'transform',
      transform: async () => ({ status: 201, headers: { 'content-type': 'application/json' }, body: { surprise: true } }),
    })
    const res = await get()
    expect(res.status).toBe(201)
    expect(await res.json()).toEqual({ surprise: true })
    expect(res.headers.get('date')).not.toBeNull()
  })

  test('a transform that throws gives a 500 saying so', async () => {
    gw.injectFault({
      kind: 'transform',
      transform: () => {
        throw new Error('boom')
      },
    })
    const res = await get()
    expect(res.status).toBe(500)
    expect(await res.json()).toEqual({
      error: { errorCode: '900', message: 'Unexpected Error', details: 'the transform fault threw: boom' },
    })
  })
})

describe.each(operationIds)('every fault kind works with %s', (op) => {
  const { success, response } = operations[op]
  const call = (options: { signal?: AbortSignal } = {}) => send(gw, exampleCall(op), options)
  const aimed = <F extends object>(fault: F) => gw.injectFault({ ...fault, operationId: op } as never)
  // Another operation that only reads: its request must not use up the fault.
  const other = operationIds.find((id) => id !== op && operations[id].method === 'GET')!

  /** Whether the operation's example changes the world's state without any fault: what a processed request must do. */
  let changes: boolean
  beforeAll(async () => {
    const control = await startFakeApiGateway(exampleWorld())
    try {
      const before = state(control)
      const res = await send(control, exampleCall(op))
      expect(res.status).toBe(success)
      await res.arrayBuffer()
      changes = state(control) !== before
    } finally {
      await control.close()
    }
  })
  beforeEach(async () => {
    await gw.close()
    gw = await startFakeApiGateway({ ...exampleWorld(), sleep: delays.sleep })
  })

  /** Runs `exercise` with a fault aimed at the operation and says whether the fake's state changed. */
  async function withFault(fault: object, exercise: () => Promise<void>): Promise<boolean> {
    aimed(fault)
    const untouched = await send(gw, exampleCall(other))
    expect(untouched.status).toBe(operations[other].success)
    await untouched.arrayBuffer()
    const before = state(gw)
    await exercise()
    expect(gw.requests.at(-1)).toMatchObject({ operationId: op, fault: (fault as { kind: string }).kind })
    return state(gw) !== before
  }

  test('status: that status, not processed', async () => {
    const changed = await withFault({ kind: 'status', status: 503 }, async () => {
      const res = await call()
      expect(res.status).toBe(503)
      expect(await res.json()).toEqual({ error: { errorCode: '500', message: 'Endpoint Error' } })
    })
    expect(changed).toBe(false)
  })

  test('drop: no answer, not processed', async () => {
    const changed = await withFault({ kind: 'drop' }, async () => {
      expect((await failure(call())).message).toBe('fetch failed')
    })
    expect(changed).toBe(false)
  })

  test('hang: no answer until the client gives up, not processed', async () => {
    const changed = await withFault({ kind: 'hang' }, async () => {
      const client = new AbortController()
      const pending = failure(call({ signal: client.signal }))
      // The client gives up only once its request hangs at the fake, however long it took to get there.
      await gw.waitForRequests(1, (r) => r.operationId === op && r.fault === 'hang')
      client.abort()
      expect((await pending).name).toBe('AbortError')
    })
    expect(changed).toBe(false)
  })

  test('malformed html: a 502 page, not processed', async () => {
    const changed = await withFault({ kind: 'malformed', body: 'html' }, async () => {
      const res = await call()
      expect(res.status).toBe(502)
      expect(await res.text()).toMatch(/^<!DOCTYPE html>/)
    })
    expect(changed).toBe(false)
  })

  test(`delay: the normal answer (${success}), late, processed`, async () => {
    const changed = await withFault({ kind: 'delay', ms: 20 }, async () => {
      const pending = call()
      const [held] = await gw.waitForRequests(1, (r) => r.operationId === op && r.fault === 'delay')
      expect(delays.asked).toEqual([20])
      expect(held?.status).toBeUndefined()
      await delays.release()
      const res = await pending
      expect(res.status).toBe(success)
      await res.arrayBuffer()
    })
    expect(changed).toBe(changes)
  })

  test('reset: the status line and headers, then a reset connection, processed', async () => {
    const changed = await withFault({ kind: 'reset' }, async () => {
      const res = await call()
      expect(res.status).toBe(success)
      if (response !== undefined) expect((await failure(res.text())).message).toBe('terminated')
    })
    expect(changed).toBe(changes)
  })

  test('malformed truncated-json: half the answer, processed', async () => {
    const changed = await withFault({ kind: 'malformed', body: 'truncated-json' }, async () => {
      const res = await call()
      expect(res.status).toBe(success)
      const text = await res.text()
      if (response === undefined) expect(text).toBe('')
      else expect(() => JSON.parse(text)).toThrow(SyntaxError)
    })
    expect(changed).toBe(changes)
  })

  test('large: the answer padded to the size asked for, still valid JSON, processed', async () => {
    const changed = await withFault({ kind: 'large', bytes: 4096 }, async () => {
      const res = await call()
      expect(res.status).toBe(success)
      const text = await res.text()
      // An answer without a body has nothing to pad.
      if (response === undefined) expect(text).toBe('')
      else {
        expect(text.length).toBe(4096)
        expect(typeof JSON.parse(text)).toBe('object')
      }
    })
    expect(changed).toBe(changes)
  })

  test('transform: whatever the function makes of the answer, processed', async () => {
    const changed = await withFault(
      { kind: 'transform', transform: (r: { status: number; headers: Record<string, string> }) => void (r.headers['x-transformed'] = String(r.status)) },
      async () => {
        const res = await call()
        expect(res.status).toBe(success)
        expect(res.headers.get('x-transformed')).toBe(String(success))
        await res.arrayBuffer()
      },
    )
    expect(changed).toBe(changes)
  })
})

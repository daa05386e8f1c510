import { describe as say, operationIds, operations } from '@ncloud-apigw/operations'
import { describe, expect, test } from 'vitest'
import { type ManualTimer, manualTimer, nodeClient } from '../test/fixtures/attempt-timer.js'
import { answerBody, calls, unwrapped, validAnswer } from '../test/fixtures/calls.js'
import { characters, descriptionRule, nameRule, over, tooLong } from '../test/fixtures/limits.js'
import { apiKey, baseUrl, credentials, hang, json, ncpError, page, type Reply, reset, scriptedFetch, summary } from '../test/fixtures/scripted-fetch.js'
import { NcpAbortError, NcpApiError, NcpError, NcpNetworkError, NcpTimeoutError, NcpValidationError } from './errors.js'
import { type ApiKeyClientOptions, createApiKeyClient, createRawClient } from './node.js'

const rules = {
  createApiKey: operations.createApiKey.body.properties,
  updateApiKey: operations.updateApiKey.body.properties,
  regenerateApiKey: operations.regenerateApiKey.body.properties,
}
const idRule = say(operations.getApiKey.pathParams['api-key-id'])

/** A client over a scripted fetch, its waits recorded (returning at once), its attempts timed by `timer`. */
function setup(replies: Reply[], options: ApiKeyClientOptions = {}, timer: ManualTimer = manualTimer()) {
  const { fetch, seen } = scriptedFetch(...replies)
  const delays: number[] = []
  const client = nodeClient(
    {
      credentials,
      baseUrl,
      fetch,
      random: () => 0.5,
      sleep: async (ms) => {
        delays.push(ms)
      },
      ...options,
    },
    timer.timer,
  )
  return { client, seen, delays }
}

describe('the six operations', () => {
  test('every operation of the table is a method', () => {
    const { client } = setup([])
    for (const id of operationIds) expect(typeof client[id]).toBe('function')
    expect(Object.keys(calls).sort()).toEqual([...operationIds].sort())
  })

  test('listApiKeys sends the query in the spec order, percent-encoded, and returns the page', async () => {
    const listed = page([summary(), summary({ apiKeyId: 'second' })], 7)
    const { client, seen } = setup([json(listed)])
    expect(await client.listApiKeys({ apiKeyName: 'a b', limit: 20, offset: 0 })).toEqual(listed)
    expect(seen[0]).toMatchObject({ method: 'GET', path: '/api/v1/api-keys?offset=0&limit=20&apiKeyName=a%20b', body: undefined, signatureValid: true })
  })

  test('listApiKeys without a query sends none; undefined values are left out', async () => {
    const { client, seen } = setup([json(page([]))])
    await client.listApiKeys()
    await client.listApiKeys({ offset: undefined, limit: 5 } as never)
    expect(seen.map((s) => s.path)).toEqual(['/api/v1/api-keys', '/api/v1/api-keys?limit=5'])
  })

  test("a query value is signed as fetch sends it, ' re-encoded by the URL parser included", async () => {
    const { client, seen } = setup([json(page([]))])
    await client.listApiKeys({ apiKeyName: "o'neil (x)*!" })
    expect(seen[0]!.path).toBe("/api/v1/api-keys?apiKeyName=o%27neil%20(x)*!")
    expect(seen[0]!.signatureValid).toBe(true)
  })

  test('createApiKey posts the body and returns the key unwrapped from a 201', async () => {
    const { client, seen } = setup([json({ apiKey }, operations.createApiKey.success)])
    expect(operations.createApiKey.success).toBe(201)
    expect(await client.createApiKey({ apiKeyName: 'ci-bot', apiKeyDescription: 'deploys' })).toEqual(apiKey)
    expect(seen).toHaveLength(1)
    expect(seen[0]).toMatchObject({ method: 'POST', path: '/api/v1/api-keys', signatureValid: true })
    expect(JSON.parse(seen[0]!.body!)).toEqual({ apiKeyName: 'ci-bot', apiKeyDescription: 'deploys' })
    expect(seen[0]!.headers.get('content-type')).toBe('application/json')
  })

  test('createApiKey takes a 200 too: any 2xx with the documented body', async () => {
    const { client } = setup([json({ apiKey }, 200)])
    expect(await client.createApiKey({ apiKeyName: 'ci-bot' })).toEqual(apiKey)
  })

  test('getApiKey returns the key, which the API sends unwrapped', async () => {
    const { client, seen } = setup([json(apiKey)])
    expect(await client.getApiKey('cvcohvd2xj')).toEqual(apiKey)
    expect(seen[0]).toMatchObject({ method: 'GET', path: '/api/v1/api-keys/cvcohvd2xj', body: undefined, signatureValid: true })
  })

  test('updateApiKey puts the body and returns the unwrapped key', async () => {
    const { client, seen } = setup([json({ apiKey: { ...apiKey, isEnabled: false } })])
    const key = await client.updateApiKey('cvcohvd2xj', { apiKeyName: 'ci-bot', isEnabled: false })
    expect(key.isEnabled).toBe(false)
    expect(seen[0]).toMatchObject({ method: 'PUT', path: '/api/v1/api-keys/cvcohvd2xj', signatureValid: true })
    expect(JSON.parse(seen[0]!.body!)).toEqual({ apiKeyName: 'ci-bot', isEnabled: false })
  })

  test('deleteApiKey sends DELETE and resolves with nothing on 204', async () => {
    const { client, seen } = setup([new Response(null, { status: 204 })])
    expect(await client.deleteApiKey('cvcohvd2xj')).toBeUndefined()
    expect(seen[0]).toMatchObject({ method: 'DELETE', path: '/api/v1/api-keys/cvcohvd2xj', body: undefined, signatureValid: true })
  })

  test('regenerateApiKey patches the key type and returns the unwrapped key', async () => {
    const { client, seen } = setup([json({ apiKey: { ...apiKey, secondaryKey: 'NEW' } })])
    expect((await client.regenerateApiKey('cvcohvd2xj', 'SECONDARY')).secondaryKey).toBe('NEW')
    expect(seen[0]).toMatchObject({ method: 'PATCH', path: '/api/v1/api-keys/cvcohvd2xj', signatureValid: true })
    expect(JSON.parse(seen[0]!.body!)).toEqual({ keyType: 'SECONDARY' })
  })

  test.each(operationIds)('%s hands back its answer unwrapped as the table says', async (operation) => {
    const { client, seen } = setup([validAnswer(operation)])
    const result = await calls[operation](client)
    expect(result).toEqual(unwrapped(operation, answerBody(operation)))
    expect(seen).toHaveLength(1)
    expect(seen[0]!.method).toBe(operations[operation].method)
  })

  test('the raw client sends through the same transport: signed and with the documented shapes', async () => {
    const { client, seen } = setup([json({ apiKey })])
    const raw = createRawClient(client)
    const { data } = await raw.PUT('/api-keys/{api-key-id}', {
      params: { path: { 'api-key-id': 'x' } },
      body: { apiKeyName: 'ci-bot', isEnabled: true },
    })
    expect(data).toEqual({ apiKey })
    expect(seen[0]).toMatchObject({ method: 'PUT', path: '/api/v1/api-keys/x', signatureValid: true })
  })

  test('the raw client is retried as the table says: GET through a 503, POST never', async () => {
    const get = setup([ncpError(503, 500, 'Endpoint Error'), json(page([]))])
    const { data } = await createRawClient(get.client).GET('/api-keys', { params: { query: { limit: 5 } } })
    expect(data).toEqual(page([]))
    expect(get.seen.map((s) => s.path)).toEqual(['/api/v1/api-keys?limit=5', '/api/v1/api-keys?limit=5'])

    const post = setup([ncpError(503, 500, 'Endpoint Error'), json({ apiKey })])
    const { error, response } = await createRawClient(post.client).POST('/api-keys', { body: { apiKeyName: 'ci-bot' } })
    expect(response.status).toBe(503)
    expect(error).toEqual({ error: { errorCode: 500, message: 'Endpoint Error', details: 'Endpoint Error details' } })
    expect(post.seen).toHaveLength(1)
  })

  test('createRawClient refuses anything but a client from createApiKeyClient', () => {
    expect(() => createRawClient({} as never)).toThrow(NcpValidationError)
  })

  test('uses the site given, and NCP public by default', async () => {
    for (const [site, host] of [
      [undefined, 'apigateway.apigw.ntruss.com'],
      ['gov', 'apigateway.apigw.gov-ntruss.com'],
      ['fin', 'apigateway.apigw.fin-ntruss.com'],
    ] as const) {
      const { fetch, seen } = scriptedFetch(json(apiKey))
      await createApiKeyClient({ credentials, fetch, ...(site && { site }) }).getApiKey('k')
      expect(new URL(seen[0]!.url).host).toBe(host)
      expect(seen[0]!.path).toBe('/api/v1/api-keys/k')
    }
  })

  test('calls an async credentials provider before each attempt', async () => {
    let calls = 0
    const { client, seen } = setup([ncpError(503, 500, 'Endpoint Error'), json(apiKey)], {
      credentials: async () => {
        calls++
        return credentials
      },
    })
    await client.getApiKey('k')
    expect(calls).toBe(2)
    expect(seen.every((s) => s.signatureValid)).toBe(true)
  })
})

describe('path parameters', () => {
  test.each(['a/b', 'a?b', 'a#b', '100%', 'with space', '키', '😀', "!'()*", '$&$1', '...'])(
    'sends %j as one percent-encoded path segment with a valid signature',
    async (id) => {
      const { client, seen } = setup([json({ ...apiKey, apiKeyId: id })])
      await client.getApiKey(id)
      const { path, signatureValid } = seen[0]!
      expect(path).toBe(`/api/v1/api-keys/${encodeURIComponent(id)}`)
      expect(decodeURIComponent(path.split('/').at(-1)!)).toBe(id)
      expect(signatureValid).toBe(true)
    },
  )

  test.each(['.', '..', ''])('refuses the id %j before sending', async (id) => {
    const { client, seen } = setup([json(apiKey)])
    await expect(client.getApiKey(id)).rejects.toMatchObject({ name: 'NcpValidationError', field: 'api-key-id' })
    await expect(client.updateApiKey(id, { apiKeyName: 'ci-bot', isEnabled: true })).rejects.toBeInstanceOf(NcpValidationError)
    await expect(client.regenerateApiKey(id, 'PRIMARY')).rejects.toBeInstanceOf(NcpValidationError)
    expect(seen).toHaveLength(0)
  })

  test('refuses an id with a lone surrogate, which cannot be percent-encoded', async () => {
    const { client, seen } = setup([json(apiKey)])
    await expect(client.getApiKey('a\uD800b')).rejects.toMatchObject({ field: 'api-key-id', limit: expect.stringContaining('well-formed text') })
    expect(seen).toHaveLength(0)
  })
})

describe('validation from the spec', () => {
  type Client = ReturnType<typeof setup>['client']
  const cases: [string, (c: Client) => Promise<unknown>, object][] = [
    [
      'a name one character over its limit',
      (c) => c.createApiKey({ apiKeyName: tooLong(nameRule) }),
      { field: 'apiKeyName', limit: say(rules.createApiKey.apiKeyName), got: characters(over(nameRule)), length: over(nameRule) },
    ],
    ['an empty name', (c) => c.createApiKey({ apiKeyName: '' }), { field: 'apiKeyName', limit: say(rules.createApiKey.apiKeyName), got: '0 characters', length: 0 }],
    ['a missing name', (c) => c.createApiKey({} as never), { field: 'apiKeyName', limit: say(rules.createApiKey.apiKeyName), got: 'nothing' }],
    [
      'a description one character over its limit',
      (c) => c.createApiKey({ apiKeyName: 'ci-bot', apiKeyDescription: tooLong(descriptionRule, 'd') }),
      { field: 'apiKeyDescription', limit: say(rules.createApiKey.apiKeyDescription), length: over(descriptionRule) },
    ],
    ['a string isEnabled', (c) => c.updateApiKey('k', { apiKeyName: 'ci-bot', isEnabled: 'false' as never }), { field: 'isEnabled', limit: say(rules.updateApiKey.isEnabled), got: 'a string' }],
    ['a missing isEnabled', (c) => c.updateApiKey('k', { apiKeyName: 'ci-bot' } as never), { field: 'isEnabled', got: 'nothing' }],
    ['a name over its limit on update', (c) => c.updateApiKey('k', { apiKeyName: tooLong(nameRule), isEnabled: true }), { field: 'apiKeyName', length: over(nameRule) }],
    // Never "got 8" (its length): an enum names its values, and the value is not quoted.
    ['keyType TERTIARY', (c) => c.regenerateApiKey('k', 'TERTIARY' as never), { field: 'keyType', limit: say(rules.regenerateApiKey.keyType), got: undefined, length: undefined }],
    ['an unknown field', (c) => c.createApiKey({ apiKeyName: 'ci-bot', apiName: 'ci-bot' } as never), { field: 'apiName', limit: 'absent: the fields are apiKeyName, apiKeyDescription' }],
    ['a body that is not an object', (c) => c.createApiKey(null as never), { field: 'the body', limit: 'an object', got: 'null' }],
    ['a number as id', (c) => c.getApiKey(42 as never), { field: 'api-key-id', limit: idRule, got: 'an integer' }],
    // Never "1 to Infinity characters".
    ['an empty id', (c) => c.getApiKey(''), { field: 'api-key-id', limit: idRule, got: '0 characters', length: 0 }],
    ['a body BigInt', (c) => c.createApiKey({ apiKeyName: 10n } as never), { field: 'the body', limit: 'a value JSON can carry' }],
    ['a query that is not an object', (c) => c.listApiKeys('limit=5' as never), { field: 'the query' }],
  ]

  test('the id rule reads as the spec says it', () => {
    expect(idRule).toBe(`a string of at least ${characters(operations.getApiKey.pathParams['api-key-id'].minLength)}`)
  })

  test.each(cases)('refuses %s, naming field and limit, and sends nothing', async (_name, call, expected) => {
    const { client, seen } = setup([json(apiKey)])
    const error = await call(client).then(
      () => undefined,
      (e: unknown) => e,
    )
    expect(error).toBeInstanceOf(NcpValidationError)
    expect(error).toMatchObject(expected)
    expect((error as Error).message).toMatch(/nothing was sent/)
    expect((error as Error).message).not.toMatch(/Infinity|undefined|got 8/)
    expect(seen).toHaveLength(0)
  })

  test('counts characters, not UTF-16 units: a name of as many emoji as the limit allows is valid', async () => {
    const { client, seen } = setup([json({ apiKey })])
    await client.createApiKey({ apiKeyName: '😀'.repeat(nameRule.maxLength) })
    expect(seen).toHaveLength(1)
    await expect(client.createApiKey({ apiKeyName: tooLong(nameRule, '😀') })).rejects.toMatchObject({ length: over(nameRule) })
  })
})

describe('errors from the API', () => {
  test('a non-2xx NCP body becomes NcpApiError with its code as a string, message, details and trace ID', async () => {
    const { client } = setup([ncpError(404, 300, 'Not Found Exception', { 'x-ncp-trace-id': 'trace-123' })])
    const error = await client.getApiKey('missing').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(NcpApiError)
    expect(error).toMatchObject({
      name: 'NcpApiError',
      status: 404,
      errorCode: '300',
      errorMessage: 'Not Found Exception',
      details: 'Not Found Exception details',
      operation: 'getApiKey',
      traceId: 'trace-123',
      retryable: false,
    })
    expect((error as Error).message).toBe(
      'getApiKey failed: HTTP 404 Not Found Exception (errorCode 300): Not Found Exception details. Check the API key ID, and that the base URL ends in /api/v1. Trace ID: trace-123.',
    )
  })

  test('a 404 on an operation that names no key says to check the base URL, not the key ID', async () => {
    // A base URL without /api/v1: the gateway has no /api-keys there.
    const { client } = setup([ncpError(404, 300, 'Not Found Exception')])
    const error = (await client.createApiKey({ apiKeyName: 'ci-bot' }).catch((e: unknown) => e)) as NcpApiError
    expect(error.message).toContain('Check that the base URL ends in /api/v1.')
    expect(error.message).not.toContain('API key ID')
    const list = (await client.listApiKeys().catch((e: unknown) => e)) as NcpApiError
    expect(list.message).not.toContain('API key ID')
  })

  test('an NCP error without a message still reads: no "undefined" in it', async () => {
    const { client } = setup([json({ error: { errorCode: 900 } }, 500)], { maxAttempts: 1 })
    const error = (await client.getApiKey('k').catch((e: unknown) => e)) as NcpApiError
    expect(error).toMatchObject({ status: 500, errorCode: '900', errorMessage: undefined })
    expect(error.message).toBe('getApiKey failed: HTTP 500 NCP error (errorCode 900). Retry later; if it persists, check the base URL and any proxy in between.')
  })

  test.each([
    ['an HTML page from a proxy', new Response('<html><body><h1>502 Bad Gateway</h1></body></html>', { status: 502 }), '<html><body><h1>502 Bad Gateway</h1></body></html>'],
    ['an empty body', new Response(null, { status: 500 }), ''],
    ['truncated JSON', new Response('{"error": {"errorCode": "2', { status: 401 }), '{"error": {"errorCode": "2'],
    ['JSON that is not NCP\'s', json({ message: 'nope' }, 400), '{"message":"nope"}'],
  ])('%s still gives an NcpApiError with the status and an excerpt', async (_name, response, excerpt) => {
    const { client } = setup([response], { maxAttempts: 1 })
    const error = await client.createApiKey({ apiKeyName: 'ci-bot' }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(NcpApiError)
    expect(error).toMatchObject({ status: response.status, excerpt })
    expect((error as NcpApiError).errorCode).toBeUndefined()
  })

  test('a long non-NCP body is cut to a short excerpt', async () => {
    const { client } = setup([new Response('x'.repeat(5000), { status: 500 })])
    const error = (await client.createApiKey({ apiKeyName: 'ci-bot' }).catch((e: unknown) => e)) as NcpApiError
    expect(error.excerpt!.length).toBeLessThanOrEqual(201)
  })

  test('a 200 whose body is not JSON gives an NcpApiError that quotes nothing of it', async () => {
    const { client } = setup([new Response(`{"apiKey": {"primaryKey": "${apiKey.primaryKey}"`, { status: 200 })])
    const error = (await client.createApiKey({ apiKeyName: 'ci-bot' }).catch((e: unknown) => e)) as NcpApiError
    expect(error).toBeInstanceOf(NcpApiError)
    expect(error).toMatchObject({ status: 200, retryable: false })
    expect(error.excerpt).toBeUndefined()
    expect(error.message).toMatch(/not JSON/)
    expect(JSON.stringify(error)).not.toContain(apiKey.primaryKey)
  })

  test('a 200 without the documented shape gives an NcpApiError', async () => {
    const { client } = setup([json(apiKey)]) // create answers { apiKey }, not the bare key
    await expect(client.createApiKey({ apiKeyName: 'ci-bot' })).rejects.toThrow(/not the documented answer \(apiKey must be an object, got nothing\)/)
  })
})

describe('retries', () => {
  test('retries GET through two 503s', async () => {
    const { client, seen, delays } = setup([ncpError(503, 500, 'Endpoint Error'), ncpError(503, 500, 'Endpoint Error'), json(apiKey)])
    expect(await client.getApiKey('k')).toEqual(apiKey)
    expect(seen).toHaveLength(3)
    expect(delays).toEqual([50, 100]) // full jitter with random() = 0.5 of 100 ms, 200 ms
  })

  test('retries PUT on 502 and 504 too', async () => {
    const { client, seen } = setup([new Response('bad gateway', { status: 502 }), ncpError(504, 510, 'Endpoint Timeout'), json({ apiKey })])
    await client.updateApiKey('k', { apiKeyName: 'ci-bot', isEnabled: true })
    expect(seen).toHaveLength(3)
    expect(new Set(seen.map((s) => s.body)).size).toBe(1)
  })

  test('signs every attempt afresh with a fresh timestamp', async () => {
    let t = 1_700_000_000_000
    const { client, seen } = setup([ncpError(503, 500, 'Endpoint Error'), json(apiKey)], { now: () => (t += 1000) })
    await client.getApiKey('k')
    expect(seen.map((s) => s.signatureValid)).toEqual([true, true])
    expect(seen[1]!.timestamp).toBeGreaterThan(seen[0]!.timestamp)
  })

  test('gives up after maxAttempts with the last error, marked retryable', async () => {
    const { client, seen } = setup([ncpError(503, 500, 'Endpoint Error')], { maxAttempts: 4 })
    await expect(client.getApiKey('k')).rejects.toMatchObject({ status: 503, errorCode: '500', retryable: true })
    expect(seen).toHaveLength(4)
  })

  test.each([
    ['POST', (c: ReturnType<typeof setup>['client']) => c.createApiKey({ apiKeyName: 'ci-bot' })],
    ['PATCH', (c: ReturnType<typeof setup>['client']) => c.regenerateApiKey('k', 'PRIMARY')],
  ])('never retries %s on 503, and says it is not retryable', async (_method, call) => {
    const { client, seen } = setup([ncpError(503, 500, 'Endpoint Error'), json({ apiKey })])
    await expect(call(client)).rejects.toMatchObject({ status: 503, retryable: false })
    expect(seen).toHaveLength(1)
  })

  test('does not retry statuses that will not change (500, 400, 404)', async () => {
    for (const status of [500, 400, 404]) {
      const { client, seen } = setup([ncpError(status, 100, 'x'), json(apiKey)])
      await expect(client.getApiKey('k')).rejects.toMatchObject({ status })
      expect(seen).toHaveLength(1)
    }
  })

  test('honours Retry-After in seconds and as an HTTP date', async () => {
    const now = Date.parse('2024-05-07T07:08:12Z')
    const { client, delays } = setup(
      [
        ncpError(429, 410, 'Throttle Limited', { 'retry-after': '2' }),
        ncpError(429, 420, 'Rate Limited', { 'retry-after': new Date(now + 5000).toUTCString() }),
        json(apiKey),
      ],
      { now: () => now },
    )
    await client.getApiKey('k')
    expect(delays).toEqual([2000, 5000])
  })

  test('does not wait out a Retry-After longer than a minute: the 429 is returned', async () => {
    const { client, seen } = setup([ncpError(429, 400, 'Quota Exceeded', { 'retry-after': '3600' }), json(apiKey)])
    await expect(client.getApiKey('k')).rejects.toMatchObject({ status: 429, errorCode: '400', attempts: 1, retryAfterMs: 3_600_000 })
    expect(seen).toHaveLength(1)
  })

  test('an API error says how many attempts were made and how long the last answer asked to wait', async () => {
    const throttled = ncpError(429, 410, 'Throttle Limited', { 'retry-after': '2' })
    const { client, seen } = setup([throttled, throttled, throttled])
    const error = await client.getApiKey('k').catch((e: unknown) => e)
    expect(seen).toHaveLength(3)
    expect(error).toMatchObject({ status: 429, attempts: 3, retryAfterMs: 2000 })
    expect((error as NcpApiError).toJSON()).toMatchObject({ attempts: 3, retryAfterMs: 2000 })
    // No Retry-After, or one that cannot be read: no wait is claimed.
    const failing = setup([ncpError(503, 500, 'Endpoint Error'), ncpError(503, 500, 'Endpoint Error'), ncpError(503, 500, 'Endpoint Error', { 'retry-after': 'soon' })])
    const unavailable = await failing.client.getApiKey('k').catch((e: unknown) => e)
    expect(unavailable).toMatchObject({ status: 503, attempts: 3 })
    expect((unavailable as NcpApiError).retryAfterMs).toBeUndefined()
    // One attempt where a repeat could do it twice.
    const once = setup([ncpError(503, 500, 'Endpoint Error')])
    await expect(once.client.createApiKey({ apiKeyName: 'ci-bot' })).rejects.toMatchObject({ status: 503, attempts: 1 })
  })

  test('retries GET after a network error, but not POST', async () => {
    const get = setup([reset(), json(apiKey)])
    expect(await get.client.getApiKey('k')).toEqual(apiKey)
    expect(get.seen).toHaveLength(2)

    const post = setup([reset(), json({ apiKey })])
    const error = await post.client.createApiKey({ apiKeyName: 'ci-bot' }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(NcpNetworkError)
    // The cause keeps fetch's reason and code, not fetch's error itself (which may hold what the server sent).
    expect(error).toMatchObject({ name: 'NcpNetworkError', operation: 'createApiKey', attempts: 1, cause: { name: 'TypeError', code: 'ECONNRESET' } })
    expect((error as Error).message).toBe('createApiKey attempt 1 got no answer (fetch failed: read ECONNRESET); check the network and the base URL.')
    expect(post.seen).toHaveLength(1)
  })

  test('backs off exponentially with full jitter, capped', async () => {
    const { client, delays } = setup([ncpError(503, 500, 'Endpoint Error')], { maxAttempts: 12, random: () => 0.999 })
    await expect(client.getApiKey('k')).rejects.toBeInstanceOf(NcpApiError)
    expect(delays.slice(0, 3)).toEqual([99, 199, 399])
    expect(Math.max(...delays)).toBeLessThanOrEqual(20_000)
    expect(delays.at(-1)).toBe(19_980)
  })
})

describe('clock skew', () => {
  const localNow = Date.parse('2024-05-07T07:00:00Z')
  const serverNow = localNow + 10 * 60_000

  // A server ten minutes ahead of the client, refusing timestamps more than 5 minutes off.
  function skewedServer(ok: Response) {
    return (seen: { timestamp: number }) =>
      Math.abs(seen.timestamp - serverNow) > 5 * 60_000
        ? ncpError(401, 200, 'Authentication Failed', { date: new Date(serverNow).toUTCString() })
        : ok.clone()
  }

  test('re-signs once with the server clock after a skew refusal, and keeps the offset for later calls', async () => {
    const { client, seen } = setup([skewedServer(json(apiKey))], { now: () => localNow })
    expect(await client.getApiKey('k')).toEqual(apiKey)
    expect(seen).toHaveLength(2)
    expect(seen[1]!.timestamp).toBe(serverNow)
    expect(seen[1]!.signatureValid).toBe(true)
    await client.getApiKey('k')
    expect(seen).toHaveLength(3)
  })

  test('corrects the clock for createApiKey too: the refused request did nothing', async () => {
    const { client, seen } = setup([skewedServer(json({ apiKey }))], { now: () => localNow, maxAttempts: 1 })
    await client.createApiKey({ apiKeyName: 'ci-bot' })
    expect(seen).toHaveLength(2)
  })

  test('a 401 whose Date agrees with the local clock is an authentication error, not retried', async () => {
    const { client, seen } = setup([ncpError(401, 200, 'Authentication Failed', { date: new Date(localNow).toUTCString() })], {
      now: () => localNow,
    })
    await expect(client.getApiKey('k')).rejects.toMatchObject({ status: 401, errorCode: '200' })
    expect(seen).toHaveLength(1)
  })

  test('a 401 that is not NCP\'s Authentication Failed (errorCode 210, or not NCP\'s body) corrects nothing, whatever its Date', async () => {
    for (const refusal of [ncpError(401, 210, 'Permission Denied', { date: new Date(serverNow).toUTCString() }), new Response('<html>401</html>', { status: 401, headers: { date: new Date(serverNow).toUTCString() } })]) {
      const { client, seen } = setup([refusal, json(apiKey)], { now: () => localNow })
      await expect(client.getApiKey('k')).rejects.toMatchObject({ status: 401 })
      expect(seen).toHaveLength(1)
      await client.getApiKey('k')
      expect(seen[1]!.timestamp).toBe(localNow)
    }
  })

  test('a skew of 23 hours 59 minutes is corrected', async () => {
    const far = localNow + (24 * 60 - 1) * 60_000
    const { client, seen } = setup([ncpError(401, '200', 'Authentication Failed', { date: new Date(far).toUTCString() }), json(apiKey)], { now: () => localNow })
    await client.getApiKey('k')
    expect(seen.map((s) => s.timestamp)).toEqual([localNow, far])
  })

  test.each([
    ['30 days ahead', 30 * 24 * 60 * 60_000, 'behind the server’s by 30 days'],
    ['24 hours and a minute behind', -(24 * 60 + 1) * 60_000, 'ahead of the server’s by 24 hours'],
  ])('a server clock %s is not followed: regenerateApiKey fails at once, saying to fix the machine\'s clock, and later calls sign with the local clock', async (_name, gap, words) => {
    const date = new Date(localNow + gap).toUTCString()
    const { client, seen } = setup([ncpError(401, '200', 'Authentication Failed', { date }), ncpError(401, '200', 'Authentication Failed', { date }), json({ apiKey })], { now: () => localNow })
    const error = await client.regenerateApiKey('k', 'PRIMARY').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(NcpApiError)
    expect(error).toMatchObject({ status: 401, errorCode: '200', retryable: false })
    expect((error as Error).message).toContain(`This machine's clock is ${words}`)
    expect((error as Error).message).toContain("more than the 24 hours the client corrects: fix this machine's clock")
    expect(seen).toHaveLength(1)
    await expect(client.regenerateApiKey('k', 'PRIMARY')).rejects.toMatchObject({ status: 401 })
    await client.regenerateApiKey('k', 'PRIMARY')
    expect(seen.map((s) => s.timestamp)).toEqual([localNow, localNow, localNow])
  })

  test('re-signs only once per call', async () => {
    const always = ncpError(401, 200, 'Authentication Failed', { date: new Date(serverNow).toUTCString() })
    let shift = 0
    // Each answer's Date is further away, so every refusal looks like fresh skew.
    const { client, seen } = setup([always], { now: () => localNow - (shift += 60 * 60_000) })
    await expect(client.getApiKey('k')).rejects.toMatchObject({ status: 401 })
    expect(seen).toHaveLength(2)
  })
})

describe('timeouts and cancellation', () => {
  // Attempts time out when a test expires its timer (t.hang: a server that never answers while
  // the attempt's time runs out; a provider or a body that expires it once it is stalled).
  // A credentials provider that never settles, as a hung metadata service or vault would.
  const never = () => new Promise<never>(() => {})

  test('an attempt that takes longer than timeoutMs becomes NcpTimeoutError, for POST without retry', async () => {
    const t = manualTimer()
    const { client, seen } = setup([t.hang], { timeoutMs: 50 }, t)
    const error = await client.createApiKey({ apiKeyName: 'ci-bot' }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(NcpTimeoutError)
    expect(error).toBeInstanceOf(NcpNetworkError)
    expect(error).toMatchObject({ name: 'NcpTimeoutError', timeoutMs: 50, attempts: 1, operation: 'createApiKey' })
    expect(t.armed).toEqual([50])
    expect(seen).toHaveLength(1)
  })

  test('each GET attempt gets its own fresh timeout signal and timer, and a timed-out GET is retried', async () => {
    const t = manualTimer()
    const { client, seen } = setup([t.hang, json(apiKey)], { timeoutMs: 50 }, t)
    expect(await client.getApiKey('k')).toEqual(apiKey)
    expect(seen).toHaveLength(2)
    expect(seen[0]!.signal.aborted).toBe(true)
    expect(seen[1]!.signal).not.toBe(seen[0]!.signal)
    expect(t.armed).toEqual([50, 50])
    // The answered attempt disarmed its timer.
    expect(t.running).toBe(0)
  })

  test('the timeout covers the body too: a body that stalls after the headers times out', async () => {
    const t = manualTimer()
    let expired = 0
    // Like fetch's own bodies, this one errors when the attempt's signal aborts. Once its first
    // part is read it stalls, and the attempt's time runs out then.
    const stalled = ({ signal }: { signal: AbortSignal }) =>
      new Response(
        new ReadableStream({
          start(c) {
            c.enqueue(new TextEncoder().encode('{"apiKey":'))
            signal.addEventListener('abort', () => c.error(signal.reason))
          },
          pull() {
            expired += t.expire()
          },
        }),
        { status: 200 },
      )
    const { client } = setup([stalled], { timeoutMs: 50 }, t)
    await expect(client.createApiKey({ apiKeyName: 'ci-bot' })).rejects.toBeInstanceOf(NcpTimeoutError)
    expect(expired).toBe(1)
  })

  test("the caller's signal cancels the call: NcpAbortError (an NcpError) whose cause is the signal's reason, and no retry follows", async () => {
    const controller = new AbortController()
    const reason = new Error('user gave up')
    // The caller gives up while the request hangs.
    const givenUp = (seen: { signal: AbortSignal }) => {
      const answer = hang(seen)
      controller.abort(reason)
      return answer
    }
    const { client, seen } = setup([givenUp, json(apiKey)], { timeoutMs: 10_000 })
    const error = await client.getApiKey('k', { signal: controller.signal }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(NcpAbortError)
    expect(error).toBeInstanceOf(NcpError)
    expect(error).toMatchObject({ name: 'NcpAbortError', operation: 'getApiKey', attempts: 1 })
    expect((error as Error).cause).toBe(reason)
    expect((error as Error).message).toBe('getApiKey was aborted by its signal (Error: user gave up) during attempt 1. Check what aborts the signal given in the call options.')
    expect(seen).toHaveLength(1)
  })

  test('controller.abort() with no reason: NcpAbortError whose cause is the AbortError the signal made', async () => {
    const controller = new AbortController()
    const givenUp = (seen: { signal: AbortSignal }) => {
      const answer = hang(seen)
      controller.abort()
      return answer
    }
    const { client } = setup([givenUp], { timeoutMs: 10_000 })
    const error = await client.listApiKeys({}, { signal: controller.signal }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(NcpAbortError)
    expect((error as Error).cause).toBe(controller.signal.reason)
    expect((error as Error).cause).toMatchObject({ name: 'AbortError' })
    expect(JSON.parse(JSON.stringify(error))).toMatchObject({ name: 'NcpAbortError', operation: 'listApiKeys', cause: { name: 'AbortError' } })
  })

  test('AbortSignal.timeout(): NcpAbortError whose cause is its TimeoutError, and the message says to give the signal more time', async () => {
    // Whenever the timer fires (before the request or while it hangs), the call ends the same way.
    const signal = AbortSignal.timeout(1)
    const { client } = setup([hang], { timeoutMs: 10_000 })
    const error = await client.getApiKey('k', { signal }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(NcpAbortError)
    expect((error as Error).cause).toMatchObject({ name: 'TimeoutError' })
    expect((error as Error).message).toMatch(/^getApiKey was aborted by its signal \(TimeoutError: The operation was aborted due to timeout\) (before it was sent|during attempt 1)\. Give the signal more time if the call needs it\.$/)
  })

  test('an already aborted signal sends nothing: NcpAbortError before any attempt', async () => {
    const { client, seen } = setup([json(apiKey)])
    const error = await client.getApiKey('k', { signal: AbortSignal.abort() }).catch((e: unknown) => e)
    expect(error).toMatchObject({ name: 'NcpAbortError', attempts: 0, cause: { name: 'AbortError' } })
    expect((error as Error).message).toMatch(/^getApiKey was aborted by its signal \(AbortError: This operation was aborted\) before it was sent\./)
    expect(seen).toHaveLength(0)
  })

  test("the caller's signal also cancels the wait between retries", async () => {
    const controller = new AbortController()
    const { client, seen } = setup([ncpError(503, 500, 'Endpoint Error'), json(apiKey)], {
      sleep: (_ms, signal) =>
        new Promise((_resolve, reject) => {
          signal!.addEventListener('abort', () => reject(signal!.reason))
          controller.abort(new Error('stop waiting'))
        }),
    })
    await expect(client.getApiKey('k', { signal: controller.signal })).rejects.toMatchObject({ name: 'NcpAbortError', attempts: 1, cause: { message: 'stop waiting' } })
    expect(seen).toHaveLength(1)
  })

  test.each(operationIds)('%s: a credentials provider that never settles is bounded by timeoutMs and retried (nothing was sent)', async (operation) => {
    const t = manualTimer()
    // Each attempt's time runs out while the provider is awaited.
    const stuck = () => {
      t.expire()
      return never()
    }
    const { client, seen } = setup([validAnswer(operation)], { credentials: stuck, timeoutMs: 30, maxAttempts: 2 }, t)
    const error = await calls[operation](client, 'k').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(NcpTimeoutError)
    expect(error).toMatchObject({ operation, attempts: 2, timeoutMs: 30 })
    expect((error as Error).message).toBe(`${operation} attempt 2 timed out after 30 ms waiting for the credentials provider; raise timeoutMs if the network is slow.`)
    expect(t.armed).toEqual([30, 30])
    expect(seen).toHaveLength(0)
  })

  test("a credentials provider that never settles is bounded by the caller's signal too", async () => {
    const controller = new AbortController()
    // The caller gives up while the provider is awaited.
    const stuck = () => {
      controller.abort(new Error('caller gave up'))
      return never()
    }
    const { client, seen } = setup([json(apiKey)], { credentials: stuck, timeoutMs: 60_000 })
    await expect(client.createApiKey({ apiKeyName: 'ci-bot' }, { signal: controller.signal })).rejects.toMatchObject({ name: 'NcpAbortError', cause: { message: 'caller gave up' } })
    expect(seen).toHaveLength(0)
  })

  test('a provider that settles later than the timeout leaves no unhandled rejection behind', async () => {
    const unhandled: unknown[] = []
    const onUnhandled = (reason: unknown) => void unhandled.push(reason)
    process.on('unhandledRejection', onUnhandled)
    try {
      const t = manualTimer()
      let rejectLate!: (reason: Error) => void
      const late = () => {
        t.expire()
        return new Promise<never>((_r, reject) => (rejectLate = reject))
      }
      const { client } = setup([json(apiKey)], { credentials: late, timeoutMs: 10, maxAttempts: 1 }, t)
      await expect(client.getApiKey('k')).rejects.toBeInstanceOf(NcpTimeoutError)
      rejectLate(new Error('late'))
      // A rejection nobody handled is reported once the microtasks run out: on a later turn of the loop.
      await new Promise((resolve) => setImmediate(resolve))
      expect(unhandled).toEqual([])
    } finally {
      process.off('unhandledRejection', onUnhandled)
    }
  })

  test('per-call timeoutMs and maxAttempts replace the client’s for that call only', async () => {
    const t = manualTimer()
    const { client, seen } = setup([t.hang], { timeoutMs: 60_000, maxAttempts: 1 }, t)
    const error = await client.getApiKey('k', { timeoutMs: 20, maxAttempts: 3 }).catch((e: unknown) => e)
    expect(error).toMatchObject({ name: 'NcpTimeoutError', timeoutMs: 20, attempts: 3 })
    expect(t.armed).toEqual([20, 20, 20])
    expect(seen).toHaveLength(3)
    await client.getApiKey('k').catch(() => {})
    expect(t.armed).toEqual([20, 20, 20, 60_000])
  })
})

describe('a body that ignores the attempt signal', () => {
  // A fetch other than the platform's may hand back a body that never errors on abort. This one
  // stalls once its first part is read, and then calls `stalled`.
  const deaf = (stalled: () => void) => () =>
    new Response(
      new ReadableStream({
        start(c) {
          c.enqueue(new TextEncoder().encode('{"apiKey":'))
        },
        pull: stalled,
      }),
      { status: 200 },
    )

  test('still times out at timeoutMs, never hanging and never returning a part of it', async () => {
    const t = manualTimer()
    const { client } = setup([deaf(() => void t.expire())], { timeoutMs: 50, maxAttempts: 1 }, t)
    await expect(client.getApiKey('k')).rejects.toMatchObject({ name: 'NcpTimeoutError', timeoutMs: 50 })
    expect(t.armed).toEqual([50])
  })

  test("still stops at the caller's signal, with its reason", async () => {
    const controller = new AbortController()
    const { client } = setup([deaf(() => controller.abort(new Error('caller stopped reading')))], { timeoutMs: 60_000 })
    await expect(client.getApiKey('k', { signal: controller.signal })).rejects.toMatchObject({ name: 'NcpAbortError', cause: { message: 'caller stopped reading' } })
  })

  test('a cloned (tee) answer that is refused does not hang the call', async () => {
    // Cancelling one branch of a tee settles only once both are: the client must not wait on it.
    const { client } = setup([new Response(null, { status: 302 }), json(apiKey)], { maxResponseBytes: 10 })
    await expect(client.getApiKey('k')).rejects.toMatchObject({ status: 302 })
    await expect(client.getApiKey('k')).rejects.toThrow('maxResponseBytes (10 bytes)')
  })
})

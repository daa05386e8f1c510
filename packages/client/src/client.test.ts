import { describe, expect, test } from 'vitest'
import { apiKey, baseUrl, credentials, json, ncpError, type Reply, scriptedFetch } from '../test/fixtures/scripted-fetch.js'
import { NcpApiError, NcpNetworkError, NcpTimeoutError, NcpValidationError } from './errors.js'
import { type ApiKeyClientOptions, createApiKeyClient } from './node.js'

function setup(replies: Reply[], options: ApiKeyClientOptions = {}) {
  const { fetch, seen } = scriptedFetch(...replies)
  const delays: number[] = []
  const client = createApiKeyClient({
    credentials,
    baseUrl,
    fetch,
    random: () => 0.5,
    sleep: async (ms) => {
      delays.push(ms)
    },
    ...options,
  })
  return { client, seen, delays }
}

describe('the four operations', () => {
  test('createApiKey posts the body and returns the unwrapped key', async () => {
    const { client, seen } = setup([json({ apiKey })])
    expect(await client.createApiKey({ apiKeyName: 'ci-bot', apiKeyDescription: 'deploys' })).toEqual(apiKey)
    expect(seen).toHaveLength(1)
    expect(seen[0]).toMatchObject({ method: 'POST', path: '/api/v1/api-keys', signatureValid: true })
    expect(JSON.parse(seen[0]!.body!)).toEqual({ apiKeyName: 'ci-bot', apiKeyDescription: 'deploys' })
    expect(seen[0]!.headers.get('content-type')).toBe('application/json')
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

  test('regenerateApiKey patches the key type and returns the unwrapped key', async () => {
    const { client, seen } = setup([json({ apiKey: { ...apiKey, secondaryKey: 'NEW' } })])
    expect((await client.regenerateApiKey('cvcohvd2xj', 'SECONDARY')).secondaryKey).toBe('NEW')
    expect(seen[0]).toMatchObject({ method: 'PATCH', path: '/api/v1/api-keys/cvcohvd2xj', signatureValid: true })
    expect(JSON.parse(seen[0]!.body!)).toEqual({ keyType: 'SECONDARY' })
  })

  test('the raw client is signed too and keeps the documented shapes', async () => {
    const { client, seen } = setup([json({ apiKey })])
    const { data } = await client.raw.PUT('/api-keys/{api-key-id}', {
      params: { path: { 'api-key-id': 'x' } },
      body: { apiKeyName: 'n', isEnabled: true },
    })
    expect(data).toEqual({ apiKey })
    expect(seen[0]!.signatureValid).toBe(true)
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
    await expect(client.updateApiKey(id, { apiKeyName: 'n', isEnabled: true })).rejects.toBeInstanceOf(NcpValidationError)
    await expect(client.regenerateApiKey(id, 'PRIMARY')).rejects.toBeInstanceOf(NcpValidationError)
    expect(seen).toHaveLength(0)
  })

  test('refuses an id with a lone surrogate, which cannot be percent-encoded', async () => {
    const { client, seen } = setup([json(apiKey)])
    await expect(client.getApiKey('a\uD800b')).rejects.toMatchObject({ field: 'api-key-id', limit: expect.stringContaining('well-formed Unicode') })
    expect(seen).toHaveLength(0)
  })
})

describe('validation from the spec', () => {
  const cases: [string, (c: ReturnType<typeof setup>['client']) => Promise<unknown>, object][] = [
    ['a 21-character name', (c) => c.createApiKey({ apiKeyName: 'x'.repeat(21) }), { field: 'apiKeyName', limit: 'a string of 1 to 20 characters', length: 21 }],
    ['an empty name', (c) => c.createApiKey({ apiKeyName: '' }), { field: 'apiKeyName', limit: 'a string of 1 to 20 characters', length: 0 }],
    ['a missing name', (c) => c.createApiKey({} as never), { field: 'apiKeyName', limit: 'a string of 1 to 20 characters' }],
    ['a 51-character description', (c) => c.createApiKey({ apiKeyName: 'n', apiKeyDescription: 'd'.repeat(51) }), { field: 'apiKeyDescription', limit: 'a string of 0 to 50 characters', length: 51 }],
    ['a string isEnabled', (c) => c.updateApiKey('k', { apiKeyName: 'n', isEnabled: 'false' as never }), { field: 'isEnabled', limit: 'a boolean' }],
    ['a missing isEnabled', (c) => c.updateApiKey('k', { apiKeyName: 'n' } as never), { field: 'isEnabled' }],
    ['a 21-character name on update', (c) => c.updateApiKey('k', { apiKeyName: 'x'.repeat(21), isEnabled: true }), { field: 'apiKeyName', length: 21 }],
    ['keyType TERTIARY', (c) => c.regenerateApiKey('k', 'TERTIARY' as never), { field: 'keyType', limit: 'one of PRIMARY, SECONDARY' }],
    ['an unknown field', (c) => c.createApiKey({ apiKeyName: 'n', apiName: 'n' } as never), { field: 'apiName' }],
    ['a body that is not an object', (c) => c.createApiKey(null as never), { field: 'body', limit: 'an object' }],
    ['a number as id', (c) => c.getApiKey(42 as never), { field: 'api-key-id' }],
  ]

  test.each(cases)('refuses %s, naming field and limit, and sends nothing', async (_name, call, expected) => {
    const { client, seen } = setup([json(apiKey)])
    const error = await call(client).then(
      () => undefined,
      (e: unknown) => e,
    )
    expect(error).toBeInstanceOf(NcpValidationError)
    expect(error).toMatchObject(expected)
    expect((error as Error).message).toMatch(/nothing was sent/)
    expect(seen).toHaveLength(0)
  })

  test('counts characters, not UTF-16 units: 20 emoji are a valid name', async () => {
    const { client, seen } = setup([json({ apiKey })])
    await client.createApiKey({ apiKeyName: '😀'.repeat(20) })
    expect(seen).toHaveLength(1)
    await expect(client.createApiKey({ apiKeyName: '😀'.repeat(21) })).rejects.toMatchObject({ length: 21 })
  })

  test('refuses bad options when the client is created', () => {
    expect(() => createApiKeyClient({ credentials, site: 'mars' as never })).toThrow(/site must be one of public, gov, fin/)
    expect(() => createApiKeyClient({ credentials, baseUrl, maxAttempts: 0 })).toThrow(NcpValidationError)
    expect(() => createApiKeyClient({ credentials, baseUrl, maxAttempts: 1.5 })).toThrow(/maxAttempts must be a positive integer/)
    expect(() => createApiKeyClient({ credentials, baseUrl, timeoutMs: -1 })).toThrow(/timeoutMs must be a positive integer/)
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
      'getApiKey failed: HTTP 404 Not Found Exception (errorCode 300): Not Found Exception details. Check the API key ID. Trace ID: trace-123.',
    )
  })

  test.each([
    ['an HTML page from a proxy', new Response('<html><body><h1>502 Bad Gateway</h1></body></html>', { status: 502 }), '<html><body><h1>502 Bad Gateway</h1></body></html>'],
    ['an empty body', new Response(null, { status: 500 }), ''],
    ['truncated JSON', new Response('{"error": {"errorCode": "2', { status: 401 }), '{"error": {"errorCode": "2'],
    ['JSON that is not NCP\'s', json({ message: 'nope' }, 400), '{"message":"nope"}'],
  ])('%s still gives an NcpApiError with the status and an excerpt', async (_name, response, excerpt) => {
    const { client } = setup([response], { maxAttempts: 1 })
    const error = await client.createApiKey({ apiKeyName: 'n' }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(NcpApiError)
    expect(error).toMatchObject({ status: response.status, excerpt })
    expect((error as NcpApiError).errorCode).toBeUndefined()
  })

  test('a long non-NCP body is cut to a short excerpt', async () => {
    const { client } = setup([new Response('x'.repeat(5000), { status: 500 })])
    const error = (await client.createApiKey({ apiKeyName: 'n' }).catch((e: unknown) => e)) as NcpApiError
    expect(error.excerpt!.length).toBeLessThanOrEqual(201)
  })

  test('a 200 whose body is not JSON gives an NcpApiError that quotes nothing of it', async () => {
    const { client } = setup([new Response(`{"apiKey": {"primaryKey": "${apiKey.primaryKey}"`, { status: 200 })])
    const error = (await client.createApiKey({ apiKeyName: 'n' }).catch((e: unknown) => e)) as NcpApiError
    expect(error).toBeInstanceOf(NcpApiError)
    expect(error).toMatchObject({ status: 200, retryable: false })
    expect(error.excerpt).toBeUndefined()
    expect(error.message).toMatch(/not JSON/)
    expect(JSON.stringify(error)).not.toContain(apiKey.primaryKey)
  })

  test('a 200 without the documented shape gives an NcpApiError', async () => {
    const { client } = setup([json(apiKey)]) // create answers { apiKey }, not the bare key
    await expect(client.createApiKey({ apiKeyName: 'n' })).rejects.toThrow(/not the documented API key/)
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
    await client.updateApiKey('k', { apiKeyName: 'n', isEnabled: true })
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
    ['POST', (c: ReturnType<typeof setup>['client']) => c.createApiKey({ apiKeyName: 'n' })],
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
    await expect(client.getApiKey('k')).rejects.toMatchObject({ status: 429, errorCode: '400' })
    expect(seen).toHaveLength(1)
  })

  test('retries GET after a network error, but not POST', async () => {
    const reset = new TypeError('fetch failed', { cause: Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }) })
    const get = setup([reset, json(apiKey)])
    expect(await get.client.getApiKey('k')).toEqual(apiKey)
    expect(get.seen).toHaveLength(2)

    const post = setup([reset, json({ apiKey })])
    const error = await post.client.createApiKey({ apiKeyName: 'n' }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(NcpNetworkError)
    expect(error).toMatchObject({ name: 'NcpNetworkError', operation: 'createApiKey', attempts: 1, cause: reset })
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
    await client.createApiKey({ apiKeyName: 'n' })
    expect(seen).toHaveLength(2)
  })

  test('a 401 whose Date agrees with the local clock is an authentication error, not retried', async () => {
    const { client, seen } = setup([ncpError(401, 200, 'Authentication Failed', { date: new Date(localNow).toUTCString() })], {
      now: () => localNow,
    })
    await expect(client.getApiKey('k')).rejects.toMatchObject({ status: 401, errorCode: '200' })
    expect(seen).toHaveLength(1)
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
  // A fetch that never answers but honours its signal, like a server that never replies.
  const hang = (seen: { signal: AbortSignal }) =>
    new Promise<Response>((_resolve, reject) => seen.signal.addEventListener('abort', () => reject(seen.signal.reason)))

  test('an attempt that takes longer than timeoutMs becomes NcpTimeoutError, for POST without retry', async () => {
    const { client, seen } = setup([hang], { timeoutMs: 50 })
    const error = await client.createApiKey({ apiKeyName: 'n' }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(NcpTimeoutError)
    expect(error).toBeInstanceOf(NcpNetworkError)
    expect(error).toMatchObject({ name: 'NcpTimeoutError', timeoutMs: 50, attempts: 1, operation: 'createApiKey' })
    expect(seen).toHaveLength(1)
  })

  test('each GET attempt gets its own fresh timeout signal, and a timed-out GET is retried', async () => {
    const { client, seen } = setup([hang, json(apiKey)], { timeoutMs: 50 })
    expect(await client.getApiKey('k')).toEqual(apiKey)
    expect(seen).toHaveLength(2)
    expect(seen[0]!.signal.aborted).toBe(true)
    expect(seen[1]!.signal).not.toBe(seen[0]!.signal)
  })

  test('the timeout covers the body too: a body that stalls after the headers times out', async () => {
    // Like fetch's own bodies, this one errors when the attempt's signal aborts.
    const stalled = ({ signal }: { signal: AbortSignal }) =>
      new Response(
        new ReadableStream({
          start(c) {
            c.enqueue(new TextEncoder().encode('{"apiKey":'))
            signal.addEventListener('abort', () => c.error(signal.reason))
          },
        }),
        { status: 200 },
      )
    const { client } = setup([stalled], { timeoutMs: 50 })
    await expect(client.createApiKey({ apiKeyName: 'n' })).rejects.toBeInstanceOf(NcpTimeoutError)
  })

  test("the caller's signal cancels the call with its own reason, and no retry follows", async () => {
    const { client, seen } = setup([hang, json(apiKey)], { timeoutMs: 10_000 })
    const controller = new AbortController()
    const call = client.getApiKey('k', { signal: controller.signal })
    setTimeout(() => controller.abort(new Error('user gave up')), 20)
    await expect(call).rejects.toThrow('user gave up')
    expect(seen).toHaveLength(1)
  })

  test('an already aborted signal sends nothing', async () => {
    const { client, seen } = setup([json(apiKey)])
    await expect(client.getApiKey('k', { signal: AbortSignal.abort() })).rejects.toMatchObject({ name: 'AbortError' })
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
    await expect(client.getApiKey('k', { signal: controller.signal })).rejects.toThrow('stop waiting')
    expect(seen).toHaveLength(1)
  })
})

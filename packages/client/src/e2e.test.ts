// End to end against @ncloud-apigw/testing's fake API Gateway: a real HTTP server on loopback
// that verifies signature v2 on its own (node:crypto), keeps keys, validates requests against
// the same operation table and speaks NCP's errors. Every operation of the table, the raw client
// and the paginator. Self-contained (only the fake, the client and the client's attempt-timer
// fixture): it also runs on Node 22 and 24 in consumer-tests. Faults (resets, hangs, 429s, 503s,
// malformed and huge answers) are in faults.test.ts. No test waits on real time: the two that
// prove Node's timer ends a hanging attempt use it; the others time attempts with a timer they
// expire themselves, once the fake holds the request.
import { inspect } from 'node:util'
import { operationIds, operations } from '@ncloud-apigw/operations'
import { exampleWorld, type FakeApiGateway, type FakeApiGatewayOptions, startFakeApiGateway, TEST_CREDENTIALS } from '@ncloud-apigw/testing'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { type ManualTimer, manualTimer, nodeClient } from '../test/fixtures/attempt-timer.js'
import { calls } from '../test/fixtures/calls.js'
import { NcpApiError, NcpCredentialsError, NcpNetworkError, NcpTimeoutError, NcpValidationError } from './errors.js'
import { version } from './generated/version.js'
import { type ApiKeyClientOptions, createApiKeyClient, createRawClient } from './node.js'
import { type AttemptTimer, realTimer } from './exchange.js'

let gw: FakeApiGateway
let attemptTimer: ManualTimer
/** Every operation the fake answered with success during this file's tests. */
const exercised = new Set<string>()

beforeEach(async () => {
  attemptTimer = manualTimer()
  gw = await startFakeApiGateway()
})

afterEach(async () => {
  for (const r of gw.requests) if (r.operationId && r.status && r.status < 300) exercised.add(r.operationId)
  await gw.close()
})

/** Replaces the test's fake with one started with `options` (products, the examples' world). */
async function restart(options: FakeApiGatewayOptions): Promise<void> {
  await gw.close()
  gw = await startFakeApiGateway(options)
}

// The Node entry's client with zero jitter, waits that return at once, and attempts that time out
// only when a test expires attemptTimer; everything else is the real thing.
function client(options: ApiKeyClientOptions = {}) {
  return nodeClient({ baseUrl: gw.url, credentials: TEST_CREDENTIALS, random: () => 0, sleep: async () => {}, ...options }, attemptTimer.timer)
}

const requestsFor = (operationId: string) => gw.requests.filter((r) => r.operationId === operationId)

describe('end to end against the fake API Gateway', () => {
  test('create, get, update, regenerate, list, paginate and delete change the server as they say, all signed', async () => {
    const apigw = client()
    const created = await apigw.createApiKey({ apiKeyName: 'ci-bot', apiKeyDescription: 'deploys' })
    expect(gw.keys.get(created.apiKeyId)).toEqual(created)

    expect(await apigw.getApiKey(created.apiKeyId)).toEqual(created)

    const updated = await apigw.updateApiKey(created.apiKeyId, { apiKeyName: 'ci-bot-2', isEnabled: false })
    expect(updated).toMatchObject({ apiKeyId: created.apiKeyId, apiKeyName: 'ci-bot-2', isEnabled: false })
    expect(gw.keys.get(created.apiKeyId)).toEqual(updated)

    const regenerated = await apigw.regenerateApiKey(created.apiKeyId, 'SECONDARY')
    expect(regenerated.primaryKey).toBe(created.primaryKey)
    expect(regenerated.secondaryKey).not.toBe(created.secondaryKey)

    const listed = await apigw.listApiKeys({ offset: 0, limit: 20, apiKeyName: 'ci-bot' })
    expect(listed).toMatchObject({ total: 1, apiKeys: [{ apiKeyId: created.apiKeyId, apiKeyName: 'ci-bot-2' }] })
    expect(listed.apiKeys[0]).not.toHaveProperty('primaryKey')

    const walked = []
    for await (const key of apigw.paginateApiKeys()) walked.push(key.apiKeyId)
    expect(walked).toEqual([created.apiKeyId])

    expect(await apigw.deleteApiKey(created.apiKeyId)).toBeUndefined()
    expect(gw.keys.has(created.apiKeyId)).toBe(false)

    expect(gw.requests.map((r) => [r.method, r.operationId, r.status, r.signatureValid])).toEqual([
      ['POST', 'createApiKey', operations.createApiKey.success, true],
      ['GET', 'getApiKey', 200, true],
      ['PUT', 'updateApiKey', 200, true],
      ['PATCH', 'regenerateApiKey', 200, true],
      ['GET', 'listApiKeys', 200, true],
      ['GET', 'listApiKeys', 200, true],
      ['DELETE', 'deleteApiKey', operations.deleteApiKey.success, true],
    ])
  })

  test('a key put to use: subscribed to a protected product, approved, given a usage plan, listed every way, unsubscribed', async () => {
    await restart({
      products: [
        {
          productId: 'prod0001',
          productName: 'weather',
          subscriptionCode: 'PROTECTED',
          stages: [{ apiId: 'api0001', apiName: 'forecast', stageId: 'stage0001', stageName: 'v1', usagePlans: [{ usagePlanId: 'plan0001', usagePlanName: 'basic' }, { usagePlanId: 'plan0002', usagePlanName: 'gold' }] }],
        },
      ],
    })
    const apigw = client()
    const key = await apigw.createApiKey({ apiKeyName: 'weather-app' })
    expect(await apigw.subscribeApiKey(key.apiKeyId, { productId: 'prod0001' })).toBeUndefined()
    const [requested] = await apigw.searchApiKeys({ productId: 'prod0001' }).then((page) => page.apiKeys)
    expect(requested).toMatchObject({ apiKeyId: key.apiKeyId, status: 'REQUEST' })

    expect(await apigw.updateProductApiKeyStatus('prod0001', key.apiKeyId, { status: 'ACCEPTED' })).toBeUndefined()
    expect(await apigw.updateApiKeyUsagePlan('prod0001', key.apiKeyId, 'stage0001', { usagePlanId: 'plan0002' })).toBeUndefined()

    const products = await apigw.listApiKeyProducts(key.apiKeyId)
    expect(products).toMatchObject({ total: 1, apiKeyRelateProductDtos: [{ productId: 'prod0001', status: 'ACCEPTED' }] })
    const stages = await apigw.listApiKeySubscriptions(key.apiKeyId, { productId: 'prod0001' })
    expect(stages).toMatchObject({ total: 1, content: [{ apiId: 'api0001', stageId: 'stage0001', usagePlanId: 'plan0002', dayCallCount: 0 }] })
    const productKeys = await apigw.searchProductApiKeys('prod0001', { statusSet: ['ACCEPTED'] })
    expect(productKeys).toMatchObject({ total: 1, content: [{ apiKeyId: key.apiKeyId, primaryKey: key.primaryKey, status: 'ACCEPTED' }] })

    // Every page operation's paginator walks the same items.
    const walk = async <T>(items: AsyncIterable<T>) => {
      const all: T[] = []
      for await (const item of items) all.push(item)
      return all
    }
    expect((await walk(apigw.paginateSearchApiKeys({ productId: 'prod0001', pageSize: 1 }))).map((k) => k.apiKeyId)).toEqual([key.apiKeyId])
    expect((await walk(apigw.paginateApiKeyProducts(key.apiKeyId, { pageSize: 1 }))).map((p) => p.productId)).toEqual(['prod0001'])
    expect((await walk(apigw.paginateApiKeySubscriptions(key.apiKeyId, { productId: 'prod0001' }))).map((s) => s.stageId)).toEqual(['stage0001'])
    expect((await walk(apigw.paginateSearchProductApiKeys('prod0001'))).map((k) => k.apiKeyId)).toEqual([key.apiKeyId])

    expect(await apigw.unsubscribeApiKey(key.apiKeyId, { productId: 'prod0001' })).toBeUndefined()
    expect((await apigw.listApiKeyProducts(key.apiKeyId)).total).toBe(0)
    expect(gw.requests.every((r) => r.signatureValid)).toBe(true)
  })

  test.each(operationIds)("%s: the spec's example request succeeds against a fake holding the examples", async (operation) => {
    await restart(exampleWorld())
    const answer = await calls[operation](client())
    expect(answer === undefined).toBe(operations[operation].response === undefined)
    expect(requestsFor(operation).map((r) => r.status)).toEqual([operations[operation].success])
  })

  test('every operation of the table was exercised above', () => {
    // What the fake received during this file's tests, by operation: each one at least once.
    expect(operationIds.filter((id) => !exercised.has(id))).toEqual([])
  })

  test('createApiKey is answered 201, and the key is unwrapped', async () => {
    const key = await client().createApiKey({ apiKeyName: 'made' })
    expect(requestsFor('createApiKey').map((r) => r.status)).toEqual([201])
    expect(key.apiKeyName).toBe('made')
  })

  test('the list query is sent in the spec order, percent-encoded, and its signature verifies', async () => {
    gw.seedKey({ apiKeyName: 'a b' })
    gw.seedKey({ apiKeyName: 'other' })
    const page = await client().listApiKeys({ apiKeyName: 'a b', limit: 20, offset: 0 })
    expect(page.total).toBe(1)
    const [request] = requestsFor('listApiKeys')
    expect(request).toMatchObject({ path: '/api/v1/api-keys?offset=0&limit=20&apiKeyName=a%20b', signatureValid: true })
  })

  test('paginateApiKeys walks 25 keys 10 at a time', async () => {
    const seeded = Array.from({ length: 25 }, (_, i) => gw.seedKey({ apiKeyName: `walk-${i}` }).apiKeyId)
    const walked = []
    for await (const key of client().paginateApiKeys({ pageSize: 10, apiKeyName: 'walk-' })) walked.push(key.apiKeyId)
    expect(walked.sort()).toEqual(seeded.sort())
    expect(requestsFor('listApiKeys').map((r) => r.path)).toEqual([
      '/api/v1/api-keys?offset=0&limit=10&apiKeyName=walk-',
      '/api/v1/api-keys?offset=10&limit=10&apiKeyName=walk-',
      '/api/v1/api-keys?offset=20&limit=10&apiKeyName=walk-',
    ])
  })

  test('deleteApiKey of a key that is not there: NcpApiError 404, naming the key ID', async () => {
    const error = await client().deleteApiKey('no-such-key').catch((e: unknown) => e)
    expect(error).toMatchObject({ name: 'NcpApiError', status: 404, errorCode: '300', operation: 'deleteApiKey' })
    expect((error as Error).message).toContain('Check the API key ID')
  })

  test('deleteApiKey whose first attempt times out but is carried out: the 404 that the retry gets is success', async () => {
    const key = gw.seedKey()
    // The fake carries the first request out, then never sends its answer; once it has, the
    // client's first attempt times out and the retry finds the key gone.
    let carriedOut!: () => void
    const deleted = new Promise<void>((resolve) => (carriedOut = resolve))
    gw.injectFault({
      kind: 'transform',
      operationId: 'deleteApiKey',
      transform: () => {
        carriedOut()
        return new Promise<never>(() => {})
      },
    })
    const call = client().deleteApiKey(key.apiKeyId)
    await deleted
    expect(gw.keys.has(key.apiKeyId)).toBe(false)
    expect(attemptTimer.expire()).toBe(1)
    await expect(call).resolves.toBeUndefined()
    // The first was carried out, but its answer never came: no status recorded.
    expect(requestsFor('deleteApiKey').map((r) => r.status)).toEqual([undefined, 404])
  })

  test('the raw client gets the documented shapes from the server, every operation', async () => {
    const raw = createRawClient(client())
    const { data: created, response } = await raw.POST('/api-keys', { body: { apiKeyName: 'raw' } })
    expect(response.status).toBe(201)
    const id = created!.apiKey.apiKeyId
    const path = { 'api-key-id': id }
    const { data: got } = await raw.GET('/api-keys/{api-key-id}', { params: { path } })
    expect(got).toEqual(created!.apiKey)
    const { data: updated } = await raw.PUT('/api-keys/{api-key-id}', { params: { path }, body: { apiKeyName: 'raw-2', isEnabled: true } })
    expect(updated!.apiKey.apiKeyName).toBe('raw-2')
    const { data: regenerated } = await raw.PATCH('/api-keys/{api-key-id}', { params: { path }, body: { keyType: 'PRIMARY' } })
    expect(regenerated!.apiKey.primaryKey).not.toBe(created!.apiKey.primaryKey)
    const { data: page } = await raw.GET('/api-keys', { params: { query: { limit: 5 } } })
    expect(page!.total).toBe(1)
    const deleted = await raw.DELETE('/api-keys/{api-key-id}', { params: { path } })
    expect(deleted.response.status).toBe(204)
    const { error } = await raw.GET('/api-keys/{api-key-id}', { params: { path } })
    expect(error).toMatchObject({ error: { errorCode: '300' } })
    expect(gw.requests.every((r) => r.signatureValid)).toBe(true)
  })

  test('the raw client is retried by the table: a GET through a 503, a POST not', async () => {
    const raw = createRawClient(client())
    gw.injectFault({ kind: 'status', status: 503, operationId: 'listApiKeys' })
    expect((await raw.GET('/api-keys', {})).response.status).toBe(200)
    gw.injectFault({ kind: 'status', status: 503, operationId: 'createApiKey' })
    expect((await raw.POST('/api-keys', { body: { apiKeyName: 'once' } })).response.status).toBe(503)
    expect(requestsFor('listApiKeys').map((r) => r.status)).toEqual([503, 200])
    expect(requestsFor('createApiKey').map((r) => r.status)).toEqual([503])
  })

  test('the User-Agent names the package, its version and Node, plus the userAgent option', async () => {
    await client({ userAgent: 'e2e/1.0' }).listApiKeys()
    expect(gw.requests[0]!.headers['user-agent']).toBe(`ncloud-apigw-client/${version} node/${process.versions.node} e2e/1.0`)
  })

  test('a wrong secret key is NcpApiError 401 with errorCode "200"', async () => {
    const apigw = client({ credentials: { accessKey: TEST_CREDENTIALS.accessKey, secretKey: 'not-the-secret-key-0000000000000000000000' } })
    const error = await apigw.getApiKey('anything').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(NcpApiError)
    expect(error).toMatchObject({ status: 401, errorCode: '200', errorMessage: 'Authentication Failed', operation: 'getApiKey', retryable: false })
    expect((error as NcpApiError).traceId).toBe(gw.requests[0]!.traceId)
    expect(gw.requests).toHaveLength(1)
  })

  test('an unknown id is NcpApiError 404 with errorCode "300"', async () => {
    await expect(client().getApiKey('no-such-key')).rejects.toMatchObject({ name: 'NcpApiError', status: 404, errorCode: '300' })
  })

  test.each(['a/b', 'a?b=c', 'a#b', '100%', '%41', 'with space', '키-😀', "!'()*", '...', 'x'.repeat(300)])(
    'the id %j arrives as one path segment with a valid signature',
    async (id) => {
      const seeded = gw.seedKey({ apiKeyId: id })
      const apigw = client()
      expect(await apigw.getApiKey(id)).toEqual(seeded)
      expect((await apigw.updateApiKey(id, { apiKeyName: 'renamed', isEnabled: true })).apiKeyName).toBe('renamed')
      await apigw.deleteApiKey(id)
      expect(gw.requests.map((r) => [r.pathParams['api-key-id'], r.signatureValid, r.status])).toEqual([
        [id, true, 200],
        [id, true, 200],
        [id, true, 204],
      ])
    },
  )

  test.each(['.', '..', ''])('the id %j is refused before anything is sent', async (id) => {
    await expect(client().getApiKey(id)).rejects.toBeInstanceOf(NcpValidationError)
    await expect(client().deleteApiKey(id)).rejects.toBeInstanceOf(NcpValidationError)
    expect(gw.requests).toHaveLength(0)
  })

  test('bad input is refused before anything is sent, naming field and limit', async () => {
    const apigw = client()
    const { apiKeyName } = operations.createApiKey.body.properties
    const { offset, limit } = operations.listApiKeys.query
    const tooLong = apiKeyName.maxLength + 1
    await expect(apigw.createApiKey({ apiKeyName: 'x'.repeat(tooLong) })).rejects.toMatchObject({ field: 'apiKeyName', length: tooLong })
    await expect(apigw.updateApiKey('k', { apiKeyName: 'ci-bot', isEnabled: 'no' as never })).rejects.toMatchObject({ field: 'isEnabled' })
    await expect(apigw.regenerateApiKey('k', 'TERTIARY' as never)).rejects.toMatchObject({ field: 'keyType' })
    await expect(apigw.listApiKeys({ limit: limit.minimum - 1 })).rejects.toMatchObject({ field: 'limit' })
    await expect(apigw.listApiKeys({ offset: offset.minimum - 1 })).rejects.toMatchObject({ field: 'offset' })
    expect(gw.requests).toHaveLength(0)
  })

  test('a server clock 10 minutes ahead is learned from its Date header, once', async () => {
    gw.setClockOffset(10 * 60_000)
    const key = gw.seedKey()
    const apigw = client()
    expect(await apigw.getApiKey(key.apiKeyId)).toEqual(key)
    expect(gw.requests.map((r) => r.status)).toEqual([401, 200])
    await apigw.createApiKey({ apiKeyName: 'after-skew' })
    expect(gw.requests.map((r) => r.status)).toEqual([401, 200, 201])
  })

  test('a server clock 10 minutes behind is corrected for createApiKey too, creating one key', async () => {
    gw.setClockOffset(-10 * 60_000)
    await client().createApiKey({ apiKeyName: 'skewed' })
    expect(requestsFor('createApiKey').map((r) => r.status)).toEqual([401, 201])
    expect(gw.keys.size).toBe(1)
  })

  test("the caller's signal cancels a hanging call", async () => {
    gw.injectFault({ kind: 'hang' })
    const controller = new AbortController()
    const call = client().getApiKey('k', { signal: controller.signal })
    await gw.waitForRequests(1)
    controller.abort(new Error('cancelled by the caller'))
    await expect(call).rejects.toMatchObject({ name: 'NcpAbortError', operation: 'getApiKey', attempts: 1, cause: { message: 'cancelled by the caller' } })
    expect(gw.requests).toHaveLength(1)
  })

  test('a per-call timeoutMs bounds a hanging call: each attempt armed with it, instead of the client’s', async () => {
    gw.injectFault({ kind: 'hang', times: Infinity })
    const call = client({ timeoutMs: 60_000 }).listApiKeys({}, { timeoutMs: 1000, maxAttempts: 2 })
    for (const n of [1, 2]) {
      await gw.waitForRequests(n)
      expect(attemptTimer.expire()).toBe(1)
    }
    await expect(call).rejects.toMatchObject({ name: 'NcpTimeoutError', timeoutMs: 1000, attempts: 2 })
    expect(attemptTimer.armed).toEqual([1000, 1000])
    expect(requestsFor('listApiKeys')).toHaveLength(2)
  })

  test("the real timer ends an attempt the server holds, aborting Node's fetch", async () => {
    gw.injectFault({ kind: 'hang', times: Infinity })
    // Node's setTimeout, armed once the fake holds the request, so how long the request takes to
    // arrive cannot change what is tested: a hanging fetch that only the timer can end.
    const afterArrival: AttemptTimer = (ms, expire) => {
      let disarm: (() => void) | undefined
      let done = false
      void gw.waitForRequests(1).then(
        () => void (done || (disarm = realTimer(ms, expire))),
        () => {},
      )
      return () => {
        done = true
        disarm?.()
      }
    }
    const apigw = nodeClient({ baseUrl: gw.url, credentials: TEST_CREDENTIALS, timeoutMs: 20, maxAttempts: 1 }, afterArrival)
    const error = await apigw.getApiKey('k').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(NcpTimeoutError)
    expect(error).toMatchObject({ timeoutMs: 20, attempts: 1, message: 'getApiKey attempt 1 timed out after 20 ms; raise timeoutMs if the network is slow.' })
    expect(gw.requests.map((r) => [r.operationId, r.fault, r.status])).toEqual([['getApiKey', 'hang', undefined]])
  })

  test('createApiKeyClient times attempts with the real timer', async () => {
    gw.injectFault({ kind: 'hang', times: Infinity })
    // Whether the request reaches the fake within 1 ms or not, the attempt ends by timing out.
    const apigw = createApiKeyClient({ baseUrl: gw.url, credentials: TEST_CREDENTIALS, timeoutMs: 1, maxAttempts: 1 })
    await expect(apigw.getApiKey('k')).rejects.toMatchObject({ name: 'NcpTimeoutError', timeoutMs: 1, attempts: 1 })
    expect(gw.requests.length).toBeLessThanOrEqual(1)
  })

  test('no error of any kind, nor a log line, nor the client, shows a secret, a signature or a key value', async () => {
    const lines: unknown[] = []
    const logger = { debug: (message: string, meta: Record<string, unknown>) => void lines.push([message, meta]) }
    const apigw = client({ logger, maxAttempts: 1 })
    const wrongSecret = 'wrong-secret-key-that-must-stay-hidden-00'
    const key = await apigw.createApiKey({ apiKeyName: 'secret-test' })
    const errors: unknown[] = []
    const collect = (p: Promise<unknown>) => p.then(() => {}, (e: unknown) => void errors.push(e))

    await collect(client({ logger, credentials: { accessKey: TEST_CREDENTIALS.accessKey, secretKey: wrongSecret } }).getApiKey(key.apiKeyId))
    await collect(apigw.getApiKey('missing'))
    gw.injectFault({ kind: 'drop' })
    await collect(apigw.getApiKey(key.apiKeyId))
    gw.injectFault({ kind: 'hang' })
    const hanging = collect(apigw.getApiKey(key.apiKeyId))
    await gw.waitForRequests(1, (r) => r.fault === 'hang')
    attemptTimer.expire()
    await hanging
    gw.injectFault({ kind: 'malformed', body: 'truncated-json' })
    await collect(apigw.regenerateApiKey(key.apiKeyId, 'PRIMARY'))
    gw.injectFault({ kind: 'malformed', body: 'html' })
    await collect(apigw.getApiKey(key.apiKeyId))
    gw.injectFault({ kind: 'transform', transform: (response) => void (response.body.apiKey.isEnabled = 'yes') })
    await collect(apigw.updateApiKey(key.apiKeyId, { apiKeyName: 'ci-bot', isEnabled: true }))
    gw.injectFault({ kind: 'transform', transform: (response) => ({ ...response, status: 500 }) })
    await collect(apigw.getApiKey(key.apiKeyId))
    await collect(apigw.createApiKey({ apiKeyName: '' }))
    await collect(client({ credentials: async () => ({ accessKey: 'a', secretKey: '' }) }).getApiKey(key.apiKeyId))

    expect(errors.map((e) => (e as Error).constructor)).toEqual([
      NcpApiError,
      NcpApiError,
      NcpNetworkError,
      NcpTimeoutError,
      NcpApiError,
      NcpApiError,
      NcpApiError,
      NcpApiError,
      NcpValidationError,
      NcpCredentialsError,
    ])
    const secrets = [
      TEST_CREDENTIALS.secretKey,
      wrongSecret,
      ...[...gw.keys.values()].flatMap((k) => [k.primaryKey, k.secondaryKey]),
      key.primaryKey,
      key.secondaryKey,
      ...gw.requests.map((r) => r.headers['x-ncp-apigw-signature-v2']).filter((s): s is string => Boolean(s)),
    ]
    expect(secrets.length).toBeGreaterThan(8)
    for (const value of [...errors, lines, apigw]) {
      for (const text of [JSON.stringify(value), inspect(value, { depth: 20, showHidden: true }), String(value)]) {
        for (const secret of secrets) expect(text).not.toContain(secret)
      }
    }
  })
})

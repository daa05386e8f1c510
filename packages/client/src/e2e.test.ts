// End to end against @ncloud-apigw/testing's fake API Gateway: a real HTTP server on loopback
// that verifies signature v2 on its own (node:crypto), keeps keys and speaks NCP's errors.
// Faults (resets, hangs, 429s, 503s, malformed and huge answers) are in faults.test.ts.
import { inspect } from 'node:util'
import { type FakeApiGateway, startFakeApiGateway, TEST_CREDENTIALS } from '@ncloud-apigw/testing'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { NcpApiError, NcpCredentialsError, NcpNetworkError, NcpTimeoutError, NcpValidationError } from './errors.js'
import { type ApiKeyClientOptions, createApiKeyClient } from './node.js'

let gw: FakeApiGateway

beforeEach(async () => {
  gw = await startFakeApiGateway()
})

afterEach(async () => {
  await gw.close()
})

// Zero jitter keeps backoff waits at 0 ms; everything else is the real thing.
function client(options: ApiKeyClientOptions = {}) {
  return createApiKeyClient({ baseUrl: gw.url, credentials: TEST_CREDENTIALS, random: () => 0, ...options })
}

const requestsFor = (operationId: string) => gw.requests.filter((r) => r.operationId === operationId)

describe('end to end against the fake API Gateway', () => {
  test('create, get, update and regenerate change the server as they say, all signed', async () => {
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
    expect(await apigw.getApiKey(created.apiKeyId)).toEqual(regenerated)

    expect(gw.requests.map((r) => [r.method, r.operationId, r.status, r.signatureValid])).toEqual([
      ['POST', 'createApiKey', 200, true],
      ['GET', 'getApiKey', 200, true],
      ['PUT', 'updateApiKey', 200, true],
      ['PATCH', 'regenerateApiKey', 200, true],
      ['GET', 'getApiKey', 200, true],
    ])
  })

  test('the raw client gets the documented shapes from the server', async () => {
    const apigw = client()
    const { data } = await apigw.raw.POST('/api-keys', { body: { apiKeyName: 'raw' } })
    const id = data!.apiKey.apiKeyId
    const { data: got } = await apigw.raw.GET('/api-keys/{api-key-id}', { params: { path: { 'api-key-id': id } } })
    expect(got).toEqual(data!.apiKey)
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
      expect(gw.requests.map((r) => [r.apiKeyId, r.signatureValid, r.status])).toEqual([
        [id, true, 200],
        [id, true, 200],
      ])
    },
  )

  test.each(['.', '..', ''])('the id %j is refused before anything is sent', async (id) => {
    await expect(client().getApiKey(id)).rejects.toBeInstanceOf(NcpValidationError)
    expect(gw.requests).toHaveLength(0)
  })

  test('bad input is refused before anything is sent, naming field and limit', async () => {
    const apigw = client()
    await expect(apigw.createApiKey({ apiKeyName: 'x'.repeat(21) })).rejects.toMatchObject({ field: 'apiKeyName', length: 21 })
    await expect(apigw.updateApiKey('k', { apiKeyName: 'n', isEnabled: 'no' as never })).rejects.toMatchObject({ field: 'isEnabled' })
    await expect(apigw.regenerateApiKey('k', 'TERTIARY' as never)).rejects.toMatchObject({ field: 'keyType' })
    expect(gw.requests).toHaveLength(0)
  })

  test("a server clock 10 minutes ahead is learned from its Date header, once", async () => {
    gw.setClockOffset(10 * 60_000)
    const key = gw.seedKey()
    const apigw = client()
    expect(await apigw.getApiKey(key.apiKeyId)).toEqual(key)
    expect(gw.requests.map((r) => r.status)).toEqual([401, 200])
    await apigw.createApiKey({ apiKeyName: 'after-skew' })
    expect(gw.requests.map((r) => r.status)).toEqual([401, 200, 200])
  })

  test('a server clock 10 minutes behind is corrected for createApiKey too, creating one key', async () => {
    gw.setClockOffset(-10 * 60_000)
    await client().createApiKey({ apiKeyName: 'skewed' })
    expect(requestsFor('createApiKey').map((r) => r.status)).toEqual([401, 200])
    expect(gw.keys.size).toBe(1)
  })

  test("the caller's signal cancels a hanging call", async () => {
    gw.injectFault({ kind: 'hang' })
    const controller = new AbortController()
    const call = client().getApiKey('k', { signal: controller.signal })
    setTimeout(() => controller.abort(new Error('cancelled by the caller')), 100)
    await expect(call).rejects.toThrow('cancelled by the caller')
  })

  test('no error of any kind, nor a log line, nor the client, shows a secret, a signature or a key value', async () => {
    const lines: unknown[] = []
    const logger = { debug: (message: string, meta: Record<string, unknown>) => void lines.push([message, meta]) }
    const apigw = client({ logger, maxAttempts: 1, timeoutMs: 200 })
    const wrongSecret = 'wrong-secret-key-that-must-stay-hidden-00'
    const key = await apigw.createApiKey({ apiKeyName: 'secret-test' })
    const errors: unknown[] = []
    const collect = (p: Promise<unknown>) => p.then(() => {}, (e: unknown) => void errors.push(e))

    await collect(client({ logger, credentials: { accessKey: TEST_CREDENTIALS.accessKey, secretKey: wrongSecret } }).getApiKey(key.apiKeyId))
    await collect(apigw.getApiKey('missing'))
    gw.injectFault({ kind: 'drop' })
    await collect(apigw.getApiKey(key.apiKeyId))
    gw.injectFault({ kind: 'hang' })
    await collect(apigw.getApiKey(key.apiKeyId))
    gw.injectFault({ kind: 'malformed', body: 'truncated-json' })
    await collect(apigw.regenerateApiKey(key.apiKeyId, 'PRIMARY'))
    gw.injectFault({ kind: 'malformed', body: 'html' })
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

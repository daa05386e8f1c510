import { inspect } from 'node:util'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { exampleCall, operations, withPathParams } from '../test/example-requests.js'
import { ncpFetch } from '../test/ncp-fetch.js'
import { exampleWorld, startFakeApiGateway, TEST_CREDENTIALS, type FakeApiGateway } from './index.js'

let gw: FakeApiGateway
let clock: number
const call = (method: string, path: string, body?: unknown) =>
  ncpFetch(gw.url, TEST_CREDENTIALS, method, path, body === undefined ? { timestamp: String(clock) } : { body, timestamp: String(clock) })

beforeEach(async () => {
  clock = Date.UTC(2024, 4, 7, 7, 8, 12)
  gw = await startFakeApiGateway({ now: () => clock })
})
afterEach(async () => {
  await gw.close()
})

const iso = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/

async function create(body: unknown = { apiKeyName: 'ci-bot', apiKeyDescription: 'deploys' }) {
  const res = await call('POST', '/api-keys', body)
  expect(res.status).toBe(operations.createApiKey.success)
  return ((await res.json()) as { apiKey: Record<string, unknown> }).apiKey
}

describe('the operations on a key\'s own life, statefully', () => {
  test('create answers 201 with a new key wrapped in apiKey, in the documented shape', async () => {
    const res = await call('POST', '/api-keys', { apiKeyName: 'ci-bot', apiKeyDescription: 'deploys' })
    expect(res.status).toBe(201)
    expect(res.headers.get('content-type')).toMatch(/^application\/json/)
    const body = (await res.json()) as { apiKey: Record<string, unknown> }
    expect(Object.keys(body)).toEqual(['apiKey'])
    expect(body.apiKey).toEqual({
      apiKeyId: expect.stringMatching(/^[a-z0-9]{10}$/),
      tenantId: expect.stringMatching(/^[0-9a-f]{32}$/),
      apiKeyName: 'ci-bot',
      apiKeyDescription: 'deploys',
      primaryKey: expect.stringMatching(/^[A-Za-z0-9]{40}$/),
      secondaryKey: expect.stringMatching(/^[A-Za-z0-9]{40}$/),
      modifier: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/),
      isEnabled: true,
      modTime: new Date(clock).toISOString(),
      domainCode: 'PUB',
    })
    expect(body.apiKey.primaryKey).not.toBe(body.apiKey.secondaryKey)
    expect(gw.keys.get(body.apiKey.apiKeyId as string)).toEqual(body.apiKey)
  })

  test('create without a description stores none', async () => {
    const key = await create({ apiKeyName: 'bare' })
    expect(key).not.toHaveProperty('apiKeyDescription')
  })

  test('each create makes a new key with its own id and values', async () => {
    const keys = await Promise.all(Array.from({ length: 20 }, () => create()))
    expect(new Set(keys.map((k) => k.apiKeyId)).size).toBe(20)
    expect(new Set(keys.flatMap((k) => [k.primaryKey, k.secondaryKey])).size).toBe(40)
    expect(new Set(keys.map((k) => k.tenantId)).size).toBe(1)
    expect(gw.keys.size).toBe(20)
  })

  test('get answers the stored key at the top level, not wrapped', async () => {
    const key = await create()
    const res = await call('GET', `/api-keys/${key.apiKeyId as string}`)
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual(key)
  })

  test('update replaces name, description and state, moves modTime, and keeps the values', async () => {
    const key = await create()
    clock += 60_000
    const res = await call('PUT', `/api-keys/${key.apiKeyId as string}`, { apiKeyName: 'renamed', isEnabled: false })
    expect(res.status).toBe(200)
    const { apiKey } = (await res.json()) as { apiKey: Record<string, unknown> }
    expect(apiKey).toEqual({
      ...key,
      apiKeyName: 'renamed',
      apiKeyDescription: undefined,
      isEnabled: false,
      modTime: new Date(clock).toISOString(),
    })
    expect(apiKey).not.toHaveProperty('apiKeyDescription')
    const again = await call('GET', `/api-keys/${key.apiKeyId as string}`)
    expect(await again.json()).toEqual(apiKey)
  })

  test('update with a description sets it', async () => {
    const key = await create({ apiKeyName: 'ci-bot' })
    const res = await call('PUT', `/api-keys/${key.apiKeyId as string}`, { apiKeyName: 'ci-bot', isEnabled: true, apiKeyDescription: 'now described' })
    expect(((await res.json()) as { apiKey: { apiKeyDescription: string } }).apiKey.apiKeyDescription).toBe('now described')
  })

  test.each(['PRIMARY', 'SECONDARY'] as const)('regenerate %s replaces only that value', async (keyType) => {
    const key = await create()
    clock += 1_000
    const res = await call('PATCH', `/api-keys/${key.apiKeyId as string}`, { keyType })
    expect(res.status).toBe(200)
    const { apiKey } = (await res.json()) as { apiKey: Record<string, unknown> }
    const [changed, kept] = keyType === 'PRIMARY' ? ['primaryKey', 'secondaryKey'] : ['secondaryKey', 'primaryKey']
    expect(apiKey[changed]).toMatch(/^[A-Za-z0-9]{40}$/)
    expect(apiKey[changed]).not.toBe(key[changed])
    expect(apiKey[kept]).toBe(key[kept])
    expect(apiKey).toEqual({ ...key, [changed]: apiKey[changed], modTime: new Date(clock).toISOString() })
  })

  test('modTime changes on every change, even within one millisecond', async () => {
    const key = await create()
    const times = [key.modTime as string]
    for (const body of [{ keyType: 'PRIMARY' }, { keyType: 'SECONDARY' }]) {
      const res = await call('PATCH', `/api-keys/${key.apiKeyId as string}`, body)
      times.push(((await res.json()) as { apiKey: { modTime: string } }).apiKey.modTime)
    }
    expect(times.every((t) => iso.test(t))).toBe(true)
    expect(new Set(times).size).toBe(3)
    expect(times.map(Date.parse)).toEqual([...times.map(Date.parse)].sort((a, b) => a - b))
  })

  test('modTime follows the server clock, offset included', async () => {
    gw.setClockOffset(-120_000)
    const key = await create()
    expect(key.modTime).toBe(new Date(clock - 120_000).toISOString())
  })

  test('the modifier is the same user for the same access key and another one for another key', async () => {
    await gw.close()
    const other = { accessKey: 'NCPFAKEACCESSKEY0002', secretKey: 'another-fake-secret' }
    gw = await startFakeApiGateway({ now: () => clock, credentials: [TEST_CREDENTIALS, other] })
    const first = await create()
    const second = await create()
    const res = await ncpFetch(gw.url, other, 'PUT', `/api-keys/${first.apiKeyId as string}`, {
      body: { apiKeyName: 'ci-bot', isEnabled: true },
      timestamp: String(clock),
    })
    const updated = ((await res.json()) as { apiKey: Record<string, unknown> }).apiKey
    expect(second.modifier).toBe(first.modifier)
    expect(updated.modifier).not.toBe(first.modifier)
  })
})

describe('delete', () => {
  test('removes the key and answers 204 with no body', async () => {
    const key = await create()
    const other = await create({ apiKeyName: 'stays' })
    const res = await call('DELETE', `/api-keys/${key.apiKeyId as string}`)
    expect(res.status).toBe(204)
    expect(res.headers.get('content-length')).toBeNull()
    expect(await res.text()).toBe('')
    expect(gw.keys.has(key.apiKeyId as string)).toBe(false)
    expect([...gw.keys.keys()]).toEqual([other.apiKeyId])
    expect(gw.requests.at(-1)).toMatchObject({ operationId: 'deleteApiKey', status: 204 })
  })

  test('after delete, every operation naming the key answers 404 with errorCode 300, naming api-key-id', async () => {
    // Every product and stage the examples name exists, so the key is the one thing missing.
    await gw.close()
    gw = await startFakeApiGateway({ ...exampleWorld(), now: () => clock })
    const key = await create()
    expect((await call('DELETE', `/api-keys/${key.apiKeyId as string}`)).status).toBe(204)
    for (const id of withPathParams.filter((op) => Object.hasOwn(operations[op].pathParams, 'api-key-id'))) {
      const { method, path, body } = exampleCall(id, { pathParams: { 'api-key-id': key.apiKeyId as string } })
      const res = await call(method, path, body)
      expect(res.status, id).toBe(404)
      expect(await res.json()).toEqual({
        error: { errorCode: '300', message: 'Not Found Exception', details: `no API key with api-key-id ${JSON.stringify(key.apiKeyId)}` },
      })
    }
    expect(gw.keys.has(key.apiKeyId as string)).toBe(false)
  })
})

describe('state seen from a test', () => {
  test('seedKey stores a key that the API then serves, filling in what is left out', async () => {
    const seeded = gw.seedKey({ apiKeyId: 'seeded0001', apiKeyName: 'from-a-test', isEnabled: false })
    expect(seeded).toMatchObject({ apiKeyId: 'seeded0001', apiKeyName: 'from-a-test', isEnabled: false, domainCode: 'PUB' })
    expect(seeded.modTime).toBe(new Date(clock).toISOString())
    const res = await call('GET', '/api-keys/seeded0001')
    expect(await res.json()).toEqual(seeded)
  })

  test('seedKey refuses an id that exists, naming it', () => {
    gw.seedKey({ apiKeyId: 'dup' })
    expect(() => gw.seedKey({ apiKeyId: 'dup' })).toThrow(/apiKeyId "dup" already exists/)
  })

  test('keys is read-only and holds frozen snapshots', async () => {
    const key = await create()
    const id = key.apiKeyId as string
    const before = gw.keys.get(id)
    expect(Object.isFrozen(before)).toBe(true)
    expect('set' in gw.keys).toBe(false)
    expect('delete' in gw.keys).toBe(false)
    await call('PUT', `/api-keys/${id}`, { apiKeyName: 'changed', isEnabled: true })
    expect(before?.apiKeyName).toBe('ci-bot')
    expect(gw.keys.get(id)?.apiKeyName).toBe('changed')
    expect([...gw.keys.keys()]).toEqual([id])
  })

  test('requests records each request in order, with what was answered', async () => {
    const key = await create()
    await call('GET', `/api-keys/${key.apiKeyId as string}`)
    await call('GET', '/api-keys/missing')
    expect(gw.requests.map((r) => [r.method, r.operationId, r.pathParams, r.status, r.signatureValid])).toEqual([
      ['POST', 'createApiKey', {}, 201, true],
      ['GET', 'getApiKey', { 'api-key-id': key.apiKeyId }, 200, true],
      ['GET', 'getApiKey', { 'api-key-id': 'missing' }, 404, true],
    ])
    const [first] = gw.requests
    expect(first?.body).toEqual({ apiKeyName: 'ci-bot', apiKeyDescription: 'deploys' })
    expect(first?.rawBody).toBe(JSON.stringify({ apiKeyName: 'ci-bot', apiKeyDescription: 'deploys' }))
    expect(first?.receivedAt).toBe(clock)
    expect(first?.traceId).toMatch(/^[0-9a-f]{32}$/)
  })

  test('every response carries a fresh x-ncp-trace-id, recorded with the request', async () => {
    const a = await call('GET', '/api-keys/missing')
    const b = await call('GET', '/api-keys/missing')
    const ids = [a.headers.get('x-ncp-trace-id'), b.headers.get('x-ncp-trace-id')]
    expect(ids[0]).toMatch(/^[0-9a-f]{32}$/)
    expect(ids[0]).not.toBe(ids[1])
    expect(gw.requests.map((r) => r.traceId)).toEqual(ids)
  })

  test('the signature header is recorded but never shown by inspect or JSON', async () => {
    await call('GET', '/api-keys/missing')
    const [request] = gw.requests
    const sent = request?.headers['x-ncp-apigw-signature-v2']
    expect(sent).toMatch(/^[A-Za-z0-9+/]{43}=$/)
    expect(inspect(gw.requests, { depth: 10 })).not.toContain(sent)
    expect(JSON.stringify(gw.requests)).not.toContain(sent)
    expect(inspect(gw, { depth: 10 })).not.toContain(TEST_CREDENTIALS.secretKey)
    expect(inspect(gw)).toContain(gw.url)
  })
})

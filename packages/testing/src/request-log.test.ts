import { afterEach, describe, expect, test } from 'vitest'
import { heldSleep } from '../test/held-sleep.js'
import { ncpFetch } from '../test/ncp-fetch.js'
import { pipelinedGets } from '../test/raw-exchange.js'
import { startFakeApiGateway, TEST_CREDENTIALS, type FakeApiGateway, type FakeApiGatewayOptions } from './index.js'
import { recordBytes } from './server/record.js'

let gw: FakeApiGateway | undefined
afterEach(async () => {
  await gw?.close()
  gw = undefined
})

async function start(options: FakeApiGatewayOptions = {}): Promise<FakeApiGateway> {
  gw = await startFakeApiGateway(options)
  return gw
}

/** The ids `k0` … `k<count - 1>`. */
const ids = (count: number, from = 0) => Array.from({ length: count }, (_, i) => `k${from + i}`)

/** Signed GETs of `/api-keys/<id>` (each a 404), in order, over one pipelined connection. */
async function gets(fake: FakeApiGateway, keyIds: readonly string[]): Promise<void> {
  expect(await pipelinedGets(fake.url, TEST_CREDENTIALS, keyIds.map((id) => `/api-keys/${id}`))).toBe(keyIds.length)
}

const MiB = 1024 * 1024

describe('the request log is a ring', () => {
  test('it keeps the most recent maxRecordedRequests, oldest first', async () => {
    const fake = await start({ maxRecordedRequests: 3 })
    for (let i = 0; i < 5; i++) await (await ncpFetch(fake.url, TEST_CREDENTIALS, 'GET', `/api-keys/k${i}`)).arrayBuffer()
    expect(fake.requests.map((r) => r.pathParams['api-key-id'])).toEqual(['k2', 'k3', 'k4'])
  })

  // One more request than the default holds: the oldest goes, the 1,000 most recent stay in order.
  test('by default it keeps 1,000 requests', async () => {
    const fake = await start()
    await gets(fake, ids(1_001))
    expect(fake.requests.map((r) => r.pathParams['api-key-id'])).toEqual(ids(1_000, 1))
    expect(fake.requests.every((r) => r.signatureValid && r.status === 404)).toBe(true)
  })

  test('Infinity keeps every request', async () => {
    const fake = await start({ maxRecordedRequests: Infinity })
    await gets(fake, ids(1_001))
    expect(fake.requests.map((r) => r.pathParams['api-key-id'])).toEqual(ids(1_001))
  })

  test('0 keeps none, and the fake still answers', async () => {
    const fake = await start({ maxRecordedRequests: 0 })
    const res = await ncpFetch(fake.url, TEST_CREDENTIALS, 'POST', '/api-keys', { body: { apiKeyName: 'ci-bot' } })
    expect(res.status).toBe(201)
    expect(fake.requests).toEqual([])
    expect(fake.keys.size).toBe(1)
  })

  test.each([-1, 1.5, Number.NaN, '10'])('a maxRecordedRequests of %j is refused when starting', async (max) => {
    await expect(startFakeApiGateway({ maxRecordedRequests: max as number })).rejects.toThrow(
      /maxRecordedRequests must be a non-negative integer or Infinity/,
    )
  })

  test('clearRequests() forgets what was recorded; later requests are recorded again', async () => {
    const fake = await start()
    await gets(fake, ids(3))
    fake.clearRequests()
    expect(fake.requests).toEqual([])
    await (await ncpFetch(fake.url, TEST_CREDENTIALS, 'GET', '/api-keys/after')).arrayBuffer()
    expect(fake.requests.map((r) => r.pathParams['api-key-id'])).toEqual(['after'])
  })

  test('requests is a snapshot of the log, whose records fill in as requests are answered', async () => {
    const delays = heldSleep()
    const fake = await start({ sleep: delays.sleep })
    fake.injectFault({ kind: 'delay', ms: 200 })
    const pending = ncpFetch(fake.url, TEST_CREDENTIALS, 'GET', '/api-keys/slow')
    await fake.waitForRequests(1)
    const snapshot = fake.requests
    expect(snapshot[0]?.status).toBeUndefined()
    await delays.release()
    await (await pending).arrayBuffer()
    await gets(fake, ids(2))
    expect(snapshot).toHaveLength(1)
    expect(snapshot[0]?.status).toBe(404)
    expect(fake.requests).toHaveLength(3)
  })
})

describe('the request log is bounded in bytes too', () => {
  /** A signed create whose body (kept whole: signed, within 1 MiB) carries `size` characters and the request's number. */
  const large = (fake: FakeApiGateway, i: number, size: number) =>
    ncpFetch(fake.url, TEST_CREDENTIALS, 'POST', '/api-keys', { body: { apiKeyName: `n${i}`, apiKeyDescription: 'y'.repeat(size) } }).then((res) => res.arrayBuffer())
  const numbers = (fake: FakeApiGateway) => fake.requests.map((r) => (r.body as { apiKeyName: string }).apiKeyName)
  const held = (fake: FakeApiGateway) => fake.requests.reduce((sum, r) => sum + recordBytes(r), 0)

  test('the oldest go once the records hold more than maxRecordedBytes: targets, headers and bodies (parsed ones twice)', async () => {
    // Each record holds about 20,500 bytes: two fit in 50,000, three do not.
    const fake = await start({ maxRecordedBytes: 50_000 })
    for (let i = 0; i < 5; i++) await large(fake, i, 10_000)
    expect(numbers(fake)).toEqual(['n3', 'n4'])
    expect(held(fake)).toBeLessThanOrEqual(50_000)
  })

  test('the newest request is kept even when it alone is over the bound', async () => {
    const fake = await start({ maxRecordedBytes: 1 })
    for (let i = 0; i < 3; i++) await large(fake, i, 100)
    expect(numbers(fake)).toEqual(['n2'])
  })

  // Twenty large signed requests, each about 2 MiB as held: by count alone the log would keep all
  // twenty (40 MiB); the default bound keeps the most recent that fit in 32 MiB.
  test('by default it holds at most 32 MiB: the most recent that fit', async () => {
    const fake = await start()
    for (let i = 0; i < 20; i++) await large(fake, i, MiB - 100)
    const kept = numbers(fake)
    expect(kept.length).toBeLessThan(20)
    expect(kept).toEqual(Array.from({ length: kept.length }, (_, j) => `n${20 - kept.length + j}`))
    expect(held(fake)).toBeLessThanOrEqual(32 * MiB)
    // The one before the oldest kept would not have fitted.
    expect(held(fake) + held(fake) / kept.length).toBeGreaterThan(32 * MiB)
  })

  test.each([-1, 1.5, Number.NaN, '10'])('a maxRecordedBytes of %j is refused when starting', async (max) => {
    await expect(startFakeApiGateway({ maxRecordedBytes: max as number })).rejects.toThrow(/^maxRecordedBytes must be a non-negative integer or Infinity, got /)
  })
})

describe('bodies of refused requests are not kept whole', () => {
  const post = (fake: FakeApiGateway, body: string | Buffer, headers: Record<string, string> = {}) =>
    fetch(`${fake.url}/api-keys`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body })

  test('an unauthenticated 1 MB body: 401, and only its first 1 KiB is recorded, marked truncated', async () => {
    const fake = await start()
    const body = `{"apiKeyName":"${'x'.repeat(1_000_000 - 17)}"}`
    const res = await post(fake, body)
    expect(res.status).toBe(401)
    await res.arrayBuffer()
    const [record] = fake.requests
    expect(record).toMatchObject({ status: 401, signatureValid: false, bodySize: 1_000_000, bodyTruncated: true, body: undefined })
    expect(record?.rawBody).toBe(body.slice(0, 1024))
  })

  test('a small unauthenticated body is kept whole', async () => {
    const fake = await start()
    await (await post(fake, '{"apiKeyName":"x"}')).arrayBuffer()
    expect(fake.requests[0]).toMatchObject({ status: 401, rawBody: '{"apiKeyName":"x"}', body: { apiKeyName: 'x' }, bodyTruncated: false, bodySize: 18 })
  })

  test('a signed body over 1 MiB: 413, and only its first 1 KiB is recorded', async () => {
    const fake = await start()
    const body = { apiKeyName: 'x', apiKeyDescription: 'y'.repeat(MiB) }
    const res = await ncpFetch(fake.url, TEST_CREDENTIALS, 'POST', '/api-keys', { body })
    expect(res.status).toBe(413)
    await res.arrayBuffer()
    const [record] = fake.requests
    expect(record).toMatchObject({ status: 413, signatureValid: true, bodySize: JSON.stringify(body).length, bodyTruncated: true, body: undefined })
    expect(record?.rawBody).toBe(JSON.stringify(body).slice(0, 1024))
  })

  test('a signed body within the limit is kept whole, even a large one', async () => {
    const fake = await start()
    const body = JSON.stringify({ apiKeyName: 'x', apiKeyDescription: 'y'.repeat(100_000) })
    const res = await ncpFetch(fake.url, TEST_CREDENTIALS, 'POST', '/api-keys', { body })
    expect(res.status).toBe(400)
    await res.arrayBuffer()
    expect(fake.requests[0]).toMatchObject({ rawBody: body, bodySize: body.length, bodyTruncated: false })
  })
})

describe('headers are recorded as sent', () => {
  test('user-agent is recorded, on signed and unsigned requests alike', async () => {
    const fake = await start()
    const userAgent = 'my-sdk/1.2.3 (node; test)'
    await (await ncpFetch(fake.url, TEST_CREDENTIALS, 'GET', '/api-keys', { headers: { 'user-agent': userAgent } })).arrayBuffer()
    await (await fetch(`${fake.url}/api-keys`, { headers: { 'user-agent': 'curl/8.0' } })).arrayBuffer()
    await (await ncpFetch(fake.url, TEST_CREDENTIALS, 'GET', '/api-keys')).arrayBuffer()
    expect(fake.requests.map((r) => [r.status, r.headers['user-agent']])).toEqual([
      [200, userAgent],
      [401, 'curl/8.0'],
      [200, 'node'],
    ])
    expect(JSON.stringify(fake.requests[0]?.headers)).toContain(userAgent)
  })
})

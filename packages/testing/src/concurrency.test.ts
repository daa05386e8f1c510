import { afterEach, beforeEach, expect, test } from 'vitest'
import { ncpFetch } from '../test/ncp-fetch.js'
import { startFakeApiGateway, TEST_CREDENTIALS, type FakeApiGateway } from './index.js'

let gw: FakeApiGateway
beforeEach(async () => {
  gw = await startFakeApiGateway()
})
afterEach(async () => {
  await gw.close()
})

// Every request of a test is in flight at once (fetch opens a connection per concurrent request
// and sends them all before the fake reads any), so the fake accepts, reads, verifies and answers
// them interleaved, and its key store makes keys between other requests' reads. That holds at any
// count well above the handful a fast machine answers before the next arrives; 400 and 2 x 200
// keep it true with a wide margin (they were 1,000: 2,000 signed fetches cost 15 to 20 s on two
// loaded cores). Bounded in count; no timing asserted.
const CONCURRENT = 400

test(`${CONCURRENT} concurrent creates and gets all succeed with unique keys`, async () => {
  const seeded = gw.seedKey()
  const calls = Array.from({ length: CONCURRENT }, (_, i) =>
    i % 2 === 0
      ? ncpFetch(gw.url, TEST_CREDENTIALS, 'POST', '/api-keys', { body: { apiKeyName: `key-${i}` } })
      : ncpFetch(gw.url, TEST_CREDENTIALS, 'GET', `/api-keys/${seeded.apiKeyId}`),
  )
  const responses = await Promise.all(calls)
  expect(responses.map((r) => r.status)).toEqual(Array.from({ length: CONCURRENT }, (_, i) => (i % 2 === 0 ? 201 : 200)))
  const bodies = (await Promise.all(responses.map((r) => r.json()))) as Record<string, { apiKeyId: string }>[]
  const created = bodies.filter((_, i) => i % 2 === 0).map((b) => b.apiKey?.apiKeyId)
  expect(new Set(created).size).toBe(CONCURRENT / 2)
  expect(gw.keys.size).toBe(CONCURRENT / 2 + 1)
  expect(gw.requests).toHaveLength(CONCURRENT)
})

test('concurrent calls while the clock skew changes: each is judged by one clock', async () => {
  const HALF = 200
  const key = gw.seedKey()
  const call = () => ncpFetch(gw.url, TEST_CREDENTIALS, 'GET', `/api-keys/${key.apiKeyId}`)
  const first = Array.from({ length: HALF }, call)
  // The skew changes once half of the first calls have been judged, the rest still in flight.
  await gw.waitForRequests(HALF / 2)
  gw.setClockOffset(10 * 60 * 1000)
  const second = Array.from({ length: HALF }, call)
  const responses = await Promise.all([...first, ...second])

  const statuses = responses.map((r) => r.status)
  expect(statuses.every((s) => s === 200 || s === 401)).toBe(true)
  expect(statuses.filter((s) => s === 200).length).toBeGreaterThanOrEqual(HALF / 2)
  expect(statuses.slice(HALF).every((s) => s === 401)).toBe(true)
  expect(gw.requests).toHaveLength(2 * HALF)
  for (const request of gw.requests) {
    const skew = Math.abs(Number(request.headers['x-ncp-apigw-timestamp']) - request.receivedAt)
    expect(request.status).toBe(skew <= 5 * 60 * 1000 ? 200 : 401)
    if (request.status === 401) expect(request.authFailure).toMatch(/outside the 5-minute window/)
  }
  await Promise.all(responses.map((r) => r.text()))
})

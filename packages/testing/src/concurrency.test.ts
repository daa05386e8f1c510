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

// A thousand signed requests take a few seconds alone; with every package's tests sharing two
// cores they can take far longer, so these two tests get a limit well above that (not a timing).
async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5))
}

test('1,000 concurrent creates and gets all succeed with unique keys', async () => {
  const seeded = gw.seedKey()
  const calls = Array.from({ length: 1_000 }, (_, i) =>
    i % 2 === 0
      ? ncpFetch(gw.url, TEST_CREDENTIALS, 'POST', '/api-keys', { body: { apiKeyName: `key-${i}` } })
      : ncpFetch(gw.url, TEST_CREDENTIALS, 'GET', `/api-keys/${seeded.apiKeyId}`),
  )
  const responses = await Promise.all(calls)
  expect(responses.map((r) => r.status)).toEqual(Array.from({ length: 1_000 }, (_, i) => (i % 2 === 0 ? 201 : 200)))
  const bodies = (await Promise.all(responses.map((r) => r.json()))) as Record<string, { apiKeyId: string }>[]
  const created = bodies.filter((_, i) => i % 2 === 0).map((b) => b.apiKey?.apiKeyId)
  expect(new Set(created).size).toBe(500)
  expect(gw.keys.size).toBe(501)
  expect(gw.requests).toHaveLength(1_000)
}, 120_000)

test('1,000 concurrent calls while the clock skew changes: each is judged by one clock', async () => {
  const key = gw.seedKey()
  const call = () => ncpFetch(gw.url, TEST_CREDENTIALS, 'GET', `/api-keys/${key.apiKeyId}`)
  const first = Array.from({ length: 500 }, call)
  await until(() => gw.requests.length >= 250)
  gw.setClockOffset(10 * 60 * 1000)
  const second = Array.from({ length: 500 }, call)
  const responses = await Promise.all([...first, ...second])

  const statuses = responses.map((r) => r.status)
  expect(statuses.every((s) => s === 200 || s === 401)).toBe(true)
  expect(statuses.filter((s) => s === 200).length).toBeGreaterThanOrEqual(250)
  expect(statuses.slice(500).every((s) => s === 401)).toBe(true)
  expect(gw.requests).toHaveLength(1_000)
  for (const request of gw.requests) {
    const skew = Math.abs(Number(request.headers['x-ncp-apigw-timestamp']) - request.receivedAt)
    expect(request.status).toBe(skew <= 5 * 60 * 1000 ? 200 : 401)
    if (request.status === 401) expect(request.authFailure).toMatch(/outside the 5-minute window/)
  }
  await Promise.all(responses.map((r) => r.text()))
}, 120_000)

import { afterEach, expect, test } from 'vitest'
import { ncpFetch } from '../test/ncp-fetch.js'
import { exampleWorld, type FakeApiGateway, startFakeApiGateway, TEST_CREDENTIALS } from './index.js'

let gw: FakeApiGateway | undefined
afterEach(() => gw?.close())

test('reset puts back what the options seeded, forgets faults and requests, and keeps the URL', async () => {
  const world = exampleWorld()
  gw = await startFakeApiGateway({ ...world, clockOffsetMs: 1000 })
  const { url } = gw
  const keysBefore = [...gw.keys.keys()]
  const subscriptionsBefore = gw.subscriptions.map((s) => [s.apiKeyId, s.productId, s.status])
  const [productId] = gw.products.keys()

  // Change everything: a new key, a dropped relation, a queued fault, a moved clock.
  const created = await ncpFetch(url, TEST_CREDENTIALS, 'POST', '/api-keys', { body: { apiKeyName: 'made-here' } })
  expect(created.status).toBe(201)
  const [first] = gw.subscriptions
  const dropped = await ncpFetch(url, TEST_CREDENTIALS, 'POST', `/api-keys/${encodeURIComponent(first!.apiKeyId)}/unsubscribe`, { body: { productId: first!.productId } })
  expect(dropped.status).toBe(200)
  gw.injectFault({ kind: 'status', status: 503, times: Infinity })
  gw.setClockOffset(5000)
  expect(gw.keys.size).toBe(keysBefore.length + 1)

  gw.reset()
  expect(gw.url).toBe(url)
  expect([...gw.keys.keys()]).toEqual(keysBefore)
  expect(gw.subscriptions.map((s) => [s.apiKeyId, s.productId, s.status])).toEqual(subscriptionsBefore)
  expect(gw.products.has(productId!)).toBe(true)
  expect(gw.requests).toEqual([])
  expect(gw.clockOffsetMs).toBe(1000)
  // No fault left: the next request is answered, by the state as it was seeded.
  const listed = await ncpFetch(url, TEST_CREDENTIALS, 'GET', '/api-keys')
  expect(listed.status).toBe(200)
  expect(((await listed.json()) as { total: number }).total).toBe(keysBefore.length)
})

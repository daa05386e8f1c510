import { afterEach, beforeEach, expect, test } from 'vitest'
import { ncpFetch } from '../test/ncp-fetch.js'
import { type FakeApiGateway, startFakeApiGateway, TEST_CREDENTIALS } from './index.js'

let gw: FakeApiGateway
beforeEach(async () => {
  gw = await startFakeApiGateway()
})
afterEach(() => gw.close())

const get = (id: string, signal?: AbortSignal) => ncpFetch(gw.url, TEST_CREDENTIALS, 'GET', `/api-keys/${id}`, signal ? { signal } : {})
const list = () => ncpFetch(gw.url, TEST_CREDENTIALS, 'GET', '/api-keys')

test('waitForRequests resolves once a hanging request has arrived, with its record, before any answer', async () => {
  const key = gw.seedKey()
  gw.injectFault({ kind: 'hang', operationId: 'getApiKey' })
  const controller = new AbortController()
  const call = get(key.apiKeyId, controller.signal)
  const [record] = await gw.waitForRequests(1, (r) => r.operationId === 'getApiKey')
  expect(record).toMatchObject({ operationId: 'getApiKey', fault: 'hang', pathParams: { 'api-key-id': key.apiKeyId }, signatureValid: true, status: undefined })
  controller.abort()
  await expect(call).rejects.toThrow()
})

test('waitForRequests counts the requests already recorded, and only those that match', async () => {
  const key = gw.seedKey()
  await get(key.apiKeyId)
  await list()
  expect((await gw.waitForRequests(1, (r) => r.operationId === 'getApiKey')).map((r) => r.operationId)).toEqual(['getApiKey'])
  const both = await gw.waitForRequests(2)
  expect(both.map((r) => r.operationId)).toEqual(['getApiKey', 'listApiKeys'])
  const third = gw.waitForRequests(3)
  await list()
  expect((await third).map((r) => r.operationId)).toEqual(['getApiKey', 'listApiKeys', 'listApiKeys'])
})

test('waitForRequests rejects when the fake closes first, and refuses a count that is not a positive integer', async () => {
  expect(() => gw.waitForRequests(0)).toThrow(/count must be a positive integer, got 0/)
  const pending = gw.waitForRequests(1)
  await gw.close()
  await expect(pending).rejects.toThrow(/closed before the requests arrived/)
  await expect(gw.waitForRequests(1)).rejects.toThrow(/^the fake API Gateway is closed$/)
})

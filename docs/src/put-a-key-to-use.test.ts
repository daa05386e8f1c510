// The "put a key to use" guide's program, run against the fake API Gateway holding a PROTECTED and
// a PUBLIC product, with two accounts: yours, and the products' publisher. The product's API is a
// stand-in on loopback that does what the guide says API Gateway does with the
// x-ncp-apigw-api-key header: it lets a call through only with the value of a key approved on the
// product, which it asks the fake about through the publisher's client.
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createApiKeyClient, type ApiKeyClient } from '@ncloud-apigw/client'
import { TEST_CREDENTIALS, type FakeApiGateway } from '@ncloud-apigw/testing'
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from 'vitest'
import { putKeyToUse, type Target } from '../samples/guides/put-a-key-to-use.js'
import { startWithProducts, type ProductSeed } from '../test/sample-products.js'

const publisherCredentials = { accessKey: 'NCPPUBLISHERACCESS01', secretKey: 'NCPPUBLISHERSECRET0000000000000000000001' }
const stage = (stageId: string, plans: string[]) => ({
  apiId: `a${stageId.slice(0, 9)}`,
  apiName: 'orders-api',
  stageId,
  stageName: stageId,
  usagePlans: plans.map((usagePlanId) => ({ usagePlanId, usagePlanName: `plan ${usagePlanId}` })),
})
const products: ProductSeed[] = [
  { productId: 'orders0001', productName: 'orders', subscriptionCode: 'PROTECTED', stages: [stage('ordersprod', ['basic00001', 'gold000001'])] },
  { productId: 'weather001', productName: 'weather', subscriptionCode: 'PUBLIC', stages: [stage('weathprod', ['free000001', 'paid000001'])] },
]

let gateway: FakeApiGateway
let you: ApiKeyClient
let publisher: ApiKeyClient
/** The stand-in for a product's API, and the key values it was sent. */
let api: Server
const sent: (string | undefined)[] = []
let apiUrl: string

beforeAll(async () => {
  gateway = await startWithProducts(products, { credentials: [TEST_CREDENTIALS, publisherCredentials] })
  you = createApiKeyClient({ baseUrl: gateway.url, credentials: TEST_CREDENTIALS })
  publisher = createApiKeyClient({ baseUrl: gateway.url, credentials: publisherCredentials })
  api = createServer(async (request, response) => {
    const value = request.headers['x-ncp-apigw-api-key']
    const apiKeyValue = typeof value === 'string' ? value : undefined
    sent.push(apiKeyValue)
    const productId = new URL(request.url ?? '/', 'http://x').pathname.split('/')[1]!
    const approved =
      apiKeyValue !== undefined &&
      (await publisher.searchProductApiKeys(productId, { apiKeyValue, statusSet: ['ACCEPTED'] })).total > 0
    response.writeHead(approved ? 200 : 401).end()
  })
  await new Promise<void>((resolve) => api.listen(0, '127.0.0.1', resolve))
  apiUrl = `http://127.0.0.1:${(api.address() as AddressInfo).port}`
})
afterAll(async () => {
  await new Promise((resolve) => api?.close(resolve))
  await gateway?.close()
})
afterEach(() => {
  sent.length = 0
})

const target = (productId: string, stageId: string, usagePlanId: string): Target => ({ productId, stageId, usagePlanId, url: `${apiUrl}/${productId}/orders` })
const statusOn = async (apiKeyId: string, productId: string) => {
  const page = await you.listApiKeyProducts(apiKeyId)
  return page.apiKeyRelateProductDtos.find((product) => product.productId === productId)?.status
}

describe('putting a key to use', () => {
  test('a PROTECTED product: subscribed, approved by the publisher, given a plan, then called with the key', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {})
    try {
      const { key, answer } = await putKeyToUse(you, publisher, target('orders0001', 'ordersprod', 'gold000001'))
      expect(answer.status).toBe(200)
      expect(sent).toEqual([key.primaryKey])
      expect(await statusOn(key.apiKeyId, 'orders0001')).toBe('ACCEPTED')
      const approvals = gateway.requests.filter((r) => r.operationId === 'updateProductApiKeyStatus')
      expect(approvals.map((r) => [r.status, r.signatureValid])).toEqual([[204, true]])
      const subscribed = await you.listApiKeySubscriptions(key.apiKeyId, { productId: 'orders0001' })
      expect(subscribed.content.map((s) => [s.stageId, s.usagePlanId])).toEqual([['ordersprod', 'gold000001']])
      // What step 5 prints: the stage and the key's plan there, and never a key value.
      expect(log.mock.calls).toEqual([['ordersprod', 'plan gold000001']])
    } finally {
      log.mockRestore()
    }
  })

  test('a PUBLIC product needs no approval: the program reads the status and asks nobody to approve', async () => {
    const before = gateway.requests.filter((r) => r.operationId === 'updateProductApiKeyStatus').length
    const log = vi.spyOn(console, 'log').mockImplementation(() => {})
    const { key, answer } = await putKeyToUse(you, publisher, target('weather001', 'weathprod', 'paid000001')).finally(() => log.mockRestore())
    expect(answer.status).toBe(200)
    expect(sent).toEqual([key.primaryKey])
    expect(await statusOn(key.apiKeyId, 'weather001')).toBe('ACCEPTED')
    expect(gateway.requests.filter((r) => r.operationId === 'updateProductApiKeyStatus').length).toBe(before)
  })

  test('the stand-in API refuses a key subscribed and not yet approved, so a 200 above proves the approval', async () => {
    const key = await you.createApiKey({ apiKeyName: 'waiting' })
    await you.subscribeApiKey(key.apiKeyId, { productId: 'orders0001' })
    expect(await statusOn(key.apiKeyId, 'orders0001')).toBe('REQUEST')
    const answer = await fetch(`${apiUrl}/orders0001/orders`, { headers: { 'x-ncp-apigw-api-key': key.primaryKey } })
    expect(answer.status).toBe(401)
  })
})

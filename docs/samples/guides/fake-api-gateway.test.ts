import { createApiKeyClient } from '@ncloud-apigw/client'
import { startFakeApiGateway, TEST_CREDENTIALS } from '@ncloud-apigw/testing'
import type { FakeApiGateway } from '@ncloud-apigw/testing'
import { afterAll, beforeAll, expect, test } from 'vitest'

let gateway: FakeApiGateway
beforeAll(async () => {
  gateway = await startFakeApiGateway() // 127.0.0.1, a free port
})
afterAll(() => gateway.close())

const client = () =>
  createApiKeyClient({ baseUrl: gateway.url, credentials: TEST_CREDENTIALS })

test('disables a key', async () => {
  const apigw = client()
  const key = await apigw.createApiKey({ apiKeyName: 'ci-bot' })
  await apigw.updateApiKey(key.apiKeyId, {
    apiKeyName: 'ci-bot',
    isEnabled: false,
  })
  expect(gateway.keys.get(key.apiKeyId)?.isEnabled).toBe(false)
})

test('finds a key by name, then deletes it', async () => {
  const apigw = client()
  const key = await apigw.createApiKey({ apiKeyName: 'old-bot' })
  const page = await apigw.listApiKeys({ apiKeyName: 'old-bot' })
  expect(page.apiKeys.map((listed) => listed.apiKeyId)).toContain(key.apiKeyId)
  await apigw.deleteApiKey(key.apiKeyId)
  expect(gateway.keys.has(key.apiKeyId)).toBe(false)
})

test('retries a GET through one 503', async () => {
  const apigw = client()
  const key = await apigw.createApiKey({ apiKeyName: 'ci-bot' })
  gateway.injectFault({ kind: 'status', status: 503, operationId: 'getApiKey' })
  await apigw.getApiKey(key.apiKeyId)
  const gets = gateway.requests.filter((r) => r.operationId === 'getApiKey')
  expect(gets.map((r) => r.status)).toEqual([503, 200])
})

test('an unknown key is a 404 NcpApiError with NCP code 300', async () => {
  await expect(client().getApiKey('no-such-key')).rejects.toMatchObject({
    name: 'NcpApiError',
    status: 404,
    errorCode: '300',
  })
})

// createApiKeyClientFor: a client of the operations named, with the same methods as
// createApiKeyClient's for those, and nothing of the others.
import { operationIds, operations } from '@ncloud-apigw/operations'
import { exampleWorld, type FakeApiGateway, startFakeApiGateway, TEST_CREDENTIALS } from '@ncloud-apigw/testing'
import { afterAll, beforeAll, expect, expectTypeOf, test } from 'vitest'
import { createApiKeyClient, createApiKeyClientFor } from './node.js'
import * as entries from './operations.js'

let gw: FakeApiGateway
beforeAll(async () => {
  gw = await startFakeApiGateway(exampleWorld())
})
afterAll(() => gw.close())

test('has a method for each operation named and a paginator for each that answers a page, and nothing else', () => {
  const apigw = createApiKeyClientFor([entries.getApiKey, entries.listApiKeys], { credentials: TEST_CREDENTIALS, baseUrl: gw.url })
  expect(Object.keys(apigw).sort()).toEqual(['getApiKey', 'listApiKeys', operations.listApiKeys.page.paginator].sort())
  expectTypeOf(apigw).toHaveProperty('getApiKey')
  expectTypeOf(apigw).toHaveProperty('paginateApiKeys')
  expectTypeOf(apigw).not.toHaveProperty('createApiKey')
})

test('every entry of @ncloud-apigw/client/operations is the table entry of its operation', () => {
  expect(Object.keys(entries).sort()).toEqual([...operationIds].sort())
  for (const id of operationIds) expect(entries[id]).toEqual(operations[id])
})

test('its methods answer as createApiKeyClient’s do', async () => {
  const [key] = gw.keys.values()
  const lean = createApiKeyClientFor([entries.getApiKey], { credentials: TEST_CREDENTIALS, baseUrl: gw.url })
  const full = createApiKeyClient({ credentials: TEST_CREDENTIALS, baseUrl: gw.url })
  expect(await lean.getApiKey(key!.apiKeyId)).toEqual(await full.getApiKey(key!.apiKeyId))
})

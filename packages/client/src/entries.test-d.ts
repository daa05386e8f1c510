import type { Client } from 'openapi-fetch'
import type { paths } from '@ncloud-apigw/types'
import { expectTypeOf, test } from 'vitest'
import type * as browserEntry from './index.js'
import type * as nodeEntry from './node.js'
import type { ApiKey, ApiKeyPage, ApiKeySubscription, ApiKeySubscriptionPage, ApiKeySummary, CallOptions, ProductApiKey } from './index.js'

test('both entries have the same API, so one declaration file serves both', () => {
  expectTypeOf<typeof nodeEntry>().toEqualTypeOf<typeof browserEntry>()
})

type ApiClient = ReturnType<typeof browserEntry.createApiKeyClient>

test('each method returns what its operation answers', () => {
  expectTypeOf<Awaited<ReturnType<ApiClient['listApiKeys']>>>().toEqualTypeOf<ApiKeyPage>()
  expectTypeOf<Awaited<ReturnType<ApiClient['createApiKey']>>>().toEqualTypeOf<ApiKey>()
  expectTypeOf<Awaited<ReturnType<ApiClient['getApiKey']>>>().toEqualTypeOf<ApiKey>()
  expectTypeOf<Awaited<ReturnType<ApiClient['updateApiKey']>>>().toEqualTypeOf<ApiKey>()
  expectTypeOf<Awaited<ReturnType<ApiClient['deleteApiKey']>>>().toEqualTypeOf<void>()
  expectTypeOf<Awaited<ReturnType<ApiClient['regenerateApiKey']>>>().toEqualTypeOf<ApiKey>()
  expectTypeOf<ReturnType<ApiClient['paginateApiKeys']>>().toEqualTypeOf<AsyncIterableIterator<ApiKeySummary>>()
})

test('the methods of the product operations take their path parameters in order, then the body or query, then options', () => {
  expectTypeOf<Parameters<ApiClient['subscribeApiKey']>>().toEqualTypeOf<[apiKeyId: string, body: { productId: string }, options?: CallOptions]>()
  expectTypeOf<Parameters<ApiClient['unsubscribeApiKey']>>().toEqualTypeOf<[apiKeyId: string, body: { productId: string }, options?: CallOptions]>()
  expectTypeOf<Parameters<ApiClient['listApiKeySubscriptions']>[1]>().toEqualTypeOf<{
    productId: string
    apiId?: string
    stageId?: string
    offset?: number
    limit?: number
  }>()
  expectTypeOf<Parameters<ApiClient['updateProductApiKeyStatus']>>().toEqualTypeOf<
    [productId: string, apiKeyId: string, body: { status: 'ACCEPTED' | 'REJECTED' }, options?: CallOptions]
  >()
  expectTypeOf<Parameters<ApiClient['updateApiKeyUsagePlan']>>().toEqualTypeOf<
    [productId: string, apiKeyId: string, stageId: string, body: { usagePlanId: string }, options?: CallOptions]
  >()
  expectTypeOf<Awaited<ReturnType<ApiClient['subscribeApiKey']>>>().toEqualTypeOf<void>()
  expectTypeOf<Awaited<ReturnType<ApiClient['listApiKeySubscriptions']>>>().toEqualTypeOf<ApiKeySubscriptionPage>()
  expectTypeOf<ReturnType<ApiClient['paginateApiKeySubscriptions']>>().toEqualTypeOf<AsyncIterableIterator<ApiKeySubscription>>()
  expectTypeOf<ReturnType<ApiClient['paginateSearchProductApiKeys']>>().toEqualTypeOf<AsyncIterableIterator<ProductApiKey>>()
})

test('createRawClient gives the typed openapi-fetch client of the whole spec', () => {
  type Raw = ReturnType<typeof browserEntry.createRawClient>
  expectTypeOf<Raw>().toEqualTypeOf<Client<paths, 'application/json'>>()
  const raw = {} as Raw
  const put = () => raw.PUT('/api-keys/{api-key-id}', { params: { path: { 'api-key-id': 'k' } }, body: { apiKeyName: 'n', isEnabled: true } })
  expectTypeOf<NonNullable<Awaited<ReturnType<typeof put>>['data']>>().toEqualTypeOf<{ apiKey: ApiKey }>()
})

test('bad input is a compile error', () => {
  const client = {} as ApiClient
  // @ts-expect-error keyType is PRIMARY or SECONDARY
  void (() => client.regenerateApiKey('k', 'TERTIARY'))
  // @ts-expect-error isEnabled is required
  void (() => client.updateApiKey('k', { apiKeyName: 'n' }))
  // @ts-expect-error apiName is not a field
  void (() => client.createApiKey({ apiKeyName: 'n', apiName: 'n' }))
  // @ts-expect-error limit is a number
  void (() => client.listApiKeys({ limit: '20' }))
  // @ts-expect-error timeout is not a call option
  void (() => client.getApiKey('k', { timeout: 5 }))
  // @ts-expect-error site is one of public, gov, fin
  void (() => browserEntry.createApiKeyClient({ site: 'mars' }))
})

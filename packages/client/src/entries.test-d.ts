import type { Client } from 'openapi-fetch'
import type { paths } from '@ncloud-apigw/types'
import { expectTypeOf, test } from 'vitest'
import type * as browserEntry from './index.js'
import type * as nodeEntry from './node.js'
import type { ApiKey, ApiKeyPage, ApiKeySummary } from './index.js'

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

test('createRawClient gives the typed openapi-fetch client of the whole spec', () => {
  type Raw = ReturnType<typeof browserEntry.createRawClient>
  expectTypeOf<Raw>().toEqualTypeOf<Client<paths, 'application/json'>>()
  type RawPut = Awaited<ReturnType<Raw['PUT']>>
  expectTypeOf<NonNullable<RawPut['data']>>().toEqualTypeOf<{ apiKey: ApiKey }>()
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

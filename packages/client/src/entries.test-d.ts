import { expectTypeOf, test } from 'vitest'
import type * as browserEntry from './index.js'
import type * as nodeEntry from './node.js'
import type { ApiKey } from './index.js'

test('both entries have the same API, so one declaration file serves both', () => {
  expectTypeOf<typeof nodeEntry>().toEqualTypeOf<typeof browserEntry>()
})

test('the four methods return ApiKey and raw keeps the documented shapes', () => {
  type Client = ReturnType<typeof browserEntry.createApiKeyClient>
  expectTypeOf<Awaited<ReturnType<Client['createApiKey']>>>().toEqualTypeOf<ApiKey>()
  expectTypeOf<Awaited<ReturnType<Client['getApiKey']>>>().toEqualTypeOf<ApiKey>()
  expectTypeOf<Awaited<ReturnType<Client['updateApiKey']>>>().toEqualTypeOf<ApiKey>()
  expectTypeOf<Awaited<ReturnType<Client['regenerateApiKey']>>>().toEqualTypeOf<ApiKey>()
  type RawPut = Awaited<ReturnType<Client['raw']['PUT']>>
  expectTypeOf<NonNullable<RawPut['data']>>().toEqualTypeOf<{ apiKey: ApiKey }>()
})

test('bad input is a compile error', () => {
  const client = {} as ReturnType<typeof browserEntry.createApiKeyClient>
  // @ts-expect-error keyType is PRIMARY or SECONDARY
  void (() => client.regenerateApiKey('k', 'TERTIARY'))
  // @ts-expect-error isEnabled is required
  void (() => client.updateApiKey('k', { apiKeyName: 'n' }))
  // @ts-expect-error apiName is not a field
  void (() => client.createApiKey({ apiKeyName: 'n', apiName: 'n' }))
  // @ts-expect-error site is one of public, gov, fin
  void (() => browserEntry.createApiKeyClient({ site: 'mars' }))
})

// Type tests: run by `vitest --typecheck` (and by `tsc` in lint). Each `@ts-expect-error`
// fails the build if the line below it stops being an error, so these prove rejections too.
import { describe, expectTypeOf, test } from 'vitest'
import type {
  ApiKey,
  ApiKeyPage,
  ApiKeyResponse,
  ApiKeySummary,
  ListApiKeysQuery,
  CreateApiKeyRequest,
  KeyType,
  NcpErrorBody,
  RegenerateApiKeyRequest,
  UpdateApiKeyRequest,
  operations,
  paths,
} from '../src/index.js'

describe('request bodies', () => {
  test('create needs apiKeyName and accepts an optional description', () => {
    expectTypeOf<CreateApiKeyRequest>().toEqualTypeOf<{
      apiKeyName: string
      apiKeyDescription?: string
    }>()
    // @ts-expect-error apiKeyName is required
    const missingName: CreateApiKeyRequest = { apiKeyDescription: 'deploys' }
    // @ts-expect-error unknown fields are refused (additionalProperties: false)
    const unknownField: CreateApiKeyRequest = { apiKeyName: 'ci-bot', apiName: 'ci-bot' }
    void [missingName, unknownField]
  })

  test('update needs isEnabled as a boolean and apiKeyName', () => {
    expectTypeOf<UpdateApiKeyRequest>().toEqualTypeOf<{
      isEnabled: boolean
      apiKeyName: string
      apiKeyDescription?: string
    }>()
    // @ts-expect-error isEnabled must be a boolean, not a string
    const stringEnabled: UpdateApiKeyRequest = { apiKeyName: 'ci-bot', isEnabled: 'false' }
    // @ts-expect-error isEnabled is required
    const missingEnabled: UpdateApiKeyRequest = { apiKeyName: 'ci-bot' }
    // @ts-expect-error apiKeyName is required
    const missingName: UpdateApiKeyRequest = { isEnabled: true }
    void [stringEnabled, missingEnabled, missingName]
  })

  test('regenerate takes PRIMARY or SECONDARY only', () => {
    expectTypeOf<KeyType>().toEqualTypeOf<'PRIMARY' | 'SECONDARY'>()
    expectTypeOf<RegenerateApiKeyRequest>().toEqualTypeOf<{ keyType: KeyType }>()
    // @ts-expect-error TERTIARY is not a key type
    const wrongKeyType: RegenerateApiKeyRequest = { keyType: 'TERTIARY' }
    // @ts-expect-error key types are upper case
    const lowerCase: RegenerateApiKeyRequest = { keyType: 'primary' }
    void [wrongKeyType, lowerCase]
  })
})

describe('responses', () => {
  test('an API key has every documented field with its type', () => {
    expectTypeOf<ApiKey>().toEqualTypeOf<{
      apiKeyId: string
      tenantId: string
      apiKeyName: string
      apiKeyDescription?: string
      primaryKey: string
      secondaryKey: string
      modifier: string
      isEnabled: boolean
      modTime: string
      domainCode: string
    }>()
  })

  test('a list item may lack the key values', () => {
    expectTypeOf<ApiKeySummary>().toEqualTypeOf<{
      apiKeyId: string
      tenantId: string
      apiKeyName: string
      apiKeyDescription?: string
      primaryKey?: string
      secondaryKey?: string
      modifier: string
      isEnabled: boolean
      modTime: string
      domainCode: string
    }>()
    expectTypeOf<ApiKeyPage>().toEqualTypeOf<{ apiKeys: ApiKeySummary[]; total: number; initialCount: number }>()
    expectTypeOf<ListApiKeysQuery>().toEqualTypeOf<{ offset?: number; limit?: number; apiKeyName?: string }>()
  })

  test('get returns the key itself; create, update and regenerate wrap it in apiKey; list a page; delete nothing', () => {
    type Ok<Op extends keyof operations, Status extends keyof operations[Op]['responses']> =
      operations[Op]['responses'][Status] extends { content: { 'application/json': infer Body } } ? Body : never
    // ApiKey is the schema's intersection flattened: the same type, each assignable to the other.
    expectTypeOf<Ok<'getApiKey', 200>>().toMatchTypeOf<ApiKey>()
    expectTypeOf<ApiKey>().toMatchTypeOf<Ok<'getApiKey', 200>>()
    expectTypeOf<Ok<'createApiKey', 201>>().toEqualTypeOf<ApiKeyResponse>()
    expectTypeOf<Ok<'updateApiKey', 200>>().toEqualTypeOf<ApiKeyResponse>()
    expectTypeOf<Ok<'regenerateApiKey', 200>>().toEqualTypeOf<ApiKeyResponse>()
    expectTypeOf<Ok<'listApiKeys', 200>>().toEqualTypeOf<ApiKeyPage>()
    expectTypeOf<operations['deleteApiKey']['responses'][204]['content']>().toEqualTypeOf<undefined>()
    expectTypeOf<ApiKeyResponse['apiKey']>().toMatchTypeOf<ApiKey>()
  })

  test('errors carry errorCode as a string or a number', () => {
    expectTypeOf<NcpErrorBody['error']['errorCode']>().toEqualTypeOf<string | number>()
    expectTypeOf<NcpErrorBody['error']['details']>().toEqualTypeOf<string | undefined>()
    type NotFound = operations['getApiKey']['responses'][404]['content']['application/json']
    expectTypeOf<NotFound>().toEqualTypeOf<NcpErrorBody>()
  })
})

describe('paths', () => {
  test('the six operations sit on their documented methods', () => {
    expectTypeOf<paths['/api-keys']['get']>().toEqualTypeOf<operations['listApiKeys']>()
    expectTypeOf<paths['/api-keys']['post']>().toEqualTypeOf<operations['createApiKey']>()
    expectTypeOf<paths['/api-keys/{api-key-id}']['delete']>().toEqualTypeOf<operations['deleteApiKey']>()
    expectTypeOf<paths['/api-keys/{api-key-id}']['get']>().toEqualTypeOf<operations['getApiKey']>()
    expectTypeOf<paths['/api-keys/{api-key-id}']['put']>().toEqualTypeOf<operations['updateApiKey']>()
    expectTypeOf<paths['/api-keys/{api-key-id}']['patch']>().toEqualTypeOf<
      operations['regenerateApiKey']
    >()
    expectTypeOf<paths['/api-keys/{api-key-id}']['parameters']['path']>().toEqualTypeOf<{
      'api-key-id': string
    }>()
  })
})

import { type ApiKey, type ApiKeyClientOptions, type ApiKeyPage, createApiKeyClient, createRawClient, NcpApiError } from '@ncloud-apigw/client'
import { describe, expect, expectTypeOf, inject, test } from 'vitest'
import { specExample } from './spec-examples.js'
import { violationRecorder } from './violations.js'

// Prism's mock checks that the three headers are present, not what they hold.
const credentials = { accessKey: 'NCPMOCKACCESSKEY0001', secretKey: 'mock-secret-never-checked' }
const id = 'cvcohvd2xj'

/** A client for Prism's mock; `prefer` asks Prism for one documented response. */
function mockClient(prefer?: string, options: ApiKeyClientOptions = {}) {
  const recorder = violationRecorder((input, init) =>
    fetch(input, prefer ? { ...init, headers: { ...Object.fromEntries(new Headers(init?.headers)), prefer } } : init),
  )
  const apigw = createApiKeyClient({ baseUrl: inject('mockUrl'), credentials, fetch: recorder.fetch, ...options })
  return { apigw, violations: recorder.violations }
}

describe('prism mock: the client gets each operation\'s documented example, typed', () => {
  test('createApiKey answers the create example, unwrapped', async () => {
    const { apigw, violations } = mockClient()
    const key = await apigw.createApiKey({ apiKeyName: 'apiKey-***', apiKeyDescription: 'apiKey-*** Description' })
    expectTypeOf(key).toEqualTypeOf<ApiKey>()
    expect({ apiKey: key }).toEqual(specExample('CreateApiKeyResponse'))
    expect(violations).toEqual([])
  })

  test('getApiKey answers the get example, which the API does not wrap', async () => {
    const { apigw, violations } = mockClient()
    const key = await apigw.getApiKey(id)
    expectTypeOf(key).toEqualTypeOf<ApiKey>()
    expect(key).toEqual(specExample('GetApiKeyResponse'))
    expect(violations).toEqual([])
  })

  test('updateApiKey answers the update example, unwrapped', async () => {
    const { apigw, violations } = mockClient()
    const key = await apigw.updateApiKey(id, { apiKeyName: 'apiKey-***', isEnabled: true })
    expect({ apiKey: key }).toEqual(specExample('UpdateApiKeyResponse'))
    expect(violations).toEqual([])
  })

  test('regenerateApiKey answers the regenerate example, unwrapped', async () => {
    const { apigw, violations } = mockClient()
    const key = await apigw.regenerateApiKey(id, 'PRIMARY')
    expect({ apiKey: key }).toEqual(specExample('RegenerateApiKeyResponse'))
    expect(violations).toEqual([])
  })

  test('listApiKeys answers the list example: summaries without key values', async () => {
    const { apigw, violations } = mockClient()
    const page = await apigw.listApiKeys({ offset: 0, limit: 20, apiKeyName: 'apiKeyName' })
    expectTypeOf(page).toEqualTypeOf<ApiKeyPage>()
    expect(page).toEqual(specExample('ListApiKeysResponse'))
    expect(violations).toEqual([])
  })

  test('deleteApiKey answers 204 with nothing, and resolves with nothing', async () => {
    const { apigw, violations } = mockClient()
    await expect(apigw.deleteApiKey(id)).resolves.toBeUndefined()
    expect(violations).toEqual([])
  })

  test('the raw client gets the documented shapes, wrapped where the API wraps', async () => {
    const { apigw, violations } = mockClient()
    const raw = createRawClient(apigw)
    const path = { 'api-key-id': id }
    const got = await raw.GET('/api-keys/{api-key-id}', { params: { path } })
    expectTypeOf(got.data).toMatchTypeOf<ApiKey | undefined>()
    expect(got.data).toEqual(specExample('GetApiKeyResponse'))

    const created = await raw.POST('/api-keys', { body: { apiKeyName: 'apiKey-***' } })
    expectTypeOf(created.data).toMatchTypeOf<{ apiKey: ApiKey } | undefined>()
    expect(created.data).toEqual(specExample('CreateApiKeyResponse'))

    const updated = await raw.PUT('/api-keys/{api-key-id}', {
      params: { path },
      body: { apiKeyName: 'apiKey-***', isEnabled: true },
    })
    expect(updated.data).toEqual(specExample('UpdateApiKeyResponse'))

    const regenerated = await raw.PATCH('/api-keys/{api-key-id}', { params: { path }, body: { keyType: 'SECONDARY' } })
    expect(regenerated.data).toEqual(specExample('RegenerateApiKeyResponse'))

    const listed = await raw.GET('/api-keys', { params: { query: { limit: 20 } } })
    expect(listed.data).toEqual(specExample('ListApiKeysResponse'))

    const deleted = await raw.DELETE('/api-keys/{api-key-id}', { params: { path } })
    expect(deleted.response.status).toBe(204)
    expect(violations).toEqual([])
  })
})

describe('prism mock: documented error responses become typed NcpApiErrors', () => {
  const noWait = { sleep: async () => {} }

  test.each([
    ['code=404', 404, 'NotFoundException', '300', false],
    ['code=401', 401, 'AuthenticationFailed', '200', false],
    ['code=401, example=PermissionDenied', 401, 'PermissionDenied', '210', false],
    ['code=429', 429, 'QuotaExceeded', '400', true],
    ['code=429, example=RateLimited', 429, 'RateLimited', '420', true],
    ['code=503', 503, 'EndpointError', '500', true],
  ])('Prefer: %s gives NcpApiError %i with errorCode of %s', async (prefer, status, example, errorCode, retryable) => {
    const { apigw } = mockClient(prefer, noWait)
    const error = await apigw.getApiKey(id).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(NcpApiError)
    const { error: body } = specExample(example) as { error: { errorCode: string; message: string } }
    expect(error).toMatchObject({
      name: 'NcpApiError',
      operation: 'getApiKey',
      status,
      errorCode,
      errorMessage: body.message,
      retryable,
    })
    expect(body.errorCode).toBe(errorCode)
  })

  test.each([
    ['code=429', 429, 3, true],
    ['code=503', 503, 1, false],
  ])('createApiKey on Prefer: %s: %i, after %i attempts (a throttled create did nothing and may be repeated; a 503 may have)', async (prefer, status, attempts, retryable) => {
    let sent = 0
    const apigw = createApiKeyClient({
      baseUrl: inject('mockUrl'),
      credentials,
      sleep: async () => {},
      fetch: (input, init) => {
        sent++
        return fetch(input, { ...init, headers: { ...Object.fromEntries(new Headers(init?.headers)), prefer } })
      },
    })
    await expect(apigw.createApiKey({ apiKeyName: 'ci-bot' })).rejects.toMatchObject({ status, retryable })
    expect(sent).toBe(attempts)
  })
})

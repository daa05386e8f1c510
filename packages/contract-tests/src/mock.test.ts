import { type ApiKey, type ApiKeyClientOptions, createApiKeyClient, NcpApiError } from '@ncloud-apigw/client'
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

  test('the raw client gets the documented shapes, wrapped where the API wraps', async () => {
    const { apigw, violations } = mockClient()
    const path = { 'api-key-id': id }
    const got = await apigw.raw.GET('/api-keys/{api-key-id}', { params: { path } })
    expectTypeOf(got.data).toEqualTypeOf<ApiKey | undefined>()
    expect(got.data).toEqual(specExample('GetApiKeyResponse'))

    const created = await apigw.raw.POST('/api-keys', { body: { apiKeyName: 'apiKey-***' } })
    expectTypeOf(created.data).toEqualTypeOf<{ apiKey: ApiKey } | undefined>()
    expect(created.data).toEqual(specExample('CreateApiKeyResponse'))

    const updated = await apigw.raw.PUT('/api-keys/{api-key-id}', {
      params: { path },
      body: { apiKeyName: 'apiKey-***', isEnabled: true },
    })
    expect(updated.data).toEqual(specExample('UpdateApiKeyResponse'))

    const regenerated = await apigw.raw.PATCH('/api-keys/{api-key-id}', { params: { path }, body: { keyType: 'SECONDARY' } })
    expect(regenerated.data).toEqual(specExample('RegenerateApiKeyResponse'))
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

  test('createApiKey is not retried on 429: the error comes from the one attempt', async () => {
    let attempts = 0
    const apigw = createApiKeyClient({
      baseUrl: inject('mockUrl'),
      credentials,
      fetch: (input, init) => {
        attempts++
        return fetch(input, { ...init, headers: { ...Object.fromEntries(new Headers(init?.headers)), prefer: 'code=429' } })
      },
    })
    await expect(apigw.createApiKey({ apiKeyName: 'ci-bot' })).rejects.toMatchObject({ status: 429, retryable: false })
    expect(attempts).toBe(1)
  })
})

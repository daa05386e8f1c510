// Each operation's documented answer through Prism's mock is every-operation.test.ts's.
import { type ApiKeyClientOptions, createApiKeyClient, NcpApiError } from '@ncloud-apigw/client'
import { describe, expect, inject, test } from 'vitest'
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

import { ncpFetch, type TestCredentials } from './ncp-fetch.js'

/**
 * Signed requests on a file's fake and its seeded key, for the fault tests: `at` gives the fake's
 * URL and the key's id as they are when the request is made (each test starts a new fake).
 */
export function keyRequests(at: () => { url: string; id: string }, credentials: TestCredentials) {
  return {
    get: (options: { signal?: AbortSignal } = {}) => ncpFetch(at().url, credentials, 'GET', `/api-keys/${at().id}`, options),
    create: (options: { signal?: AbortSignal; headers?: Record<string, string> } = {}) =>
      ncpFetch(at().url, credentials, 'POST', '/api-keys', { body: { apiKeyName: 'made' }, ...options }),
    regenerate: () => ncpFetch(at().url, credentials, 'PATCH', `/api-keys/${at().id}`, { body: { keyType: 'PRIMARY' } }),
  }
}

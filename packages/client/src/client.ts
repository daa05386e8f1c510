import type { ApiKey, paths } from '@ncloud-apigw/types'
import createClient from 'openapi-fetch'
import { apiErrorFrom } from './api-error.js'
import { createClock } from './clock.js'
import { NcpApiError, NcpValidationError } from './errors.js'
import { type OperationId, operations } from './generated/limits.js'
import type { ApiKeyClient, ApiKeyClientOptions, CallOptions, Credentials, CredentialsProvider } from './options.js'
import { isIdempotent, isRetryableStatus } from './retry.js'
import { sites } from './sites.js'
import { sleep } from './sleep.js'
import { createTransport } from './transport.js'
import { validateApiKeyId, validateBody } from './validate.js'

/** What the runtime supplies when an option is absent (the Node entry reads env and file). */
export type Defaults = (options: ApiKeyClientOptions) => {
  credentials: Credentials | CredentialsProvider
  site?: string | undefined
}

function positive(field: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback
  if (!(value > 0 && Number.isSafeInteger(value))) throw new NcpValidationError(field, 'a positive integer')
  return value
}

export function createApiKeyClientWith(defaults: Defaults, options: ApiKeyClientOptions): ApiKeyClient {
  const { credentials, site = 'public' } = defaults(options)
  if (!options.baseUrl && !Object.hasOwn(sites, site)) throw new NcpValidationError('site', `one of ${Object.keys(sites).join(', ')}`)
  const transport = createTransport({
    fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
    credentials,
    clock: createClock(options.now ?? Date.now),
    timeoutMs: positive('timeoutMs', options.timeoutMs, 30_000),
    maxAttempts: positive('maxAttempts', options.maxAttempts, 3),
    random: options.random ?? Math.random,
    sleep: options.sleep ?? sleep,
    logger: options.logger,
  })
  const raw = createClient<paths>({
    baseUrl: options.baseUrl ?? sites[site as keyof typeof sites],
    fetch: transport,
  })

  /** One operation: validated from the spec, sent through the transport, answered with the API key. */
  async function call(operation: OperationId, apiKeyId: string | undefined, body: object | undefined, { signal }: CallOptions = {}): Promise<ApiKey> {
    const { method, path, parameters } = operations[operation]
    if ('api-key-id' in parameters) validateApiKeyId(operation, apiKeyId)
    validateBody(operation, body)
    let text = ''
    const { response } = await raw.request(method as 'get', path as '/api-keys/{api-key-id}', {
      params: { path: { 'api-key-id': apiKeyId as string } },
      body: body as never,
      signal,
      parseAs: 'stream',
      // The transport hands the answer's bytes over here instead of wrapping them in a new
      // Response for openapi-fetch to read again (a web stream per body: on Node, about a tenth
      // of a loopback round trip). Parsed here rather than by openapi-fetch, whose SyntaxError
      // would quote the body: a successful body holds the key's secret values.
      fetch: (request: Request) => transport(request, undefined, (answer) => (text = answer)),
    } as never)
    const { status } = response
    const traceId = response.headers.get('x-ncp-trace-id') ?? undefined
    let parsed: { apiKey?: ApiKey } | undefined
    try {
      parsed = JSON.parse(text)
    } catch {}
    if (!response.ok) throw apiErrorFrom({ operation, status, traceId, retryable: isRetryableStatus(status) && isIdempotent(method) }, parsed ?? text)
    // Only getApiKey's answer is not wrapped in { apiKey }.
    const key = (operation === 'getApiKey' ? parsed : parsed?.apiKey) as ApiKey | undefined
    if (typeof key?.apiKeyId !== 'string') {
      throw new NcpApiError({ operation, status, traceId, retryable: false }, parsed ? 'with a body that is not the documented API key' : 'with a body that is not JSON')
    }
    return key
  }

  return {
    raw,
    createApiKey: (body, options) => call('createApiKey', undefined, body, options),
    getApiKey: (apiKeyId, options) => call('getApiKey', apiKeyId, undefined, options),
    updateApiKey: (apiKeyId, body, options) => call('updateApiKey', apiKeyId, body, options),
    regenerateApiKey: (apiKeyId, keyType, options) => call('regenerateApiKey', apiKeyId, { keyType }, options),
  }
}

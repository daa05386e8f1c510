import type { ApiKey, paths } from '@ncloud-apigw/types'
import createClient from 'openapi-fetch'
import { apiErrorFrom } from './api-error.js'
import { createClock } from './clock.js'
import { NcpApiError, NcpValidationError } from './errors.js'
import { type OperationId, operations } from './generated/limits.js'
import { operationFinder } from './operation.js'
import type { ApiKeyClient, ApiKeyClientOptions, Credentials, CredentialsProvider } from './options.js'
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

function siteUrl(site: string): string {
  if (!Object.hasOwn(sites, site)) throw new NcpValidationError('site', `one of ${Object.keys(sites).join(', ')}`)
  return sites[site as keyof typeof sites]
}

function positive(field: string, value: number | undefined, fallback: number, integer: boolean): number {
  if (value === undefined) return fallback
  if (!(value > 0) || !Number.isFinite(value) || (integer && !Number.isInteger(value))) {
    throw new NcpValidationError(field, integer ? 'a positive integer' : 'a positive number of milliseconds')
  }
  return value
}

type Result = Promise<{ data?: unknown; error?: unknown; response: Response }>

/** Turns openapi-fetch's result into the API key, or the right NcpApiError. */
async function apiKeyFrom(operation: OperationId, result: Result, wrapped: boolean): Promise<ApiKey> {
  const { data, error, response } = await result
  const { status } = response
  if (!response.ok) {
    throw apiErrorFrom(operation, response, error, isRetryableStatus(status) && isIdempotent(operations[operation].method))
  }
  // Parsed here rather than by openapi-fetch: its SyntaxError would quote the body, and a
  // successful body holds the key's secret values.
  let body: unknown
  try {
    body = JSON.parse(data as string)
  } catch {
    body = undefined
  }
  const key = wrapped ? (body as { apiKey?: unknown } | undefined)?.apiKey : body
  if (key === null || typeof key !== 'object' || typeof (key as ApiKey).apiKeyId !== 'string') {
    throw new NcpApiError({
      operation,
      status,
      traceId: response.headers.get('x-ncp-trace-id') ?? undefined,
      retryable: false,
      problem: body === undefined ? 'with a body that is not JSON' : 'with a body that is not the documented API key',
    })
  }
  return key as ApiKey
}

export function createApiKeyClientWith(defaults: Defaults, options: ApiKeyClientOptions): ApiKeyClient {
  const { credentials, site = 'public' } = defaults(options)
  const baseUrl = options.baseUrl ?? siteUrl(site)
  const clock = createClock(options.now ?? Date.now)
  const raw = createClient<paths>({
    baseUrl,
    fetch: createTransport({
      fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
      credentials,
      clock,
      timeoutMs: positive('timeoutMs', options.timeoutMs, 30_000, false),
      maxAttempts: positive('maxAttempts', options.maxAttempts, 3, true),
      random: options.random ?? Math.random,
      sleep: options.sleep ?? sleep,
      logger: options.logger,
      operationOf: operationFinder(baseUrl),
    }),
  })
  const path = (id: string) => ({ path: { 'api-key-id': id } })

  return {
    raw,
    async createApiKey(body, { signal } = {}) {
      validateBody('createApiKey', body)
      return apiKeyFrom('createApiKey', raw.POST('/api-keys', { body, parseAs: 'text', signal: signal ?? null }), true)
    },
    async getApiKey(apiKeyId, { signal } = {}) {
      validateApiKeyId('getApiKey', apiKeyId)
      return apiKeyFrom('getApiKey', raw.GET('/api-keys/{api-key-id}', { params: path(apiKeyId), parseAs: 'text', signal: signal ?? null }), false)
    },
    async updateApiKey(apiKeyId, body, { signal } = {}) {
      validateApiKeyId('updateApiKey', apiKeyId)
      validateBody('updateApiKey', body)
      return apiKeyFrom('updateApiKey', raw.PUT('/api-keys/{api-key-id}', { params: path(apiKeyId), body, parseAs: 'text', signal: signal ?? null }), true)
    },
    async regenerateApiKey(apiKeyId, keyType, { signal } = {}) {
      validateApiKeyId('regenerateApiKey', apiKeyId)
      const body = { keyType }
      validateBody('regenerateApiKey', body)
      return apiKeyFrom('regenerateApiKey', raw.PATCH('/api-keys/{api-key-id}', { params: path(apiKeyId), body, parseAs: 'text', signal: signal ?? null }), true)
    },
  }
}

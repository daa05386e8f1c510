/**
 * `@ncloud-apigw/client` for browsers, Deno, Bun and edge workers (the `default` export
 * condition): no `node:` imports, so credentials are given explicitly or by an async provider.
 * Node resolves to `node.ts`, which has the same API and adds the environment and
 * `~/.ncloud/configure` credentials chain.
 */
import { createApiKeyClientWith } from './client.js'
import { NcpCredentialsError } from './errors.js'
import type { ApiKeyClient, ApiKeyClientOptions } from './options.js'

export type { ApiKey, ApiKeyResponse, CreateApiKeyRequest, KeyType, UpdateApiKeyRequest } from '@ncloud-apigw/types'
export { NcpApiError, NcpCredentialsError, NcpError, NcpNetworkError, NcpTimeoutError, NcpValidationError } from './errors.js'
export type { ApiKeyClient, ApiKeyClientOptions, CallOptions, Credentials, CredentialsProvider, Logger } from './options.js'
export { createSigningMiddleware, type SigningMiddlewareOptions } from './signing.js'
export { type Site, sites } from './sites.js'

/** A client for the four API Key operations. */
export function createApiKeyClient(options: ApiKeyClientOptions = {}): ApiKeyClient {
  return createApiKeyClientWith(({ credentials, site }) => {
    if (!credentials) throw new NcpCredentialsError('No NCP credentials: pass the credentials option.', ['the credentials option (the only source outside Node)'])
    return { credentials, site }
  }, options)
}

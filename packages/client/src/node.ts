/**
 * `@ncloud-apigw/client` for Node (the `node` export condition): the browser entry's API, plus
 * credentials from the environment and `~/.ncloud/configure`, and the site from `NCLOUD_SITE`.
 */
import { createApiKeyClientWith } from './client.js'
import { findCredentials } from './credentials-chain.js'
import type { ApiKeyClient, ApiKeyClientOptions } from './options.js'

export type { ApiKey, ApiKeyResponse, CreateApiKeyRequest, KeyType, UpdateApiKeyRequest } from '@ncloud-apigw/types'
export { NcpApiError, NcpCredentialsError, NcpError, NcpNetworkError, NcpTimeoutError, NcpValidationError } from './errors.js'
export type { ApiKeyClient, ApiKeyClientOptions, CallOptions, Credentials, CredentialsProvider, Logger } from './options.js'
export { createSigningMiddleware, type SigningMiddlewareOptions } from './signing.js'
export { type Site, sites } from './sites.js'

/** A client for the four API Key operations. */
export function createApiKeyClient(options: ApiKeyClientOptions = {}): ApiKeyClient {
  return createApiKeyClientWith((o) => {
    const site = o.site ?? (process.env.NCLOUD_SITE || undefined)
    if (o.credentials) return { credentials: o.credentials, site }
    const found = findCredentials(process.env, o.profile)
    return { credentials: found.credentials, site: site ?? found.site }
  }, options)
}

// What both entries export besides createApiKeyClient.
export type { ApiKey, ApiKeyPage, ApiKeyResponse, ApiKeySummary, CreateApiKeyRequest, KeyType, ListApiKeysQuery, UpdateApiKeyRequest } from '@ncloud-apigw/types'
export { NcpApiError, NcpCredentialsError, NcpError, NcpNetworkError, NcpTimeoutError, NcpValidationError } from './errors.js'
export type {
  ApiKeyClient,
  ApiKeyClientOptions,
  CallOptions,
  Credentials,
  CredentialsProvider,
  FindNcpCredentialsOptions,
  FoundCredentials,
  Logger,
  PaginateQuery,
} from './options.js'
export { createRawClient } from './raw.js'
export { createSigningMiddleware, type SigningMiddlewareOptions } from './signing.js'
export { type Site, sites } from './sites.js'

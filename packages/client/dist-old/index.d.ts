import type { ApiKeyClient, ApiKeyClientOptions } from './options.js';
export type { ApiKey, ApiKeyResponse, CreateApiKeyRequest, KeyType, UpdateApiKeyRequest } from '@ncloud-apigw/types';
export { NcpApiError, NcpCredentialsError, NcpError, NcpNetworkError, NcpTimeoutError, NcpValidationError } from './errors.js';
export type { ApiKeyClient, ApiKeyClientOptions, CallOptions, Credentials, CredentialsProvider, Logger } from './options.js';
export { createSigningMiddleware, type SigningMiddlewareOptions } from './signing.js';
export { type Site, sites } from './sites.js';
/** A client for the four API Key operations. */
export declare function createApiKeyClient(options?: ApiKeyClientOptions): ApiKeyClient;

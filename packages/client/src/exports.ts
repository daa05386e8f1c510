// What both entries export besides createApiKeyClient.
// Every named type of the spec (ApiKey, CreateApiKeyRequest, ListApiKeysQuery, ...): what the
// methods take and answer, importable from the client alone.
export type * from '@ncloud-apigw/types'
export { NcpAbortError, NcpApiError, NcpCredentialsError, NcpError, NcpNetworkError, NcpTimeoutError, NcpValidationError } from './errors.js'
export type {
  ApiKeyClient,
  ApiKeyClientOptions,
  CallOptions,
  Credentials,
  CredentialsProvider,
  FindNcpCredentialsOptions,
  FoundCredentials,
  Logger,
  OperationEntry,
  ApiKeyClientFor,
  PageQuery,
} from './options.js'
export type * from './generated/methods.js'
// The name paginateApiKeys' query had before every page operation got a paginator.
export type { PaginateApiKeysQuery as PaginateQuery } from './generated/methods.js'
export { createRawClient } from './raw.js'
export { createSigningMiddleware, type SigningMiddlewareOptions } from './signing.js'
export { chooseSite, type Site, type SiteChoice, type SiteSources, sites } from './sites.js'
// The client's rules, for a tool (such as the CLI) that must apply them in its own words.
export { baseUrlProblem } from './config.js'
export { isSecretName, redactFields } from './redact.js'

import type { ApiKey, ApiKeyPage, ApiKeySummary, CreateApiKeyRequest, KeyType, ListApiKeysQuery, UpdateApiKeyRequest } from '@ncloud-apigw/types'
import type { Site } from './sites.js'

/** An NCP access key and its secret key (portal or Sub Account). */
export interface Credentials {
  accessKey: string
  secretKey: string
}

/**
 * Returns credentials; called before each attempt, so cache inside it if fetching them is
 * costly. Bounded like the request: the attempt's timeout and the call's signal stop a provider
 * that never answers.
 */
export type CredentialsProvider = () => Credentials | Promise<Credentials>

/** What `findNcpCredentials` found. */
export interface FoundCredentials {
  credentials: Credentials
  /** The site named by the profile's `ncloud_api_url`, when credentials came from the file. */
  site?: Site
}

/** Where `findNcpCredentials` looks, and how its error ends. */
export interface FindNcpCredentialsOptions {
  /** The profile (section) of `~/.ncloud/configure`; default `NCLOUD_PROFILE`, then `DEFAULT`. */
  profile?: string
  /** The caller's own way to give credentials, ending the error's advice (a CLI's "name a section with --profile"). */
  hint?: string
}

/** Receives what the client does, with secrets left out. */
export interface Logger {
  debug(message: string, meta: Record<string, unknown>): void
}

export interface ApiKeyClientOptions {
  /**
   * Credentials or a provider of them. Default on Node: `NCLOUD_ACCESS_KEY_ID` (or
   * `NCLOUD_ACCESS_KEY`) with `NCLOUD_SECRET_ACCESS_KEY` (or `NCLOUD_SECRET_KEY`), then
   * `~/.ncloud/configure`. Required in browsers and workers.
   */
  credentials?: Credentials | CredentialsProvider
  /** Node only: the profile (section) of `~/.ncloud/configure` to read; default `NCLOUD_PROFILE`, then `DEFAULT`. */
  profile?: string
  /** NCP site; default `'public'` (on Node: `NCLOUD_SITE`, then the profile's `ncloud_api_url`). */
  site?: Site
  /** Overrides `site`: the base URL up to and including `/api/v1` (tests, proxies). No user, password, query or fragment. */
  baseUrl?: string
  /** The `fetch` to send with; default `globalThis.fetch` (on Node through `HTTPS_PROXY`/`HTTP_PROXY` when set). */
  fetch?: (input: string, init: RequestInit) => Promise<Response>
  /** Per attempt, the credentials provider and the answer's body included; 1 to 2147483647 ms, default 30000. */
  timeoutMs?: number
  /** Attempts per call, the first included: 1 to 100, default 3. Which failures are retried: see the README's Retries. */
  maxAttempts?: number
  /** The largest answer body read, in bytes after decoding (gzip undone); a larger one fails with `NcpApiError`. 1 to 2^28, default 8 MiB. */
  maxResponseBytes?: number
  /** Appended to the `User-Agent` the Node entry sends (`ncloud-apigw-client/0.1.0 node/20.20.2`), e.g. `my-app/1.2`; printable ASCII. Browsers send their own. */
  userAgent?: string
  /** Receives a line per attempt, answer, retry and clock correction; secrets are never passed to it. */
  logger?: Logger
  /** Clock in epoch milliseconds; default `Date.now`. */
  now?: () => number
  /** Source of jitter in [0, 1); default `Math.random`. */
  random?: () => number
  /** Waits between retries; default a timer that the call's signal, when there is one, cancels. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>
}

/** Options of one call, beside its arguments. */
export interface CallOptions {
  /** Cancels the call, retries and waits included. */
  signal?: AbortSignal
  /** This call's per-attempt timeout, instead of the client's (1 to 2147483647 ms). */
  timeoutMs?: number
  /** This call's attempts, instead of the client's (1 to 100). */
  maxAttempts?: number
}

/** What `paginateApiKeys` walks: the list's filter and the size of each page it asks for. */
export interface PaginateQuery {
  /** Only keys whose name matches (as `listApiKeys` filters). */
  apiKeyName?: string
  /** Keys per request (sent as `limit`, so at least 1); default 100. */
  pageSize?: number
}

/**
 * One method per operation of the spec, named by its operationId (the compiler holds this list to
 * the generated operation table), and an iterator over every key.
 */
export interface ApiKeyClient {
  /** `GET /api-keys`: one page of keys, without their values. Retried like every read. */
  listApiKeys(query?: ListApiKeysQuery, options?: CallOptions): Promise<ApiKeyPage>
  /** `POST /api-keys`: never repeated once it may have reached the API, since a repeat would create a second key. */
  createApiKey(body: CreateApiKeyRequest, options?: CallOptions): Promise<ApiKey>
  /** `GET /api-keys/{api-key-id}`: the key with its values. */
  getApiKey(apiKeyId: string, options?: CallOptions): Promise<ApiKey>
  /** `PUT /api-keys/{api-key-id}`: idempotent, so retried like a read. */
  updateApiKey(apiKeyId: string, body: UpdateApiKeyRequest, options?: CallOptions): Promise<ApiKey>
  /**
   * `DELETE /api-keys/{api-key-id}`: resolves with nothing. Idempotent: retried like a read, and a
   * 404 after an attempt that got no answer means that attempt deleted the key, so it succeeds.
   */
  deleteApiKey(apiKeyId: string, options?: CallOptions): Promise<void>
  /** `PATCH /api-keys/{api-key-id}`: never repeated once it may have reached the API, since a repeat would rotate the key twice. */
  regenerateApiKey(apiKeyId: string, keyType: KeyType, options?: CallOptions): Promise<ApiKey>
  /**
   * Every key, page after page (`for await (const key of apigw.paginateApiKeys())`). Stops after
   * the `total` the first page announces, and fails rather than loop when a page brings no key
   * it has not already given.
   */
  paginateApiKeys(query?: PaginateQuery, options?: CallOptions): AsyncIterableIterator<ApiKeySummary>
}

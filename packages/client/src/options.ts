import type { NcpCredentialsError } from './errors.js'
import type { Site } from './sites.js'
import type { Operation } from '@ncloud-apigw/operations'
import type { ApiKeyClient } from './generated/methods.js'

import type { Credentials } from '@ncloud-apigw/signer'

/** An NCP access key and its secret key (portal or Sub Account): the signer's type. */
export type { Credentials }

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
  /**
   * Set when the profile's `ncloud_api_url` names no NCP site: `chooseSite` (and so the client)
   * throws it when the site would be taken from the profile, not when a `baseUrl`, a `site` or
   * `NCLOUD_SITE` chooses it.
   */
  siteError?: NcpCredentialsError
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
  /**
   * The client's retry tokens, shared by all its calls, as the AWS SDK's retry quota: a retry
   * costs 5 (10 after an attempt that got no answer), a call that succeeds gives back what its
   * last retry cost (1 when it made none); with too few left, a failure is returned, not retried.
   * Default 500; `Infinity` for no budget (only `maxAttempts` bounds retries), 0 for no retries.
   */
  retryBudget?: number
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

/**
 * What a paginator takes: its operation's query (or body) without `offset` and `limit`, which
 * it sets itself, and the size of each page it asks for.
 */
export type PageQuery<Q> = Omit<Q, 'offset' | 'limit'> & {
  /** Items per request (sent as `limit`, so at least 1); default 100. */
  pageSize?: number
}

export type { ApiKeyClient } from './generated/methods.js'

/** One operation's entry of the table, as `@ncloud-apigw/client/operations` exports each. */
export type OperationEntry = Operation

/** The paginator an entry has, if it answers a page. */
type PaginatorOf<E> = E extends { readonly page: { readonly paginator: infer P extends string } } ? P : never

/** The client `createApiKeyClientFor(entries)` makes: `ApiKeyClient`'s methods for those operations and their paginators. */
export type ApiKeyClientFor<E extends readonly OperationEntry[]> = Pick<ApiKeyClient, Extract<E[number]['id'] | PaginatorOf<E[number]>, keyof ApiKeyClient>>

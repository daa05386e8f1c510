import type { Operation } from '@ncloud-apigw/operations'
import { call, requestOf } from './call.js'
import { createClock } from './clock.js'
import { attemptsOption, responseBytesOption, retryBudgetOption, timeoutOption, userAgentOption } from './config.js'
import { internals } from './internals.js'
import type { ApiKeyClient, ApiKeyClientOptions, Credentials, CredentialsProvider, FoundCredentials } from './options.js'
import { paginate } from './paginate.js'
import { checkCredentials } from './signing.js'
import { chooseSite } from './sites.js'
import { sleep } from './sleep.js'
import { type AttemptTimer, realTimer } from './exchange.js'
import { createTransport } from './transport.js'

/** What the runtime supplies when an option is absent (the Node entry reads the environment and the file). */
export interface RuntimeDefaults {
  credentials: Credentials | CredentialsProvider
  /** The environment, for `NCLOUD_SITE` (Node's `process.env`). */
  env?: Readonly<Record<string, string | undefined>>
  /** What the credentials chain found, when it was read: the profile's site, or why it names none. */
  found?: FoundCredentials
  userAgent?: string | undefined
  fetch?: ((input: string, init: RequestInit) => Promise<Response>) | undefined
  /** Whether the `fetch` used when the option is absent is Node's own (see `readText`). */
  nodeFetch?: boolean
}

/** How a runtime makes its defaults from the options given. */
export type ResolveDefaults = (options: ApiKeyClientOptions) => RuntimeDefaults

/**
 * A client with the runtime's `defaults`, with a method for each of `entries` (the operations'
 * entries of the table, every one for `createApiKeyClient`) and a paginator for each that answers
 * a page. Only the entries given are referred to, so a program naming a few carries no others.
 * `timer` arms each attempt's timeout; only tests pass one (see `AttemptTimer`), which is why it
 * is an argument here and not a client option.
 */
export function createApiKeyClientWith(defaults: ResolveDefaults, options: ApiKeyClientOptions, entries: readonly Operation[], timer: AttemptTimer = realTimer): ApiKeyClient {
  userAgentOption(options.userAgent)
  const runtime = defaults(options)
  // Given credentials are checked now, so a key no header can carry fails here rather than on every call.
  if (typeof runtime.credentials !== 'function') checkCredentials(runtime.credentials)
  const { baseUrl } = chooseSite({ baseUrl: options.baseUrl, site: options.site, env: runtime.env, found: runtime.found })
  const timeoutMs = timeoutOption('timeoutMs', options.timeoutMs, 30_000)
  const maxAttempts = attemptsOption('maxAttempts', options.maxAttempts, 3)
  const send = createTransport({
    baseUrl,
    fetch: options.fetch ?? runtime.fetch ?? ((input, init) => globalThis.fetch(input, init)),
    credentials: runtime.credentials,
    clock: createClock(options.now ?? Date.now),
    maxResponseBytes: responseBytesOption(options.maxResponseBytes),
    nodeFetch: !options.fetch && !!runtime.nodeFetch,
    random: options.random ?? Math.random,
    retryBudget: retryBudgetOption(options.retryBudget),
    sleep: options.sleep ?? sleep,
    timer,
    logger: options.logger,
    userAgent: runtime.userAgent,
  })

  const context = { send, timeoutMs, maxAttempts }
  // One method per operation and one paginator per page operation, all alike: the arguments
  // become the request by the table (requestOf), and the generated ApiKeyClient type says what
  // each takes and answers.
  const apigw: Record<string, unknown> = {}
  for (const op of entries) {
    apigw[op.id] = (...args: unknown[]) => {
      const { parts, options } = requestOf(op, args)
      return call(context, op, parts, options)
    }
    const page = op.page as { paginator: string; in: 'query' | 'body' } | undefined
    if (!page) continue
    // A paginator's arguments are laid out as its method's: the path parameters, then the query
    // or body (here without offset and limit, with pageSize), then the call's options.
    apigw[page.paginator] = (...args: unknown[]) => {
      const { parts, options } = requestOf(op, args)
      return paginate((p, o) => call(context, op, p, o), op, parts.pathParams ?? {}, parts[page.in] as Record<string, unknown> | undefined, options)
    }
  }
  const client = apigw as unknown as ApiKeyClient
  internals.set(client, { baseUrl, send, timeoutMs, maxAttempts })
  return client
}

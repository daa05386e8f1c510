import { type OperationId, operations, problemText, problems, type RequestParts, requestProblems } from '@ncloud-apigw/operations'
import { apiErrorFrom } from './api-error.js'
import { createClock } from './clock.js'
import { attemptsOption, baseUrlOption, callLimits, responseBytesOption, timeoutOption, userAgentOption } from './config.js'
import { NcpApiError, NcpValidationError } from './errors.js'
import { internals } from './internals.js'
import type { ApiKey, ApiKeyPage } from '@ncloud-apigw/types'
import type { ApiKeyClient, ApiKeyClientOptions, CallOptions, Credentials, CredentialsProvider } from './options.js'
import { paginate } from './paginate.js'
import { isRetryableStatus, isThrottled } from './retry.js'
import { checkCredentials } from './signing.js'
import { sites } from './sites.js'
import { sleep } from './sleep.js'
import { type AttemptTimer, createTransport, realTimer, traceIdOf } from './transport.js'

/** What the runtime supplies when an option is absent (the Node entry reads env and file). */
export type Defaults = (options: ApiKeyClientOptions) => {
  credentials: Credentials | CredentialsProvider
  site?: string | undefined
  /** Where `site` came from, named in the error when it is unknown (`site`, `NCLOUD_SITE`, ...). */
  siteFrom?: string
  userAgent?: string | undefined
  fetch?: ((input: string, init: RequestInit) => Promise<Response>) | undefined
  /** Whether the `fetch` used when the option is absent is Node's own (see `readText`). */
  framed?: boolean
}

// Each operation's path split once around its parameters: ['/api-keys/', 'api-key-id', ''].
const pathPieces = Object.fromEntries(
  (Object.keys(operations) as OperationId[]).map((id) => [id, operations[id].path.split(/\{([^}]+)\}/)]),
) as Record<OperationId, string[]>

/** The path and query after the base path, each value percent-encoded as it is sent and signed. */
function targetOf(operation: OperationId, { pathParams = {}, query }: RequestParts): string {
  const pieces = pathPieces[operation]
  let target = pieces[0]!
  for (let i = 1; i < pieces.length; i += 2) target += encodeURIComponent(pathParams[pieces[i]!] as string) + pieces[i + 1]
  let separator = '?'
  // In the spec's order, so the signed query is the same whatever order the caller wrote.
  for (const name in operations[operation].query) {
    const value = query?.[name]
    if (value === undefined) continue
    // encodeURIComponent leaves ' alone, which the URL parser encodes in a query: encode it here,
    // so the target is already what fetch sends and signs.
    target += `${separator}${name}=${encodeURIComponent(String(value)).replaceAll("'", '%27')}`
    separator = '&'
  }
  return target
}

/**
 * The body as the JSON text that will be sent, parsed back: what is validated is exactly what is
 * sent, so getters, toJSON and inherited fields cannot show the validator one thing and the wire
 * another. A body JSON cannot carry (a BigInt, a cycle, a throwing toJSON) is refused as input.
 */
function serialise(operation: OperationId, body: unknown): { text: string | undefined; sent: unknown } {
  let text: string | undefined
  try {
    text = body === undefined ? undefined : JSON.stringify(body)
  } catch (cause) {
    throw new NcpValidationError({ field: 'the body', limit: 'a value JSON can carry', got: `one JSON.stringify refuses (${(cause as Error)?.name})` }, operation)
  }
  return { text, sent: text === undefined ? undefined : JSON.parse(text) }
}

/**
 * A client with the runtime's `defaults`. `timer` arms each attempt's timeout; only tests pass
 * one (see `AttemptTimer`), which is why it is an argument here and not a client option.
 */
export function createApiKeyClientWith(defaults: Defaults, options: ApiKeyClientOptions, timer: AttemptTimer = realTimer): ApiKeyClient {
  userAgentOption(options.userAgent)
  const found = defaults(options)
  // Given credentials are checked now, so a key no header can carry fails here rather than on every call.
  if (typeof found.credentials !== 'function') checkCredentials(found.credentials)
  const site = found.site ?? 'public'
  if (!options.baseUrl && !Object.hasOwn(sites, site)) {
    throw new NcpValidationError({ field: found.siteFrom ?? 'site', limit: `one of ${Object.keys(sites).join(', ')}` })
  }
  const baseUrl = baseUrlOption(options.baseUrl ?? sites[site as keyof typeof sites])
  const timeoutMs = timeoutOption('timeoutMs', options.timeoutMs, 30_000)
  const maxAttempts = attemptsOption('maxAttempts', options.maxAttempts, 3)
  const send = createTransport({
    baseUrl,
    fetch: options.fetch ?? found.fetch ?? ((input, init) => globalThis.fetch(input, init)),
    credentials: found.credentials,
    clock: createClock(options.now ?? Date.now),
    maxResponseBytes: responseBytesOption(options.maxResponseBytes),
    framed: !options.fetch && !!found.framed,
    random: options.random ?? Math.random,
    sleep: options.sleep ?? sleep,
    timer,
    logger: options.logger,
    userAgent: found.userAgent,
  })

  /** One operation: validated from the spec, sent, its answer held to the spec and unwrapped. */
  async function call(operation: OperationId, parts: RequestParts, callOptions: CallOptions | undefined): Promise<unknown> {
    const op = operations[operation]
    const limits = callLimits(callOptions, timeoutMs, maxAttempts)
    const { query } = parts
    if (query !== undefined && (typeof query !== 'object' || query === null || Array.isArray(query))) {
      throw new NcpValidationError({ field: 'the query', limit: 'an object of query parameters' }, operation)
    }
    const body = serialise(operation, parts.body)
    // Own properties only, each read once: the values checked are the values sent. A call with
    // neither query nor body has only the client's own { pathParams } to check.
    const sentParts = query === undefined && parts.body === undefined ? parts : { ...parts, query: query && { ...query }, body: body.sent }
    const [problem] = requestProblems(operation, sentParts)
    if (problem) throw new NcpValidationError(problem, operation)
    const answer = await send({
      operation,
      method: op.method,
      target: targetOf(operation, sentParts),
      body: body.text,
      idempotent: op.idempotent,
      headers: undefined,
      ...limits,
    })
    const { status, headers, text, secrets } = answer
    const fields = () => ({ operation, status, traceId: traceIdOf(headers, secrets) })
    if (status < 200 || status > 299) {
      // The earlier attempt that got no answer did delete the key: this one found it gone.
      if (status === 404 && op.method === 'DELETE' && answer.lost) return undefined
      // Throttling answers are retryable for every operation: the gateway refused before forwarding.
      const retryable = isRetryableStatus(status) && (op.idempotent || isThrottled(status, text))
      // An operation on one key: its 404 means "no such key".
      const namesKey = Object.keys(op.pathParams).length > 0
      throw apiErrorFrom({ ...fields(), retryable }, text, secrets, namesKey)
    }
    if (op.answer === 'none') return undefined
    // A success body holds key values: never quoted, only the field at fault is named.
    let parsed: unknown
    try {
      parsed = JSON.parse(text)
    } catch {
      throw new NcpApiError({ ...fields(), retryable: false }, 'with a body that is not JSON', 'Check the base URL and any proxy in between.')
    }
    const [wrong] = problems(op.response, parsed)
    if (wrong) throw new NcpApiError({ ...fields(), retryable: false }, `with a body that is not the documented answer (${problemText(wrong)})`, 'Check the base URL and any proxy in between.')
    return op.answer === 'wrapped' ? (parsed as { apiKey: unknown }).apiKey : parsed
  }

  const key = (id: string) => ({ pathParams: { 'api-key-id': id } })
  // One entry per operation of the spec: which argument goes where. The compiler holds this map
  // to the generated table (and to ApiKeyClient's methods), so an operation added to the spec
  // fails the build here until it has an entry.
  const client = {
    listApiKeys: (query, o) => call('listApiKeys', { query }, o) as Promise<ApiKeyPage>,
    createApiKey: (body, o) => call('createApiKey', { body }, o) as Promise<ApiKey>,
    getApiKey: (id, o) => call('getApiKey', key(id), o) as Promise<ApiKey>,
    updateApiKey: (id, body, o) => call('updateApiKey', { ...key(id), body }, o) as Promise<ApiKey>,
    deleteApiKey: (id, o) => call('deleteApiKey', key(id), o) as Promise<void>,
    regenerateApiKey: (id, keyType, o) => call('regenerateApiKey', { ...key(id), body: { keyType } }, o) as Promise<ApiKey>,
  } satisfies { [K in OperationId]: ApiKeyClient[K] }
  const apigw: ApiKeyClient = { ...client, paginateApiKeys: (query, callOptions) => paginate(client.listApiKeys, query, callOptions) }
  internals.set(apigw, { baseUrl, send, timeoutMs, maxAttempts })
  return apigw
}

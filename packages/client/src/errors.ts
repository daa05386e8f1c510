import type { Problem } from '@ncloud-apigw/operations'

/**
 * The errors the client throws. Each has a stable `name` (minifiers rename classes), typed
 * fields, and a message that says what to do next. None holds a secret: no secret key, no
 * signature, no request headers and no API key values, whatever a server sends back (text taken
 * from an answer is redacted first), so logging or serialising one is safe.
 */
export class NcpError extends Error {
  override name = 'NcpError'
  /** The operation that failed (its operationId), when known. */
  declare readonly operation: string | undefined

  constructor(message: string, fields?: object, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause })
    Object.assign(this, fields)
  }

  /**
   * Name (an own field), message and the typed fields; a cause is reduced to its name, message
   * and `code` (`ECONNREFUSED`, `ENOTFOUND`...), which scripts read rather than parse the text.
   */
  toJSON(): Record<string, unknown> {
    const { cause } = this
    const code = (cause as { code?: unknown } | undefined)?.code
    return {
      ...(this as object),
      message: this.message,
      ...(cause !== undefined && {
        cause: cause instanceof Error ? { name: cause.name, message: cause.message, ...(typeof code === 'string' && { code }) } : String(cause),
      }),
    }
  }
}

export interface NcpApiErrorFields {
  operation: string | undefined
  status: number
  /** NCP's code (`"200"` for Authentication Failed, ...), always a string; absent when the body was not NCP's. */
  errorCode?: string | undefined
  /** NCP's message (`"Authentication Failed"`, ...). */
  errorMessage?: string | undefined
  /** NCP's details, when given. */
  details?: string | undefined
  /** The `x-ncp-trace-id` response header: quote it to NCP support. */
  traceId?: string | undefined
  /** Whether the same request may succeed later. */
  retryable: boolean
  /** The start of a body that was not NCP's error format (an HTML page from a proxy, ...), secrets redacted. */
  excerpt?: string | undefined
  /** Where a redirect pointed (its origin only); NCP's API never redirects, so it is never followed. */
  location?: string | undefined
  /** How many attempts the call made, retries included, when it got this answer. */
  attempts?: number | undefined
  /** How long the answer's `Retry-After` asked to wait, in ms (a 429 or 503 that gave one). */
  retryAfterMs?: number | undefined
}

/** The next step for a status; `named` are the path parameters of the operation (`api-key-id`, ...). */
function hint(status: number, named: readonly string[]): string {
  if (status === 401) return 'Check the access key, the secret key and their permissions.'
  if (status === 403) return 'Check that the access key may use API Gateway.'
  if (status === 404) return named.length > 0 ? `Check the ${idsOf(named)}, and that the base URL ends in /api/v1.` : 'Check that the base URL ends in /api/v1.'
  if (status === 413) return 'Send a smaller body.'
  if (status === 429) return 'Slow down and retry later.'
  if (status >= 500) return 'Retry later; if it persists, check the base URL and any proxy in between.'
  return 'Check the request against the API reference and the base URL.'
}

/** `['product-id', 'api-key-id']` → `product ID and API key ID`, as a person says them. */
function idsOf(named: readonly string[]): string {
  const words = named.map((name) => name.replace(/-id$/, ' ID').replaceAll('-', ' ').replace(/^api /, 'API ').replace(/ api /g, ' API '))
  return words.length > 1 ? `${words.slice(0, -1).join(', ')} and ${words.at(-1)}` : words[0]!
}

/** The API answered with a non-2xx status, or with a body the client could not use. */
export class NcpApiError extends NcpError {
  override name = 'NcpApiError'
  declare readonly status: number
  declare readonly errorCode: string | undefined
  declare readonly errorMessage: string | undefined
  declare readonly details: string | undefined
  declare readonly traceId: string | undefined
  declare readonly retryable: boolean
  declare readonly excerpt: string | undefined
  declare readonly location: string | undefined
  declare readonly attempts: number | undefined
  declare readonly retryAfterMs: number | undefined

  /**
   * `problem` says what was wrong when the body carried no NCP error; `next` replaces the
   * status's usual next step. `named`: the operation's path parameters, which a 404 may be about.
   */
  constructor(fields: NcpApiErrorFields, problem = 'with a body that is not an NCP error', next?: string, named: readonly string[] = []) {
    const { operation, status, errorCode, details, traceId, excerpt } = fields
    const what =
      errorCode === undefined
        ? problem + (excerpt ? ` (${JSON.stringify(excerpt)})` : '')
        : `${(fields.errorMessage ?? 'NCP error').replace(/\.$/, '')} (errorCode ${errorCode})${details ? `: ${details}` : ''}`
    const parts = [`${operation ?? 'The request'} failed: HTTP ${status} ${what.replace(/[.\s]+$/, '')}.`, next ?? hint(status, named), traceId ? `Trace ID: ${traceId.replace(/\.$/, '')}.` : '']
    super(parts.filter(Boolean).join(' '), fields)
  }
}

/** The request got no HTTP answer: DNS, refused or reset connection, TLS, CORS... */
export class NcpNetworkError extends NcpError {
  override name = 'NcpNetworkError'
  /** How many attempts were made, retries included. */
  declare readonly attempts: number
}

/** An attempt took longer than `timeoutMs`, answer included. */
export class NcpTimeoutError extends NcpNetworkError {
  override name = 'NcpTimeoutError'
  declare readonly timeoutMs: number
}

/**
 * The call's `signal` aborted it (`controller.abort()`, `AbortSignal.timeout()`): its attempts
 * and waits end at once and nothing more is sent. `cause` is the signal's reason, as it is
 * (`AbortError`, `TimeoutError`, or what was passed to `abort`). Like the AWS SDK's `AbortError`
 * and Stainless SDKs' `APIUserAbortError`, it is the client's own error, so every error a call
 * rejects with is an `NcpError`.
 */
export class NcpAbortError extends NcpError {
  override name = 'NcpAbortError'
  /** Attempts begun before the abort: 0 when the signal had aborted before anything was sent. A request in flight may have reached the API. */
  declare readonly attempts: number

  constructor(operation: string | undefined, attempts: number, reason: unknown) {
    const why = reason instanceof Error || (typeof reason === 'object' && reason !== null && 'name' in reason) ? `${(reason as Error).name}: ${(reason as Error).message}` : typeof reason
    const when = attempts === 0 ? 'before it was sent' : `during attempt ${attempts}`
    const next = (reason as Error | undefined)?.name === 'TimeoutError' ? 'Give the signal more time if the call needs it.' : 'Check what aborts the signal given in the call options.'
    super(`${operation ?? 'The request'} was aborted by its signal (${why.slice(0, 200)}) ${when}. ${next}`, { operation, attempts }, reason)
  }
}

/** Bad input, refused before anything was sent. */
export class NcpValidationError extends NcpError {
  override name = 'NcpValidationError'
  /** The field, parameter or option at fault (`apiKeyName`, `api-key-id`, `limit`, `timeoutMs`, ...). */
  declare readonly field: string
  /** What it must be (`a string of 1 to 20 characters`, `one of PRIMARY, SECONDARY`, ...). */
  declare readonly limit: string
  /** What was there instead (`21 characters`, `a number`, `nothing`), never a string's value. */
  declare readonly got: string | undefined
  /** The value's length in characters, when a length limit was broken. */
  declare readonly length: number | undefined

  constructor({ field, limit, got, length }: Problem, operation?: string) {
    super(`${field} must be ${limit}${got === undefined ? '' : `, got ${got}`}${operation ? ` (${operation})` : ''}; nothing was sent.`, {
      operation,
      field,
      limit,
      got,
      length,
    })
  }
}

/** No usable credentials. `searched` lists every place looked in and what was found there. */
export class NcpCredentialsError extends NcpError {
  override name = 'NcpCredentialsError'
  declare readonly searched: readonly string[]

  constructor(message: string, searched: readonly string[], cause?: unknown) {
    super(`${message} Looked in: ${searched.join('; ')}.`, { searched }, cause)
  }
}

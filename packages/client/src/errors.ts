/**
 * The errors the client throws. Each has a stable `name` (minifiers rename classes), typed
 * fields, and a message that says what to do next. None holds a secret: no secret key, no
 * signature, no request headers and no API key values, so logging or serialising one is safe.
 */
export class NcpError extends Error {
  override readonly name: string = 'NcpError'
  /** The operation that failed (`getApiKey`, ...), when known. */
  readonly operation: string | undefined

  constructor(message: string, operation?: string, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause })
    this.operation = operation
  }

  /** Own fields plus name and message; a cause is reduced to its name and message. */
  toJSON(): Record<string, unknown> {
    const json: Record<string, unknown> = { name: this.name, message: this.message }
    for (const [key, value] of Object.entries(this)) if (value !== undefined) json[key] = value
    const cause = this.cause
    if (cause !== undefined) json.cause = cause instanceof Error ? { name: cause.name, message: cause.message } : String(cause)
    return json
  }
}

const hints: Record<number, string> = {
  400: 'Check the request against the API reference.',
  401: 'Check the access key, the secret key and their permissions for API Gateway.',
  403: 'Check that the account may use API Gateway on this site.',
  404: 'Check the API key ID.',
  413: 'Send a smaller request.',
  429: 'Slow down and try again later.',
}

export interface NcpApiErrorInit {
  operation: string | undefined
  status: number
  errorCode?: string | undefined
  errorMessage?: string | undefined
  details?: string | undefined
  traceId?: string | undefined
  retryable: boolean
  excerpt?: string | undefined
  /** Says what was wrong with a body that carried no NCP error. */
  problem?: string
}

/** The API answered with a non-2xx status, or with a body the client could not use. */
export class NcpApiError extends NcpError {
  override readonly name = 'NcpApiError'
  /** HTTP status. */
  readonly status: number
  /** NCP's code (`"200"` for Authentication Failed, ...), always a string; absent when the body was not NCP's. */
  readonly errorCode: string | undefined
  /** NCP's message (`"Authentication Failed"`, ...). */
  readonly errorMessage: string | undefined
  /** NCP's details, when given. */
  readonly details: string | undefined
  /** The `x-ncp-trace-id` response header: quote it to NCP support. */
  readonly traceId: string | undefined
  /** Whether sending the same request again may succeed (429, 502, 503, 504 on getApiKey and updateApiKey). */
  readonly retryable: boolean
  /** The start of a body that was not NCP's error format (an HTML page from a proxy, ...). */
  readonly excerpt: string | undefined

  constructor(init: NcpApiErrorInit) {
    const { operation, status, errorCode, errorMessage, details, traceId, excerpt } = init
    const what =
      errorCode === undefined
        ? `${init.problem ?? 'with a body that is not an NCP error'}${excerpt ? ` (${JSON.stringify(excerpt)})` : ''}`
        : `${errorMessage ?? 'error'} (errorCode ${errorCode})${details ? `: ${details}` : ''}`
    const hint = hints[status] ?? (status >= 500 ? 'NCP had a problem; try again later.' : '')
    super(`${operation ?? 'request'} failed: HTTP ${status} ${what}. ${hint}${traceId ? ` Trace ID: ${traceId}.` : ''}`.trimEnd(), operation)
    this.status = status
    this.errorCode = errorCode
    this.errorMessage = errorMessage
    this.details = details
    this.traceId = traceId
    this.retryable = init.retryable
    this.excerpt = init.excerpt
  }
}

/** The request never got an HTTP answer: DNS, refused or reset connection, TLS, CORS... */
export class NcpNetworkError extends NcpError {
  override readonly name: string = 'NcpNetworkError'
  /** How many attempts were made, retries included. */
  readonly attempts: number

  constructor(message: string, operation: string | undefined, attempts: number, cause: unknown) {
    super(message, operation, cause)
    this.attempts = attempts
  }
}

/** An attempt took longer than `timeoutMs`, answer included. */
export class NcpTimeoutError extends NcpNetworkError {
  override readonly name = 'NcpTimeoutError'
  readonly timeoutMs: number

  constructor(message: string, operation: string | undefined, attempts: number, timeoutMs: number, cause: unknown) {
    super(message, operation, attempts, cause)
    this.timeoutMs = timeoutMs
  }
}

/** Bad input, refused before anything was sent. */
export class NcpValidationError extends NcpError {
  override readonly name = 'NcpValidationError'
  /** The field or option at fault (`apiKeyName`, `api-key-id`, `site`, ...). */
  readonly field: string
  /** What it must be (`1 to 20 characters`, `one of PRIMARY, SECONDARY`, ...). */
  readonly limit: string
  /** The value's length in characters, when a length limit was broken. The value itself is never kept. */
  readonly length: number | undefined

  constructor(field: string, limit: string, operation?: string, length?: number) {
    super(
      `${field} must be ${limit}${length === undefined ? '' : `, got ${length}`}` +
        `${operation ? ` (${operation})` : ''}; nothing was sent.`,
      operation,
    )
    this.field = field
    this.limit = limit
    this.length = length
  }
}

/** No usable credentials. `searched` lists every place looked in and what was found there. */
export class NcpCredentialsError extends NcpError {
  override readonly name = 'NcpCredentialsError'
  readonly searched: readonly string[]

  constructor(message: string, searched: readonly string[]) {
    super(`${message} Looked in: ${searched.join('; ')}.`)
    this.searched = searched
  }
}

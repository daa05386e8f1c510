/**
 * The errors the client throws. Each has a stable `name` (minifiers rename classes), typed
 * fields, and a message that says what to do next. None holds a secret: no secret key, no
 * signature, no request headers and no API key values, so logging or serialising one is safe.
 */
export class NcpError extends Error {
  override name = 'NcpError'
  /** The operation that failed (`getApiKey`, ...), when known. */
  declare readonly operation: string | undefined

  constructor(message: string, fields?: object, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause })
    Object.assign(this, fields)
  }

  /** Name (an own field), message and the typed fields; a cause is reduced to its name and message. */
  toJSON(): Record<string, unknown> {
    const { cause } = this
    return {
      ...(this as object),
      message: this.message,
      ...(cause !== undefined && { cause: cause instanceof Error ? { name: cause.name, message: cause.message } : String(cause) }),
    }
  }
}

const hints: Record<number, string> = {
  401: 'Check the access key, the secret key and their permissions.',
  404: 'Check the API key ID.',
  429: 'Slow down and retry later.',
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
  /** Whether the same request may succeed later (429, 502, 503, 504 on getApiKey and updateApiKey). */
  retryable: boolean
  /** The start of a body that was not NCP's error format (an HTML page from a proxy, ...). */
  excerpt?: string | undefined
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

  /** `problem` says what was wrong with a body that carried no NCP error. */
  constructor(fields: NcpApiErrorFields, problem = 'with a body that is not an NCP error') {
    const { operation, status, errorCode, details, traceId, excerpt } = fields
    super(
      `${operation} failed: HTTP ${status} ${
        errorCode === undefined
          ? problem + (excerpt ? ` (${JSON.stringify(excerpt)})` : '')
          : `${fields.errorMessage} (errorCode ${errorCode})${details ? `: ${details}` : ''}`
      }. ${hints[status] ?? (status < 500 ? '' : 'Retry later.')}${traceId ? ` Trace ID: ${traceId}.` : ''}`.trimEnd(),
      fields,
    )
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

/** Bad input, refused before anything was sent. */
export class NcpValidationError extends NcpError {
  override name = 'NcpValidationError'
  /** The field or option at fault (`apiKeyName`, `api-key-id`, `site`, ...). */
  declare readonly field: string
  /** What it must be (`1 to 20 characters`, `one of PRIMARY, SECONDARY`, ...). */
  declare readonly limit: string
  /** The value's length in characters, when a length limit was broken. The value itself is never kept. */
  declare readonly length: number | undefined

  constructor(field: string, limit: string, operation?: string, length?: number) {
    super(`${field} must be ${limit}${length === undefined ? '' : `, got ${length}`}${operation ? ` (${operation})` : ''}; nothing was sent.`, {
      operation,
      field,
      limit,
      length,
    })
  }
}

/** No usable credentials. `searched` lists every place looked in and what was found there. */
export class NcpCredentialsError extends NcpError {
  override name = 'NcpCredentialsError'
  declare readonly searched: readonly string[]

  constructor(message: string, searched: readonly string[]) {
    super(`${message} Looked in: ${searched.join('; ')}.`, { searched })
  }
}

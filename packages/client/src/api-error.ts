import { NcpApiError } from './errors.js'

const EXCERPT_LENGTH = 200

/**
 * The NcpApiError for a non-2xx answer. `body` is what openapi-fetch read: NCP's
 * `{"error": {...}}` when it was JSON, else the text (an HTML page, a truncated body, nothing).
 */
export function apiErrorFrom(operation: string, response: Response, body: unknown, retryable: boolean): NcpApiError {
  const traceId = response.headers.get('x-ncp-trace-id') ?? undefined
  const error = (body as { error?: { errorCode?: unknown; message?: unknown; details?: unknown } } | undefined)?.error
  if (error && typeof error === 'object' && (typeof error.errorCode === 'string' || typeof error.errorCode === 'number')) {
    return new NcpApiError({
      operation,
      status: response.status,
      errorCode: String(error.errorCode),
      errorMessage: typeof error.message === 'string' ? error.message : undefined,
      details: typeof error.details === 'string' ? error.details : undefined,
      traceId,
      retryable,
    })
  }
  const text = (typeof body === 'string' ? body : body === undefined ? '' : JSON.stringify(body)).replace(/\s+/g, ' ').trim()
  return new NcpApiError({
    operation,
    status: response.status,
    traceId,
    retryable,
    excerpt: text.length > EXCERPT_LENGTH ? `${text.slice(0, EXCERPT_LENGTH)}…` : text,
    problem: text ? 'with a body that is not an NCP error' : 'with an empty body',
  })
}

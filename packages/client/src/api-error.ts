import { NcpApiError, type NcpApiErrorFields } from './errors.js'

/**
 * The NcpApiError for a non-2xx answer. `body` is the parsed JSON (NCP's `{"error": {...}}`)
 * when it was JSON, else the text (an HTML page, a truncated body, nothing).
 */
export function apiErrorFrom(fields: NcpApiErrorFields, body: unknown): NcpApiError {
  const error = (body as { error?: Record<string, unknown> } | undefined)?.error
  const code = error?.errorCode
  const text = (value: unknown) => (typeof value === 'string' ? value : undefined)
  if (typeof code === 'string' || typeof code === 'number') {
    return new NcpApiError({ ...fields, errorCode: String(code), errorMessage: text(error!.message), details: text(error!.details) })
  }
  const excerpt = (text(body) ?? (body === undefined ? '' : JSON.stringify(body))).replace(/\s+/g, ' ').trim()
  return new NcpApiError({ ...fields, excerpt: excerpt.length > 200 ? `${excerpt.slice(0, 200)}…` : excerpt }, excerpt ? undefined : 'with an empty body')
}

import { NcpApiError, type NcpApiErrorFields } from './errors.js'
import { REDACTED, redactText, SECRET_NAME } from './redact.js'

const SECRET_KEY = new RegExp(`^(?:${SECRET_NAME.source})$`, 'i')

/** A parsed body with every secret-named field's value replaced, at any depth. */
function redactJson(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactJson)
  if (value === null || typeof value !== 'object') return value
  return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, SECRET_KEY.test(key) ? REDACTED : redactJson(inner)]))
}

/** Text from a server, redacted and cut to a length a message can carry. */
export function quoted(text: string, secrets: readonly string[], max = 200): string {
  // Redacted before whitespace is collapsed, so a secret holding a space or newline still matches.
  const clean = redactText(text, secrets).replace(/\s+/g, ' ').trim()
  return clean.length > max ? `${clean.slice(0, max)}…` : clean
}

/** Any JSON value from a server as redacted text: a string as it is, anything else as JSON. */
const quotedValue = (value: unknown, secrets: readonly string[]) =>
  value === undefined || value === null ? undefined : quoted(typeof value === 'string' ? value : JSON.stringify(redactJson(value)), secrets) || undefined

/**
 * The NcpApiError for a non-2xx answer (`body`: its text parsed as JSON, or `undefined`): NCP's
 * `{"error": {...}}` when the body is that, else an excerpt of whatever it was (an HTML page, a
 * truncated body, nothing). Everything quoted is redacted of the given secrets and of anything
 * shaped like one. `named`: the path parameters of the operation, which its 404 may be about.
 */
export function apiErrorFrom(fields: NcpApiErrorFields, text: string, body: unknown, secrets: readonly string[], named: readonly string[]): NcpApiError {
  const error = (body as { error?: Record<string, unknown> } | undefined)?.error
  const code = error?.errorCode
  if (typeof code === 'string' || typeof code === 'number') {
    return new NcpApiError(
      {
        ...fields,
        errorCode: quoted(String(code), secrets, 20),
        errorMessage: quotedValue(error!.message, secrets),
        details: quotedValue(error!.details, secrets),
      },
      undefined,
      undefined,
      named,
    )
  }
  const excerpt = quoted(body === undefined ? text : JSON.stringify(redactJson(body)), secrets)
  return new NcpApiError({ ...fields, excerpt }, excerpt ? undefined : 'with an empty body', undefined, named)
}

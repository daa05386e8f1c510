import { NcpApiError, type NcpApiErrorFields } from './errors.js'
import { redactFields, redactText } from './redact.js'

/**
 * How much of a server's text is read for secrets, once its whitespace is collapsed: far more
 * than any excerpt shows (at most a few hundred characters), so a secret that reaches the excerpt
 * is read whole however it is encoded, while a body of megabytes costs no more than this.
 */
const SCANNED = 64 * 1024

/**
 * Text from a server as an error or a log line may show it: whitespace collapsed, every secret
 * redacted (see redact.ts), cut to `max` characters.
 */
export function redactedExcerpt(text: string, secrets: readonly string[], max = 200): string {
  // Whitespace is collapsed first: redaction sees through it, and the scan then reaches as far
  // into the text as the excerpt can.
  const clean = redactText(text.replace(/\s+/g, ' ').slice(0, SCANNED), secrets).trim()
  return clean.length > max ? `${clean.slice(0, max)}…` : clean
}

/** Any JSON value from a server as redacted text: a string as it is, anything else as JSON. */
const redactedValue = (value: unknown, secrets: readonly string[]) =>
  value === undefined || value === null ? undefined : redactedExcerpt(typeof value === 'string' ? value : JSON.stringify(redactFields(value)), secrets) || undefined

/**
 * The NcpApiError for a non-2xx answer (`body`: its text parsed as JSON, or `undefined`): NCP's
 * `{"error": {...}}` when the body is that, else an excerpt of whatever it was (an HTML page, a
 * truncated body, nothing). Everything quoted is redacted of the given secrets and of anything
 * shaped like one. `named`: the path parameters of the operation, which its 404 may be about;
 * `advice`: what to do next, instead of the status's usual advice.
 */
export function apiErrorFrom(fields: NcpApiErrorFields, text: string, body: unknown, secrets: readonly string[], named: readonly string[], advice?: string): NcpApiError {
  const error = (body as { error?: Record<string, unknown> } | undefined)?.error
  const code = error?.errorCode
  if (typeof code === 'string' || typeof code === 'number') {
    return new NcpApiError(
      {
        ...fields,
        errorCode: redactedExcerpt(String(code), secrets, 20),
        errorMessage: redactedValue(error!.message, secrets),
        details: redactedValue(error!.details, secrets),
      },
      undefined,
      advice,
      named,
    )
  }
  const excerpt = redactedExcerpt(body === undefined ? text : JSON.stringify(redactFields(body)), secrets)
  return new NcpApiError({ ...fields, excerpt }, excerpt ? undefined : 'with an empty body', advice, named)
}

import { NcpApiError, NcpCredentialsError, NcpError, NcpTimeoutError, NcpValidationError, sites } from '@ncloud-apigw/client'
import { CancelledError } from './cancelled.js'
import type { OutputFormat } from './format-api-key.js'
import { json, visible, visibleLines } from './text.js'

// The client names fields as the API does; a person at a shell typed flags. A field that came
// from elsewhere (NCLOUD_SITE) is named as it is, with no flag to blame.
const flags: Record<string, string> = {
  apiKeyName: '--name',
  apiKeyDescription: '--description',
  isEnabled: '--enabled or --disabled',
  keyType: '--primary or --secondary',
  'api-key-id': '<api-key-id>',
  limit: '--limit',
  offset: '--offset',
  site: '--site',
  baseUrl: '--base-url',
  timeoutMs: '--timeout',
}

/** The flag that sets a field the client refused, if a flag does. */
export function flagFor(field: string): string | undefined {
  return Object.hasOwn(flags, field) ? flags[field] : undefined
}

/** What the CLI adds to an error: the flag that set a refused field, a next step in flag terms. */
function extras(error: unknown): Record<string, string> {
  if (error instanceof NcpValidationError) {
    const option = flagFor(error.field)
    if (option) return { option }
    if (error.field === 'NCLOUD_SITE') return { hint: `set NCLOUD_SITE to one of ${Object.keys(sites).join(', ')}, or unset it; --site overrides it` }
    return {}
  }
  if (error instanceof NcpTimeoutError) return { hint: 'pass a larger --timeout (milliseconds) if the network is slow' }
  return {}
}

/**
 * An error for stderr. As text: the error's message (which says what was wrong and what to do
 * next), then one `name: value` line per field that a script may grep (NCP's status, errorCode,
 * message, details and trace ID for an API error). Control characters a server put in any of it
 * are shown as escapes, so it can neither drive the terminal nor forge a line. As JSON: one line
 * `{"error": {...}}` with the same fields. Client errors hold no secret, so everything they
 * carry may be printed.
 */
export function formatError(error: unknown, format: OutputFormat): string {
  if (format === 'json') {
    const body = error instanceof NcpError ? { ...error.toJSON(), ...extras(error) } : { name: nameOf(error), message: messageOf(error) }
    return `${json({ error: body }, false)}\n`
  }
  const fields: Record<string, unknown> = { ...fieldsOf(error), ...extras(error) }
  const width = Math.max(0, ...Object.keys(fields).map((name) => name.length + 1))
  const lines = Object.entries(fields).map(([name, value]) => `  ${`${name}:`.padEnd(width)} ${visible(String(value))}`)
  const headline =
    error instanceof NcpError || error instanceof CancelledError
      ? visible(error.message)
      : `unexpected error, please report it: ${visibleLines(error instanceof Error ? (error.stack ?? String(error)) : String(error))}`
  return [`ncloud-apigw: ${headline}`, ...lines].join('\n').concat('\n')
}

function fieldsOf(error: unknown): Record<string, unknown> {
  if (error instanceof NcpApiError) {
    const { status, errorCode, errorMessage, details, traceId, excerpt } = error
    return defined({ status, errorCode, message: errorMessage, details, traceId, body: excerpt })
  }
  if (error instanceof NcpValidationError) return defined({ field: error.field, limit: error.limit, got: error.got, length: error.length })
  return {}
}

function defined(fields: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined && value !== ''))
}

function nameOf(error: unknown): string {
  return error instanceof Error ? error.name : 'Error'
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

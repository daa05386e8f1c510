import { NcpApiError, NcpCredentialsError, NcpError, NcpTimeoutError, NcpValidationError } from '@ncloud-apigw/client'
import { CancelledError } from './cancelled.js'
import type { OutputFormat } from './format-api-key.js'

// The client names fields as the API does; a person at a shell typed flags.
const flags: Record<string, string> = {
  apiKeyName: '--name',
  apiKeyDescription: '--description',
  isEnabled: '--enabled or --disabled',
  keyType: '--primary or --secondary',
  'api-key-id': '<api-key-id>',
  site: '--site',
  timeoutMs: '--timeout',
}

/** What the CLI adds to an error: the flag that set a refused field, a next step in flag terms. */
function extras(error: unknown): Record<string, string> {
  if (error instanceof NcpValidationError && flags[error.field]) return { option: flags[error.field]! }
  if (error instanceof NcpCredentialsError) return { hint: 'export NCLOUD_ACCESS_KEY_ID and NCLOUD_SECRET_ACCESS_KEY, or write ~/.ncloud/configure and pick its section with --profile' }
  if (error instanceof NcpTimeoutError) return { hint: 'pass a larger --timeout (milliseconds) if the network is slow' }
  return {}
}

/**
 * An error for stderr. As text: the error's message (which says what to do next), then one
 * `name: value` line per field that a script may grep (NCP's status, errorCode, message,
 * details and trace ID for an API error). As JSON: one line `{"error": {...}}` with the same
 * fields. Client errors hold no secret, so everything they carry may be printed.
 */
export function formatError(error: unknown, format: OutputFormat): string {
  const fields: Record<string, unknown> = { ...fieldsOf(error), ...extras(error) }
  if (format === 'json') {
    const body = error instanceof NcpError ? { ...error.toJSON(), ...extras(error) } : { name: nameOf(error), message: messageOf(error) }
    return `${JSON.stringify({ error: body })}\n`
  }
  const width = Math.max(0, ...Object.keys(fields).map((name) => name.length + 1))
  const lines = Object.entries(fields).map(([name, value]) => `  ${`${name}:`.padEnd(width)} ${String(value)}`)
  const headline = error instanceof NcpError || error instanceof CancelledError ? error.message : `unexpected error, please report it: ${error instanceof Error ? error.stack : String(error)}`
  return [`ncloud-apigw: ${headline}`, ...lines].join('\n').concat('\n')
}

function fieldsOf(error: unknown): Record<string, unknown> {
  if (error instanceof NcpApiError) {
    const { status, errorCode, errorMessage, details, traceId, excerpt } = error
    return defined({ status, errorCode, message: errorMessage, details, traceId, body: excerpt })
  }
  if (error instanceof NcpValidationError) return defined({ field: error.field, limit: error.limit, length: error.length })
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

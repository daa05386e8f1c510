import { NcpApiError, NcpError, NcpNetworkError, NcpTimeoutError, NcpValidationError, sites } from '@ncloud-apigw/client'
import { operations } from '@ncloud-apigw/operations'
import { CancelledError } from './cancelled.js'
import type { OutputFormat } from './output.js'
import { json, visible, visibleLines } from './text.js'

/** The flag that sets a field: a command's own, or a global option standing for a client option. */
export interface FlagOfField {
  readonly flag: string
  /** A global option (`--timeout` for `timeoutMs`): the message names the flag instead of the field. */
  readonly global: boolean
}

/** What the CLI knows about a failure beyond the error itself. */
export interface ErrorContext {
  /** The flag that sets a field the client refused, for the command that ran. */
  flagFor(field: string): FlagOfField | undefined
  /** Where to report a bug (package.json `bugs`). */
  readonly bugs: string
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`

/**
 * The client option the CLI passes for its own flag, and a 429's wait, are not in the client's
 * words: the message is the CLI's. Every other message is the client's, which says what was
 * wrong and what to do next.
 */
function headline(error: unknown, context: ErrorContext): string {
  if (error instanceof NcpValidationError) {
    const set = context.flagFor(error.field)
    if (set?.global) return `${set.flag} must be ${error.limit}${error.got === undefined ? '' : `, got ${error.got}`}; nothing was sent.`
    return error.message
  }
  if (error instanceof NcpTimeoutError) {
    const attempts = error.attempts > 1 ? ` (each of ${error.attempts} attempts)` : ''
    return `${error.operation ?? 'The request'} timed out after ${error.timeoutMs} ms${attempts}; pass a larger --timeout (milliseconds) if the network is slow.`
  }
  if (error instanceof NcpApiError) return error.message + retries(error)
  if (error instanceof NcpError || error instanceof CancelledError) return error.message
  return `unexpected error, please report it at ${context.bugs} with this message: ${error instanceof Error ? (error.stack ?? String(error)) : String(error)}`
}

/** An answer the client retries when it may: throttled (429) or failed on the way (5xx). */
const retried = (error: NcpApiError) => error.status === 429 || error.status >= 500

/** For an answer worth retrying (429, 5xx): how many attempts were made, and how long the server asked to wait. */
function retries(error: NcpApiError): string {
  const { attempts, retryAfterMs } = error
  if (!retried(error) || attempts === undefined) return ''
  const idempotent = (operations as Record<string, { idempotent: boolean } | undefined>)[error.operation ?? '']?.idempotent
  const made =
    attempts === 1 && idempotent === false
      ? ` Made 1 attempt: ${error.operation} is not repeated, since a repeat could do it twice.`
      : ` Gave up after ${plural(attempts, 'attempt')}.`
  const asked = retryAfterMs === undefined ? '' : ` The server asked to wait ${Math.ceil(retryAfterMs / 1000)} s before trying again.`
  return made + asked
}

/** What the CLI adds to an error's fields: the flag that set a refused field, a next step in flag terms. */
function extras(error: unknown, context: ErrorContext): Record<string, unknown> {
  if (error instanceof NcpValidationError) {
    const set = context.flagFor(error.field)
    if (set) return { option: set.flag }
    if (error.field === 'NCLOUD_SITE') return { hint: `set NCLOUD_SITE to one of ${Object.keys(sites).join(', ')}, or unset it; --site overrides it` }
    return {}
  }
  return {}
}

/**
 * An error for stderr, every line of it starting `ncloud-apigw: ` or indented under the one
 * that does. As text: the headline (what was wrong and what to do next), then one `name: value`
 * line per field that a script may grep (NCP's status, errorCode, message, details and trace
 * ID for an API error). Control characters a server put in any of it are shown as escapes, so
 * it can neither drive the terminal nor forge a line. As JSON: one line `{"error": {...}}` with
 * the same fields. Client errors hold no secret, so everything they carry may be printed.
 */
export function formatError(error: unknown, format: OutputFormat, context: ErrorContext): string {
  if (format === 'json') {
    const body =
      error instanceof NcpError
        ? { ...error.toJSON(), ...cause(error), message: headline(error, context), ...extras(error, context) }
        : error instanceof CancelledError
          ? { name: error.name, message: error.message }
          : { name: error instanceof Error ? error.name : 'Error', message: error instanceof Error ? error.message : String(error), hint: `a bug: please report it at ${context.bugs}` }
    return `${json({ error: body }, false)}\n`
  }
  const fields: Record<string, unknown> = { ...fieldsOf(error), ...extras(error, context) }
  let width = 0
  for (const name of Object.keys(fields)) width = Math.max(width, name.length + 1)
  const lines = Object.entries(fields).map(([name, value]) => `  ${`${name}:`.padEnd(width)} ${visible(String(value))}`)
  // A stack keeps its lines; a message a server had a hand in is one line, whatever it holds.
  const text = error instanceof NcpError || error instanceof CancelledError ? visible(headline(error, context)) : visibleLines(headline(error, context))
  return [`ncloud-apigw: ${text}`, ...lines].join('\n').concat('\n')
}

/** A network error's cause with its code (`ECONNREFUSED`), which the client's toJSON leaves out and scripts test. */
function cause(error: NcpError): Record<string, unknown> {
  const { cause } = error
  if (!(error instanceof NcpNetworkError) || !(cause instanceof Error)) return {}
  const { code } = cause as NodeJS.ErrnoException
  return code === undefined ? {} : { cause: { name: cause.name, message: cause.message, code } }
}

function fieldsOf(error: unknown): Record<string, unknown> {
  if (error instanceof NcpApiError) {
    const { status, errorCode, errorMessage, details, traceId, excerpt } = error
    // Attempts matter only where the client retries; a 404 was asked once, as it should be.
    const attempts = retried(error) ? error.attempts : undefined
    return defined({ status, errorCode, message: errorMessage, details, traceId, body: excerpt, attempts })
  }
  if (error instanceof NcpValidationError) return defined({ field: error.field, limit: error.limit, got: error.got, length: error.length })
  return {}
}

function defined(fields: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined && value !== ''))
}

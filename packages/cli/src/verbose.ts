import type { Logger } from '@ncloud-apigw/client'
import { isSecretName } from '@ncloud-apigw/client'
import type { OutputFormat } from './output.js'
import { json, visible } from './text.js'

const REDACTED = '****'

/** The meta of a log line with secret-named fields (whatever the client ever puts there) masked and the given secrets cut out of every string. */
function cleaned(meta: Record<string, unknown>, secrets: readonly string[]): Record<string, unknown> {
  const redact = (text: string) => secrets.reduce((result, secret) => (secret.length >= 4 ? result.split(secret).join(REDACTED) : result), text)
  return Object.fromEntries(
    Object.entries(meta)
      .filter(([, value]) => value !== undefined)
      .map(([name, value]) => [name, isSecretName(name) ? REDACTED : typeof value === 'string' ? redact(value) : value]),
  )
}

const text = (value: unknown) => visible(typeof value === 'string' ? value : JSON.stringify(value))

/** One log line as a sentence, for the lines the client writes; any other as `message name=value ...`. */
function sentence(message: string, meta: Record<string, unknown>): string {
  const { operation, attempt, method, target, status, traceId, reason, delayMs, offsetMs } = meta
  const who = `${text(operation ?? 'request')} attempt ${text(attempt ?? '?')}`
  switch (message) {
    case 'ncp request':
      return `${who}: ${text(method)} ${text(target)}`
    case 'ncp response':
      return `${who}: HTTP ${text(status)}${traceId === undefined ? '' : `, trace ID ${text(traceId)}`}`
    case 'ncp retry':
      return `${who} failed (${text(reason)}); retrying in ${text(delayMs)} ms`
    case 'ncp clock corrected':
      return typeof offsetMs === 'number'
        ? `${who}: the API's clock is ${Math.abs(offsetMs)} ms ${offsetMs < 0 ? 'behind' : 'ahead of'} the local clock; signing again by the API's`
        : `${who}: clock corrected by ${text(offsetMs)} ms; signing again`
    default:
      return [text(message), ...Object.entries(meta).map(([name, value]) => `${visible(name)}=${text(value)}`)].join(' ')
  }
}

/**
 * `--verbose`: the client's log lines on stderr, one per attempt, answer, retry (with its wait)
 * and clock correction. As text, `ncloud-apigw: <operation> attempt 1: HTTP 200, trace ID ...`;
 * with `--output json`, one `{"debug": {"message": ..., ...meta}}` line each. Secret-named
 * fields are replaced by `****` and the secret key is cut out of every value, though the client
 * passes neither; control characters are shown as escapes.
 */
export function verboseLogger(write: (line: string) => void, format: OutputFormat, secrets: readonly string[]): Logger {
  return {
    debug(message, meta) {
      const clean = cleaned(meta, secrets)
      write(format === 'json' ? `${json({ debug: { message, ...clean } }, false)}\n` : `ncloud-apigw: ${sentence(message, clean)}\n`)
    },
  }
}

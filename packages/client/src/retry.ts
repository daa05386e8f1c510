import { parseHttpDate } from './http-date.js'

/** The answers that mean "try again later"; idempotent requests are retried on them. */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || status === 502 || status === 503 || status === 504
}

/** An error answer's body parsed as JSON, once; `undefined` when it is not JSON. */
export function errorBodyOf(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

/**
 * NCP's throttling answers (429 with errorCode 400 Quota Exceeded, 410 Throttle Limited or 420
 * Rate Limited): API Gateway refused the request before forwarding it, so it did nothing and any
 * request, one that must not be repeated included, can be sent again. `body` is the parsed answer.
 */
export function isThrottled(status: number, body: unknown): boolean {
  return status === 429 && ['400', '410', '420'].includes(errorCodeOf(body))
}

/** NCP's refusal of a signature (401 with errorCode 200 Authentication Failed), a timestamp too far from its clock among the reasons. */
export function isAuthenticationFailure(status: number, body: unknown): boolean {
  return status === 401 && errorCodeOf(body) === '200'
}

/** NCP's errorCode in a parsed error body, as a string whether it was sent as one or as a number. */
const errorCodeOf = (body: unknown) => String((body as { error?: { errorCode?: unknown } } | null | undefined)?.error?.errorCode)

const BASE_DELAY_MS = 100
const MAX_DELAY_MS = 20_000
/** A longer `Retry-After` than this is not waited out: the error is returned instead. */
export const MAX_RETRY_AFTER_MS = 60_000

/** Exponential backoff with full jitter (as the AWS SDK): uniform in [0, min(cap, base * 2^(attempt-1))). */
export function backoffDelay(attempt: number, random: () => number): number {
  return Math.floor(random() * Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** (attempt - 1)))
}

/**
 * Milliseconds asked for by a `Retry-After` header: delay-seconds (digits only) or an HTTP-date,
 * as RFC 9110 has it. Anything else (`1.5`, `-1`, `+5`) says nothing: `undefined`, and the usual
 * backoff applies.
 */
export function retryAfterDelay(header: string | null, now: number): number | undefined {
  if (header === null) return undefined
  const value = header.trim()
  if (/^\d+$/.test(value)) return Number(value) * 1000
  const date = parseHttpDate(value, now)
  return date === undefined ? undefined : Math.max(0, date - now)
}

import { valueKind } from '@ncloud-apigw/operations'
import { NcpValidationError } from './errors.js'
import { DEFAULT_RETRY_BUDGET } from './retry-budget.js'

/** setTimeout's largest delay; Node clamps a larger one to 1 ms, which would time out every attempt. */
const MAX_TIMER_MS = 2 ** 31 - 1
/** More attempts than this is a retry loop rather than a retry policy. */
const MAX_ATTEMPTS = 100
/** A larger answer could not become one string (V8 strings stop at about 2^29 characters). */
const MAX_RESPONSE_BYTES = 2 ** 28

/** What a value was, for a message: a number as it is, anything else by its kind (never a string's text). */
const shown = (value: unknown): string => (typeof value === 'number' ? String(value) : valueKind(value))

/** A whole number within bounds, or the fallback when absent; `NcpValidationError` otherwise. */
function integerOption(field: string, value: unknown, fallback: number, max: number): number {
  if (value === undefined) return fallback
  if (!(Number.isSafeInteger(value) && (value as number) >= 1 && (value as number) <= max)) {
    throw new NcpValidationError({ field, limit: `an integer from 1 to ${max}`, got: shown(value) })
  }
  return value as number
}

export const timeoutOption = (field: string, value: unknown, fallback: number) => integerOption(field, value, fallback, MAX_TIMER_MS)
export const attemptsOption = (field: string, value: unknown, fallback: number) => integerOption(field, value, fallback, MAX_ATTEMPTS)
export const responseBytesOption = (value: unknown) => integerOption('maxResponseBytes', value, 8 * 1024 * 1024, MAX_RESPONSE_BYTES)

/** The `retryBudget` option: a whole number of tokens, 0 included, or `Infinity` for no budget. */
export function retryBudgetOption(value: unknown): number {
  if (value === undefined) return DEFAULT_RETRY_BUDGET
  if (value === Infinity || (Number.isSafeInteger(value) && (value as number) >= 0)) return value as number
  throw new NcpValidationError({ field: 'retryBudget', limit: 'an integer of at least 0, or Infinity for no budget', got: shown(value) })
}

const BASE_URL_LIMIT = 'an http: or https: URL with no user, password, query or fragment, up to and including /api/v1 (such as https://apigateway.apigw.ntruss.com/api/v1)'

/** What was given for a base URL that the client refuses, in words that never quote it (it may hold a password). */
function baseUrlGot(value: unknown): string | undefined {
  if (typeof value !== 'string') return shown(value)
  if (value === '') return 'an empty string'
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return 'text that is not an absolute URL (no scheme such as https://?)'
  }
  if (!/^https?:$/.test(url.protocol)) return `a URL of another scheme (${url.protocol.slice(0, 20)})`
  if (url.username || url.password) return 'a URL with a user or password'
  if (url.search || url.hash || value.includes('?') || value.includes('#')) return 'a URL with a query or fragment'
  return undefined
}

/**
 * Why the client would refuse `value` as its `baseUrl`, in words that never quote it (a URL may
 * hold a password): what it must be (`limit`) and what it was (`got`); `undefined` when the
 * client takes it. For a tool that reports a bad URL as its own usage error, in its own words:
 * `--base-url must be ${limit}, got ${got}`.
 */
export function baseUrlProblem(value: unknown): { limit: string; got: string } | undefined {
  const got = baseUrlGot(value)
  return got === undefined ? undefined : { limit: BASE_URL_LIMIT, got }
}

/** The base URL as the client joins paths onto it, without a trailing slash; `NcpValidationError` otherwise. */
export function baseUrlOption(value: unknown): string {
  const problem = baseUrlProblem(value)
  if (problem) throw new NcpValidationError({ field: 'baseUrl', ...problem })
  return new URL(value as string).href.replace(/\/+$/, '')
}

// What a header can carry as it is: printable ASCII, no space at either end.
const HEADER_SAFE = /^[!-~](?:[ -~]*[!-~])?$/

/** The `userAgent` option: text a header can carry, or nothing. */
export function userAgentOption(value: unknown): string | undefined {
  if (value === undefined || (typeof value === 'string' && HEADER_SAFE.test(value))) return value
  throw new NcpValidationError({ field: 'userAgent', limit: 'printable ASCII a header can carry, such as my-app/1.2', got: typeof value === 'string' ? 'other characters' : shown(value) })
}

/** A call's own options (`CallOptions`), each checked as the client's are. */
export function callLimits(options: { signal?: unknown; timeoutMs?: unknown; maxAttempts?: unknown } | undefined, timeoutMs: number, maxAttempts: number) {
  const signal = options?.signal
  if (signal !== undefined && typeof (signal as Partial<AbortSignal> | null)?.addEventListener !== 'function') {
    throw new NcpValidationError({ field: 'signal', limit: 'an AbortSignal', got: shown(signal) })
  }
  return {
    signal: signal as AbortSignal | undefined,
    timeoutMs: timeoutOption('timeoutMs', options?.timeoutMs, timeoutMs),
    maxAttempts: attemptsOption('maxAttempts', options?.maxAttempts, maxAttempts),
  }
}

import type { Clock } from './clock.js'
import type { Credentials, CredentialsProvider, Logger } from './options.js'

// What the transport, one attempt (attempt.ts) and the retry policy (retry-policy.ts) pass each
// other: the transport's configuration, one request going out, the answer coming back, and the
// timer that bounds an attempt. Apart from the three, so that each imports what they share and
// none imports another for its types.

export interface TransportConfig {
  /** Up to and including the base path, no trailing slash: `https://host/api/v1`. */
  baseUrl: string
  fetch: (input: string, init: RequestInit) => Promise<Response>
  credentials: Credentials | CredentialsProvider
  clock: Clock
  maxResponseBytes: number
  /** Whether `fetch` is Node's own, whose bodies a declared `Content-Length` bounds (see `readText`). */
  nodeFetch: boolean
  random: () => number
  /** The client's retry tokens (see retry-budget.ts). */
  retryBudget: number
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>
  /** Arms each attempt's timeout (`realTimer` outside tests). */
  timer: AttemptTimer
  logger: Logger | undefined
  /** Sent as `User-Agent` when given (the Node entry; browsers set their own). */
  userAgent: string | undefined
}

/** One request, as the caller has already validated and serialised it. */
export interface Outgoing {
  /** The operation, for messages and logs; `undefined` for a raw request the table does not describe. */
  operation: string | undefined
  method: string
  /** Path and query after the base path, percent-encoded as sent: `/api-keys/a%2Fb?limit=20`. */
  target: string
  body: string | undefined
  /** Whether a repeat has the effect of one request (the table's `idempotent`). */
  idempotent: boolean
  /** More request headers (the raw client's). */
  headers: Record<string, string> | undefined
  signal: AbortSignal | undefined
  timeoutMs: number
  maxAttempts: number
}

/** The answer of the last attempt, and what the retry policy made of it. */
export interface Answer {
  status: number
  headers: Headers
  text: string
  /** The secrets the call used (the secret key, every attempt's signature), for redacting whatever the server quoted back. */
  secrets: readonly string[]
  /** An earlier attempt got no answer after it may have reached the API, so it may have been carried out. */
  reached: boolean
  /** For an error status: whether the same request may succeed later (the policy's own rule). */
  retryable: boolean
  /** An error status's body parsed as JSON (`undefined` when it is not JSON, or for a success). */
  errorBody: unknown
  /** What to do next, when the policy knows better than the status's usual advice. */
  advice?: string
  /** How many attempts the call made, this one included. */
  attempts: number
  /** How long the last answer's `Retry-After` asked to wait, in ms, when it gave one that can be read. */
  retryAfterMs?: number | undefined
}

export type Send = (out: Outgoing) => Promise<Answer>

/**
 * Arms an attempt's timeout: calls `expire` once `ms` have passed, unless the returned function
 * disarms it first. Not an option of the client: users have `timeoutMs`; the tests give their own
 * timer, which expires an attempt exactly when they choose (once the server holds the request),
 * so no test races a timer against a request's arrival or waits the timeout out.
 */
export type AttemptTimer = (ms: number, expire: () => void) => () => void

/** The timer every client uses: Node's or the browser's `setTimeout`. */
export const realTimer: AttemptTimer = (ms, expire) => {
  const timer = setTimeout(expire, ms)
  return () => clearTimeout(timer)
}

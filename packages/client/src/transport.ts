import { createAttempt } from './attempt.js'
import type { Clock } from './clock.js'
import type { Credentials, CredentialsProvider, Logger } from './options.js'
import { NcpAbortError, NcpError } from './errors.js'
import { createRetryPolicy } from './retry-policy.js'

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

/**
 * Sends one request to NCP: attempt after attempt (attempt.ts: signed afresh with a fresh
 * timestamp and the learned clock offset, bounded by the attempt's timeout and the caller's
 * signal, no redirect followed, at most `maxResponseBytes` read) until the retry policy
 * (retry-policy.ts) says the call is done, waiting between attempts as it says.
 */
export function createTransport(config: TransportConfig): Send {
  const attempt = createAttempt(config)
  const policy = createRetryPolicy(config)
  return async (out) => {
    const next = policy.start(out)
    const secrets: string[] = []
    let n = 0
    try {
      for (;;) {
        out.signal?.throwIfAborted()
        const step = next(await attempt(out, ++n, secrets), n)
        if (step.done) {
          if ('error' in step) throw step.error
          return step.answer
        }
        if (step.delayMs === undefined) continue
        if (config.logger) config.logger.debug('ncp retry', { operation: out.operation, attempt: n, reason: step.reason, delayMs: step.delayMs })
        await config.sleep(step.delayMs, out.signal)
      }
    } catch (error) {
      // The caller's signal ended it, wherever it was (an attempt, the credentials provider, a
      // wait): the client's own error, with the signal's reason as its cause.
      if (out.signal?.aborted && !(error instanceof NcpError)) throw new NcpAbortError(out.operation, n, out.signal.reason)
      throw error
    }
  }
}

import type { Outcome } from './attempt.js'
import { type Clock, clockAdvice } from './clock.js'
import type { NcpNetworkError } from './errors.js'
import type { Logger } from './options.js'
import { backoffDelay, errorBodyOf, isAuthenticationFailure, isRetryableStatus, isThrottled, MAX_RETRY_AFTER_MS, retryAfterDelay } from './retry.js'
import { createRetryBudget, NO_ANSWER_RETRY_COST, RETRY_COST } from './retry-budget.js'
import type { Answer, Outgoing } from './exchange.js'

/** After an attempt: the call's result, or a wait before the next attempt. */
export type Next =
  | { readonly done: true; readonly answer: Answer }
  | { readonly done: true; readonly error: NcpNetworkError }
  /** Another attempt: after `delayMs` (a retry), or at once when there is none (re-signed with a corrected clock). */
  | { readonly done: false; readonly delayMs?: number; readonly reason?: string | number }

export interface RetryPolicyConfig {
  clock: Clock
  random: () => number
  logger: Logger | undefined
  /** The client's retry tokens (see retry-budget.ts): `Infinity` for no budget. */
  retryBudget: number
}

/**
 * The one place that decides what follows an attempt, and whether a final failure is
 * `retryable`. Per client: the retry budget. Per call: its attempts (`maxAttempts`, one more after
 * a clock correction), whether an earlier attempt may have reached the API (`reached`). The rules:
 *
 * - An answer from 200 to 299 is the result.
 * - NCP's 401 Authentication Failed (errorCode 200) whose `Date` is more than 4 minutes from the
 *   signed timestamp: the server's clock is learned and the request signed again at once, once
 *   per call (the request was refused before it did anything); but a clock more than 24 hours
 *   away is not followed, and the error says to fix the machine's clock.
 * - 429, 502, 503 and 504 are retried when a repeat is safe: the operation is idempotent, or the
 *   answer is NCP's throttling (refused before it was forwarded); after `Retry-After` when the
 *   server gives one (not over a minute: longer is returned), else after jittered backoff.
 * - No answer: retried when the operation is idempotent or the request cannot have reached the
 *   API (never sent, or failed before a connection: DNS, refused, no route, TLS).
 * - Every retry spends the client's retry budget, shared by all its calls; with too few tokens
 *   left the failure is the result. A success gives tokens back.
 */
export function createRetryPolicy(config: RetryPolicyConfig) {
  const { clock, random, logger } = config
  const budget = createRetryBudget(config.retryBudget)
  return {
    /** The policy of one call. */
    start(out: Outgoing) {
      let attempts = out.maxAttempts
      let skewCorrected = false
      let reached = false
      let lastRetryCost: number | undefined
      /** Whether the budget pays for a retry of `cost`; says so in the log when it does not. */
      const paid = (cost: number, attempt: number) => {
        if (budget.spend(cost)) {
          lastRetryCost = cost
          return true
        }
        if (logger) logger.debug('ncp retry budget spent', { operation: out.operation, attempt, cost })
        return false
      }

      return (outcome: Outcome, attempt: number): Next => {
        if (outcome.kind === 'no answer') {
          const { error } = outcome
          if (attempt >= attempts || !(out.idempotent || !outcome.reached) || !paid(NO_ANSWER_RETRY_COST, attempt)) return { done: true, error }
          reached ||= outcome.reached
          return { done: false, delayMs: backoffDelay(attempt, random), reason: error.name }
        }
        const { status, headers, text, secrets } = outcome
        // The call's result: this answer, with what the policy made of it.
        const done = (made: Pick<Answer, 'retryable' | 'errorBody' | 'advice' | 'retryAfterMs'>): Next => ({
          done: true,
          answer: { status, headers, text, secrets, reached, attempts: attempt, ...made },
        })
        if (status < 300) {
          budget.refund(lastRetryCost)
          return done({ retryable: false, errorBody: undefined })
        }
        // The error body is parsed once, here, for the checks below and for the error itself.
        const errorBody = errorBodyOf(text)
        // NCP refused the signature: perhaps its timestamp. Learn the server's clock from its Date
        // header, within a bound, and sign once more.
        if (isAuthenticationFailure(status, errorBody) && !skewCorrected) {
          const correction = clock.correct(outcome.timestamp, headers.get('date'))
          if (correction.kind === 'corrected') {
            skewCorrected = true
            attempts++
            if (logger) logger.debug('ncp clock corrected', { operation: out.operation, attempt, offsetMs: clock.offset() })
            return { done: false }
          }
          if (correction.kind === 'too far') {
            return done({ retryable: false, errorBody, advice: clockAdvice(correction.offsetMs) })
          }
        }
        const retryable = isRetryableStatus(status) && (out.idempotent || isThrottled(status, errorBody))
        const delayMs = retryAfterDelay(headers.get('retry-after'), clock.now())
        if (!retryable || attempt >= attempts || (delayMs ?? 0) > MAX_RETRY_AFTER_MS || !paid(RETRY_COST, attempt)) {
          return done({ retryable, errorBody, retryAfterMs: delayMs })
        }
        return { done: false, delayMs: delayMs ?? backoffDelay(attempt, random), reason: status }
      }
    },
  }
}

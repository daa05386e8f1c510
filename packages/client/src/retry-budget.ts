/**
 * A client's retry budget, as the AWS SDK's standard retry quota keeps one (smithy-typescript
 * `@smithy/util-retry`: INITIAL_RETRY_TOKENS 500, RETRY_COST 5, TIMEOUT_RETRY_COST 10,
 * NO_RETRY_INCREMENT 1): retries spend tokens and successes give them back, so when everything
 * fails the client stops multiplying the load (a storm of 503s over 1,000 calls sends about
 * 1,100 requests, not 3,000), while a lone call, or a few, keep their retries.
 */
export const DEFAULT_RETRY_BUDGET = 500
/** A retry after an answer (429, 502, 503, 504). */
export const RETRY_COST = 5
/** A retry after no answer (a timeout, a reset, a refused connection): the costlier to repeat. */
export const NO_ANSWER_RETRY_COST = 10
/** What a call that succeeded without a retry gives back. */
const SUCCESS_REFUND = 1

export interface RetryBudget {
  /** Takes `cost` tokens for a retry and says so; takes nothing and says no when fewer are left. */
  spend(cost: number): boolean
  /** A call succeeded: gives back what its last retry cost (`undefined`: it made none), up to the capacity. */
  refund(lastRetryCost: number | undefined): void
}

/** A budget of `capacity` tokens: `Infinity` never runs out, 0 allows no retry. */
export function createRetryBudget(capacity: number): RetryBudget {
  let tokens = capacity
  return {
    spend(cost) {
      if (tokens < cost) return false
      tokens -= cost
      return true
    },
    refund(lastRetryCost) {
      tokens = Math.min(capacity, tokens + (lastRetryCost ?? SUCCESS_REFUND))
    },
  }
}

import { parseHttpDate } from './http-date.js'

/** Largest gap between the signed timestamp and the server's clock that is not treated as skew. */
export const SKEW_THRESHOLD_MS = 4 * 60_000

/**
 * The local clock corrected by an offset learned from the server, like the AWS SDK's
 * `systemClockOffset`. The offset is one number, read once per signature, so concurrent
 * requests never sign with a half-updated value.
 */
export interface Clock {
  /** Corrected epoch milliseconds. */
  now(): number
  /** The learned correction in milliseconds (server minus local). */
  offset(): number
  /**
   * Given a refused request's signed timestamp and the response's `Date` header, learns the
   * offset when they are more than SKEW_THRESHOLD_MS apart; returns whether the request should
   * be signed again.
   */
  correct(signedTimestamp: number, serverDate: string | null): boolean
}

export function createClock(localNow: () => number): Clock {
  let offset = 0
  return {
    now: () => localNow() + offset,
    offset: () => offset,
    correct(signedTimestamp, serverDate) {
      const server = serverDate === null ? undefined : parseHttpDate(serverDate, localNow())
      if (server === undefined) return false
      if (Math.abs(server - signedTimestamp) <= SKEW_THRESHOLD_MS) return false
      offset = server - localNow()
      return true
    },
  }
}

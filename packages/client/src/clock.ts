import { parseHttpDate } from './http-date.js'

/** Largest gap between the signed timestamp and the server's clock that is not treated as skew. */
const SKEW_THRESHOLD_MS = 4 * 60_000
/**
 * The largest offset the client learns from a server. A machine's clock that is off by more
 * wants fixing, and following further would let an endpoint (a hostile one, or a proxy with a
 * wrong clock) have the client sign requests for any time it names, signatures that become valid
 * then: 30 days ahead, a regenerate signed today could be replayed in a month.
 */
export const MAX_SKEW_MS = 24 * 60 * 60_000

/** What a refused request's `Date` said of the clock. */
export type Correction =
  /** Nothing: no readable Date, or one within SKEW_THRESHOLD_MS of the signed timestamp. */
  | { readonly kind: 'none' }
  /** The offset was learned: sign again. */
  | { readonly kind: 'corrected' }
  /** The server's clock is more than MAX_SKEW_MS from the local one (`offsetMs`: server minus local): not followed. */
  | { readonly kind: 'too far'; readonly offsetMs: number }

/**
 * The local clock corrected by an offset learned from the server, like the AWS SDK's
 * `systemClockOffset`, within MAX_SKEW_MS. The offset is one number, read once per signature, so
 * concurrent requests never sign with a half-updated value.
 */
export interface Clock {
  /** Corrected epoch milliseconds. */
  now(): number
  /** The learned correction in milliseconds (server minus local). */
  offset(): number
  /**
   * Given a refused request's signed timestamp and the response's `Date` header, learns the
   * offset when they are more than SKEW_THRESHOLD_MS apart and the server's clock is within
   * MAX_SKEW_MS of the local one.
   */
  correct(signedTimestamp: number, serverDate: string | null): Correction
}

export function createClock(localNow: () => number): Clock {
  let offset = 0
  return {
    now: () => localNow() + offset,
    offset: () => offset,
    correct(signedTimestamp, serverDate) {
      const local = localNow()
      const server = serverDate === null ? undefined : parseHttpDate(serverDate, local)
      if (server === undefined || Math.abs(server - signedTimestamp) <= SKEW_THRESHOLD_MS) return { kind: 'none' }
      if (Math.abs(server - local) > MAX_SKEW_MS) return { kind: 'too far', offsetMs: server - local }
      offset = server - local
      return { kind: 'corrected' }
    },
  }
}

/** What to do about a clock the client would not follow, for the error's message. */
export function clockAdvice(offsetMs: number): string {
  const hours = Math.floor(Math.abs(offsetMs) / 3_600_000)
  const amount = hours >= 48 ? `${Math.floor(hours / 24)} days` : `${hours} hours`
  return `This machine's clock is ${offsetMs > 0 ? 'behind' : 'ahead of'} the server’s by ${amount} (by the answer's Date), more than the 24 hours the client corrects: fix this machine's clock, or check the base URL and any proxy in between.`
}

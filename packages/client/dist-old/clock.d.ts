/** Largest gap between the signed timestamp and the server's clock that is not treated as skew. */
export declare const SKEW_THRESHOLD_MS: number;
/**
 * The local clock corrected by an offset learned from the server, like the AWS SDK's
 * `systemClockOffset`. The offset is one number, read once per signature, so concurrent
 * requests never sign with a half-updated value.
 */
export interface Clock {
    /** Corrected epoch milliseconds. */
    now(): number;
    /** The learned correction in milliseconds (server minus local). */
    offset(): number;
    /**
     * Given a refused request's signed timestamp and the response's `Date` header, learns the
     * offset when they are more than SKEW_THRESHOLD_MS apart; returns whether the request should
     * be signed again.
     */
    correct(signedTimestamp: number, serverDate: string | null): boolean;
}
export declare function createClock(localNow: () => number): Clock;

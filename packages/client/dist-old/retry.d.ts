/** The answers that mean "try again later"; only idempotent requests are retried on them. */
export declare function isRetryableStatus(status: number): boolean;
/**
 * GET and PUT (getApiKey, updateApiKey) may be sent twice with the effect of once; POST
 * (createApiKey) would create a second key and PATCH (regenerateApiKey) rotate it twice.
 */
export declare function isIdempotent(method: string): boolean;
/** A longer `Retry-After` than this is not waited out: the error is returned instead. */
export declare const MAX_RETRY_AFTER_MS = 60000;
/** Exponential backoff with full jitter (as the AWS SDK): uniform in [0, min(cap, base * 2^(attempt-1))). */
export declare function backoffDelay(attempt: number, random: () => number): number;
/** Milliseconds asked for by a `Retry-After` header (seconds or an HTTP date), if it says anything usable. */
export declare function retryAfterDelay(header: string | null, now: number): number | undefined;

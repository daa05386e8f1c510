/** The answers that mean "try again later"; only idempotent requests are retried on them. */
export function isRetryableStatus(status) {
    return status === 429 || status === 502 || status === 503 || status === 504;
}
/**
 * GET and PUT (getApiKey, updateApiKey) may be sent twice with the effect of once; POST
 * (createApiKey) would create a second key and PATCH (regenerateApiKey) rotate it twice.
 */
export function isIdempotent(method) {
    return /^(GET|PUT|HEAD|OPTIONS|DELETE)$/.test(method);
}
const BASE_DELAY_MS = 100;
const MAX_DELAY_MS = 20_000;
/** A longer `Retry-After` than this is not waited out: the error is returned instead. */
export const MAX_RETRY_AFTER_MS = 60_000;
/** Exponential backoff with full jitter (as the AWS SDK): uniform in [0, min(cap, base * 2^(attempt-1))). */
export function backoffDelay(attempt, random) {
    return Math.floor(random() * Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** (attempt - 1)));
}
/** Milliseconds asked for by a `Retry-After` header (seconds or an HTTP date), if it says anything usable. */
export function retryAfterDelay(header, now) {
    if (header === null)
        return undefined;
    const value = header.trim();
    const ms = /^\d+$/.test(value) ? Number(value) * 1000 : Date.parse(value) - now;
    return Number.isNaN(ms) ? undefined : Math.max(0, ms);
}

/** Largest gap between the signed timestamp and the server's clock that is not treated as skew. */
export const SKEW_THRESHOLD_MS = 4 * 60_000;
export function createClock(localNow) {
    let offset = 0;
    return {
        now: () => localNow() + offset,
        offset: () => offset,
        correct(signedTimestamp, serverDate) {
            const server = serverDate === null ? Number.NaN : Date.parse(serverDate);
            if (!(Math.abs(server - signedTimestamp) > SKEW_THRESHOLD_MS))
                return false;
            offset = server - localNow();
            return true;
        },
    };
}

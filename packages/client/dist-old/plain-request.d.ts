/**
 * What openapi-fetch constructs for a high-level call instead of a `Request` (its `Request`
 * option). The transport reads only method, URL, headers, body and signal, and `fetch` builds
 * its own Request anyway; a real one costs tens of microseconds on Node (a parsed URL, an
 * AbortSignal, a body stream), a noticeable share of a loopback round trip.
 */
export declare class PlainRequest {
    readonly url: string;
    readonly method: string;
    readonly headers: Headers;
    readonly body: RequestInit['body'];
    readonly signal: AbortSignal | null;
    readonly redirect: RequestInit['redirect'];
    constructor(url: string, init: RequestInit);
}

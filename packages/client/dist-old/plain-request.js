/**
 * What openapi-fetch constructs for a high-level call instead of a `Request` (its `Request`
 * option). The transport reads only method, URL, headers, body and signal, and `fetch` builds
 * its own Request anyway; a real one costs tens of microseconds on Node (a parsed URL, an
 * AbortSignal, a body stream), a noticeable share of a loopback round trip.
 */
export class PlainRequest {
    url;
    method;
    headers;
    body;
    signal;
    redirect;
    constructor(url, init) {
        this.url = url;
        this.method = init.method;
        this.headers = init.headers instanceof Headers ? init.headers : new Headers(init.headers);
        this.body = init.body ?? null;
        this.signal = init.signal ?? null;
        this.redirect = init.redirect;
    }
}

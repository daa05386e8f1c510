import type { Clock } from './clock.js';
import type { Credentials, CredentialsProvider, Logger } from './options.js';
import { PlainRequest } from './plain-request.js';
export interface TransportConfig {
    fetch: (input: string, init: RequestInit) => Promise<Response>;
    credentials: Credentials | CredentialsProvider;
    clock: Clock;
    timeoutMs: number;
    maxAttempts: number;
    random: () => number;
    sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
    logger: Logger | undefined;
}
/**
 * What a high-level call shares with the transport: its operation, for errors and log lines, and
 * a slot for the answer's body. Constructing a Response with a body costs about a tenth of a
 * loopback round trip on Node (a web stream per body), so for these calls the transport hands
 * the bytes over here instead of wrapping them in a new Response.
 */
export interface CallContext {
    operation: string;
    body?: ArrayBuffer;
}
/** The transport's `fetch`: the raw client calls it with openapi-fetch's two arguments, a high-level call adds its context. */
export type Transport = (request: Request | PlainRequest, init?: RequestInit, context?: CallContext) => Promise<Response>;
export declare function createTransport(config: TransportConfig): Transport;

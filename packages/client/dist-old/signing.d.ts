import { type SignatureHeaders } from '@ncloud-apigw/signer';
import type { Middleware } from 'openapi-fetch';
import type { Credentials, CredentialsProvider } from './options.js';
/**
 * The one way this package signs: both the client's retry loop (before every attempt) and the
 * exported middleware call it. A provider is called each time, so rotated credentials are used.
 */
export declare function signatureHeaders(method: string, url: string, credentials: Credentials | CredentialsProvider, now: () => number): Promise<SignatureHeaders>;
export interface SigningMiddlewareOptions {
    credentials: Credentials | CredentialsProvider;
    /** Clock in epoch milliseconds; default `Date.now`. */
    now?: () => number;
}
/**
 * openapi-fetch middleware that adds NCP signature v2 headers, for the raw client of this or any
 * other NCP API. It signs once per call; the client from `createApiKeyClient` instead signs
 * every attempt inside its retry loop, so use that for retries and clock-skew correction.
 */
export declare function createSigningMiddleware({ credentials, now }: SigningMiddlewareOptions): Middleware;

import type { ApiKey, CreateApiKeyRequest, KeyType, paths, UpdateApiKeyRequest } from '@ncloud-apigw/types';
import type { Client } from 'openapi-fetch';
import type { Site } from './sites.js';
/** An NCP access key and its secret key (portal or Sub Account). */
export interface Credentials {
    accessKey: string;
    secretKey: string;
}
/** Returns credentials; called before each attempt, so cache inside it if fetching them is costly. */
export type CredentialsProvider = () => Credentials | Promise<Credentials>;
/** Receives what the client does, with secrets left out. */
export interface Logger {
    debug(message: string, meta: Record<string, unknown>): void;
}
export interface ApiKeyClientOptions {
    /**
     * Credentials or a provider of them. Default on Node: `NCLOUD_ACCESS_KEY_ID` (or
     * `NCLOUD_ACCESS_KEY`) with `NCLOUD_SECRET_ACCESS_KEY` (or `NCLOUD_SECRET_KEY`), then
     * `~/.ncloud/configure`. Required in browsers and workers.
     */
    credentials?: Credentials | CredentialsProvider;
    /** Node only: the profile (section) of `~/.ncloud/configure` to read; default `NCLOUD_PROFILE`, then `DEFAULT`. */
    profile?: string;
    /** NCP site; default `'public'` (on Node: `NCLOUD_SITE`, then the profile's `ncloud_api_url`). */
    site?: Site;
    /** Overrides `site`: the base URL up to and including `/api/v1` (tests, proxies). */
    baseUrl?: string;
    /** The `fetch` to send with; default `globalThis.fetch`. */
    fetch?: (input: string, init: RequestInit) => Promise<Response>;
    /** Per attempt, answer included; default 30000. */
    timeoutMs?: number;
    /** Attempts for getApiKey and updateApiKey (the others are never retried); default 3. */
    maxAttempts?: number;
    /** Receives a line per attempt, retry and clock correction; secrets are never passed to it. */
    logger?: Logger;
    /** Clock in epoch milliseconds; default `Date.now`. */
    now?: () => number;
    /** Source of jitter in [0, 1); default `Math.random`. */
    random?: () => number;
    /** Waits between retries; default a timer that the call's signal, when there is one, cancels. */
    sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}
export interface CallOptions {
    /** Cancels the call, retries and waits included. */
    signal?: AbortSignal;
}
/** The four operations, each returning the API key, and the typed openapi-fetch client beneath. */
export interface ApiKeyClient {
    /** `POST /api-keys`. Never retried automatically: a repeat would create a second key. */
    createApiKey(body: CreateApiKeyRequest, options?: CallOptions): Promise<ApiKey>;
    /** `GET /api-keys/{api-key-id}`. Retried on network errors, 429, 502, 503 and 504. */
    getApiKey(apiKeyId: string, options?: CallOptions): Promise<ApiKey>;
    /** `PUT /api-keys/{api-key-id}`. Retried on network errors, 429, 502, 503 and 504. */
    updateApiKey(apiKeyId: string, body: UpdateApiKeyRequest, options?: CallOptions): Promise<ApiKey>;
    /** `PATCH /api-keys/{api-key-id}`. Never retried automatically: a repeat would rotate the key twice. */
    regenerateApiKey(apiKeyId: string, keyType: KeyType, options?: CallOptions): Promise<ApiKey>;
    /** The typed openapi-fetch client, signed and retried the same way; it returns the documented shapes. */
    readonly raw: Client<paths, 'application/json'>;
}

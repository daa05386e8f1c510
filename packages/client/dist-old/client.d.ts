import type { ApiKeyClient, ApiKeyClientOptions, Credentials, CredentialsProvider } from './options.js';
/** What the runtime supplies when an option is absent (the Node entry reads env and file). */
export type Defaults = (options: ApiKeyClientOptions) => {
    credentials: Credentials | CredentialsProvider;
    site?: string | undefined;
};
export declare function createApiKeyClientWith(defaults: Defaults, options: ApiKeyClientOptions): ApiKeyClient;

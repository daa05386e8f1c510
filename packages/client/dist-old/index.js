/**
 * `@ncloud-apigw/client` for browsers, Deno, Bun and edge workers (the `default` export
 * condition): no `node:` imports, so credentials are given explicitly or by an async provider.
 * Node resolves to `node.ts`, which has the same API and adds the environment and
 * `~/.ncloud/configure` credentials chain.
 */
import { createApiKeyClientWith } from './client.js';
import { NcpCredentialsError } from './errors.js';
export { NcpApiError, NcpCredentialsError, NcpError, NcpNetworkError, NcpTimeoutError, NcpValidationError } from './errors.js';
export { createSigningMiddleware } from './signing.js';
export { sites } from './sites.js';
/** A client for the four API Key operations. */
export function createApiKeyClient(options = {}) {
    return createApiKeyClientWith(({ credentials, site }) => {
        if (!credentials)
            throw new NcpCredentialsError('No NCP credentials: pass the credentials option.', ['the credentials option (the only source outside Node)']);
        return { credentials, site };
    }, options);
}

/**
 * `@ncloud-apigw/client` for Node (the `node` export condition): the browser entry's API, plus
 * credentials from the environment and `~/.ncloud/configure`, and the site from `NCLOUD_SITE`.
 */
import { createApiKeyClientWith } from './client.js';
import { findCredentials } from './credentials-chain.js';
export { NcpApiError, NcpCredentialsError, NcpError, NcpNetworkError, NcpTimeoutError, NcpValidationError } from './errors.js';
export { createSigningMiddleware } from './signing.js';
export { sites } from './sites.js';
/** A client for the four API Key operations. */
export function createApiKeyClient(options = {}) {
    return createApiKeyClientWith((o) => {
        const site = o.site ?? (process.env.NCLOUD_SITE || undefined);
        if (o.credentials)
            return { credentials: o.credentials, site };
        const found = findCredentials(process.env, o.profile);
        return { credentials: found.credentials, site: site ?? found.site };
    }, options);
}

import type { Credentials } from './options.js';
import { type Site } from './sites.js';
export interface FoundCredentials {
    credentials: Credentials;
    /** The site named by the profile's `ncloud_api_url`, when credentials came from the file. */
    site?: Site;
}
/**
 * NCP's own SDKs' credentials chain after the explicit option: the environment
 * (`NCLOUD_ACCESS_KEY_ID` or `NCLOUD_ACCESS_KEY`, with `NCLOUD_SECRET_ACCESS_KEY` or
 * `NCLOUD_SECRET_KEY`), then `~/.ncloud/configure` (the `NCLOUD_PROFILE` or given profile's
 * section; else `[DEFAULT]`, else the keys before any section). Read synchronously, once per
 * client, so a missing credential fails at creation and names every place looked in.
 */
export declare function findCredentials(env: Record<string, string | undefined>, profile: string | undefined): FoundCredentials;

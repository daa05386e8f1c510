import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { parseConfigure } from './configure-file.js';
import { NcpCredentialsError } from './errors.js';
import { sites } from './sites.js';
// NCP's hosts differ by their registrable domain (ntruss.com, gov-ntruss.com, fin-ntruss.com),
// so `ncloud_api_url` (NCP's general API host of a site) names the site without another table.
function siteOfApiUrl(apiUrl) {
    if (!apiUrl)
        return undefined;
    const domain = (url) => new URL(url).hostname.split('.').slice(-2).join('.');
    try {
        const wanted = domain(apiUrl);
        return Object.keys(sites).find((site) => domain(sites[site]) === wanted);
    }
    catch {
        return undefined;
    }
}
/**
 * NCP's own SDKs' credentials chain after the explicit option: the environment
 * (`NCLOUD_ACCESS_KEY_ID` or `NCLOUD_ACCESS_KEY`, with `NCLOUD_SECRET_ACCESS_KEY` or
 * `NCLOUD_SECRET_KEY`), then `~/.ncloud/configure` (the `NCLOUD_PROFILE` or given profile's
 * section; else `[DEFAULT]`, else the keys before any section). Read synchronously, once per
 * client, so a missing credential fails at creation and names every place looked in.
 */
export function findCredentials(env, profile) {
    const searched = ['the credentials option: not given'];
    const accessKey = env.NCLOUD_ACCESS_KEY_ID || env.NCLOUD_ACCESS_KEY;
    const secretKey = env.NCLOUD_SECRET_ACCESS_KEY || env.NCLOUD_SECRET_KEY;
    if (accessKey && secretKey)
        return { credentials: { accessKey, secretKey } };
    searched.push(`environment variables NCLOUD_ACCESS_KEY_ID or NCLOUD_ACCESS_KEY, with NCLOUD_SECRET_ACCESS_KEY or NCLOUD_SECRET_KEY: ${accessKey ? 'an access key is set but no secret key' : secretKey ? 'a secret key is set but no access key' : 'not set'}`);
    const file = join(homedir(), '.ncloud', 'configure');
    const wanted = profile || env.NCLOUD_PROFILE;
    const place = `${file} (${wanted ? `profile "${wanted}"` : '[DEFAULT] or no section'})`;
    let text;
    try {
        text = readFileSync(file, 'utf8');
    }
    catch (error) {
        const code = error.code;
        searched.push(`${place}: ${code === 'ENOENT' ? 'no such file' : `could not be read (${code ?? 'error'})`}`);
    }
    if (text !== undefined) {
        const sections = parseConfigure(text);
        const name = wanted ?? (sections.has('DEFAULT') ? 'DEFAULT' : '');
        const section = sections.get(name);
        const fileAccessKey = section?.ncloud_access_key_id;
        const fileSecretKey = section?.ncloud_secret_access_key;
        if (fileAccessKey && fileSecretKey) {
            const site = siteOfApiUrl(section?.ncloud_api_url);
            return { credentials: { accessKey: fileAccessKey, secretKey: fileSecretKey }, ...(site && { site }) };
        }
        const named = [...sections.keys()].filter(Boolean).map((s) => `[${s}]`);
        searched.push(`${place}: ${section === undefined
            ? `no such section (found: ${named.join(', ') || 'none'})`
            : `ncloud_access_key_id and ncloud_secret_access_key are not both set`}`);
    }
    throw new NcpCredentialsError('No NCP credentials found. Set NCLOUD_ACCESS_KEY_ID and NCLOUD_SECRET_ACCESS_KEY, write ~/.ncloud/configure, or pass the credentials option.', searched);
}

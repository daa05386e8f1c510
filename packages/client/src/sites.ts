import { baseUrlOption } from './config.js'
import { envValue } from './env-value.js'
import { NcpValidationError } from './errors.js'

/**
 * The one place that knows NCP's sites and chooses one. The spec's `servers` list the same URLs;
 * a test holds this table to them.
 */
export const sites = {
  public: 'https://apigateway.apigw.ntruss.com/api/v1',
  gov: 'https://apigateway.apigw.gov-ntruss.com/api/v1',
  fin: 'https://apigateway.apigw.fin-ntruss.com/api/v1',
} as const

/** `'public' | 'gov' | 'fin'`. */
export type Site = keyof typeof sites

// NCP's general API gateway of each site, the value `ncloud_api_url` holds (NCP's CLI writes
// the public one; NCP's Terraform provider sets NCLOUD_API_GW to the gov and fin ones). Used to
// tell a user what to write; the site itself is matched by domain against `sites`.
export const apiUrls: Record<Site, string> = {
  public: 'https://ncloud.apigw.ntruss.com',
  gov: 'https://ncloud.apigw.gov-ntruss.com',
  fin: 'https://fin-ncloud.apigw.fin-ntruss.com',
}

/** A registrable domain such as `gov-ntruss.com`, lower-cased and without a trailing dot. */
function domainOf(hostname: string): string {
  return hostname.toLowerCase().replace(/\.$/, '').split('.').slice(-2).join('.')
}

/**
 * NCP's hosts differ by their registrable domain (ntruss.com, gov-ntruss.com, fin-ntruss.com),
 * so `ncloud_api_url` (NCP's general API host of a site) names the site without another table.
 * A bare host is taken as https. No site when the value names none: the caller must refuse it,
 * since falling back to public would send gov or fin credentials to the public site.
 */
export function siteOfApiUrl(apiUrl: string): { site?: Site | undefined; host?: string } {
  let url: URL
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(apiUrl) ? apiUrl : `https://${apiUrl}`)
  } catch {
    return {}
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || !url.hostname) return url.hostname ? { host: url.hostname } : {}
  const wanted = domainOf(url.hostname)
  return { site: (Object.keys(sites) as Site[]).find((site) => domainOf(new URL(sites[site]).hostname) === wanted), host: url.hostname }
}

/** Where the site may come from, each optional: what a program has of them. */
export interface SiteSources {
  /** The `baseUrl` option, which overrides every site: checked as `baseUrlProblem` checks it. */
  baseUrl?: unknown
  /** The `site` option. */
  site?: unknown
  /** The environment, for `NCLOUD_SITE` (trimmed, blank counting as unset); Node's `process.env`. */
  env?: Readonly<Record<string, string | undefined>> | undefined
  /** What `findNcpCredentials` found: the site its profile's `ncloud_api_url` names, or why it names none. */
  found?: { readonly site?: Site | undefined; readonly siteError?: Error | undefined } | undefined
}

/** The site chosen, and what chose it. */
export interface SiteChoice {
  /** Where requests go, up to and including `/api/v1`, without a trailing slash. */
  baseUrl: string
  /** The site, or `undefined` when `baseUrl` was given. */
  site: Site | undefined
  /** What chose it. */
  from: 'baseUrl' | 'site' | 'NCLOUD_SITE' | 'profile' | 'default'
}

/**
 * The base URL a client sends to, chosen as the client chooses it: the `baseUrl` option; else the
 * `site` option; else `NCLOUD_SITE`; else the site of the profile's `ncloud_api_url`; else
 * public. A profile whose `ncloud_api_url` names no NCP site fails only when the site is taken
 * from it. Throws `NcpValidationError` naming the option or variable at fault (`baseUrl`, `site`,
 * `NCLOUD_SITE`), or the profile's `siteError`.
 */
export function chooseSite({ baseUrl, site, env, found }: SiteSources = {}): SiteChoice {
  if (baseUrl !== undefined) return { baseUrl: baseUrlOption(baseUrl), site: undefined, from: 'baseUrl' }
  const variable = envValue(env?.NCLOUD_SITE)
  const [name, from]: [unknown, SiteChoice['from']] =
    site !== undefined ? [site, 'site'] : variable !== undefined ? [variable, 'NCLOUD_SITE'] : found?.site ? [found.site, 'profile'] : ['public', 'default']
  if (from === 'default' && found?.siteError) throw found.siteError
  if (typeof name !== 'string' || !Object.hasOwn(sites, name)) throw new NcpValidationError({ field: from, limit: `one of ${Object.keys(sites).join(', ')}` })
  return { baseUrl: sites[name as Site], site: name as Site, from }
}

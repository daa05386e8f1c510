import type { Defaults } from './client.js'
import { findCredentials } from './credentials-chain.js'
import { proxyFetch } from './proxy.js'
import { userAgent } from './user-agent.js'

/**
 * What the Node entry supplies when an option is absent: credentials from the environment and
 * `~/.ncloud/configure`, the site from `NCLOUD_SITE`, a proxy from `HTTPS_PROXY`/`HTTP_PROXY`,
 * and a User-Agent naming the package and Node. Apart from `node.ts` so the tests can make the
 * Node entry's client with their own attempt timer, and `node.ts` exports only the public API.
 */
export const nodeDefaults: Defaults = (o) => {
  const agent = userAgent(`node/${process.versions.node}`, o.userAgent)
  const fetch = o.fetch ? undefined : proxyFetch(process.env)
  const fromEnv = o.site === undefined && !!process.env.NCLOUD_SITE
  const site = o.site ?? (process.env.NCLOUD_SITE || undefined)
  const siteFrom = fromEnv ? 'NCLOUD_SITE' : 'site'
  // Without a fetch option the fetch is Node's own (undici's, behind a proxy), which frames bodies.
  const common = { siteFrom, userAgent: agent, fetch, framed: true }
  if (o.credentials) return { ...common, credentials: o.credentials, site }
  const found = findCredentials(process.env, o.profile)
  return { ...common, credentials: found.credentials, site: site ?? found.site }
}

import type { ResolveDefaults } from './client.js'
import { findCredentials } from './credentials-chain.js'
import { proxyFetch } from './proxy.js'
import { userAgent } from './user-agent.js'

/**
 * What the Node entry supplies when an option is absent: credentials from the environment and
 * `~/.ncloud/configure` (with the site its profile names), the environment for `NCLOUD_SITE`, a
 * proxy from `HTTPS_PROXY`/`HTTP_PROXY`, and a User-Agent naming the package and Node. Apart from
 * `node.ts` so the tests can make the Node entry's client with their own attempt timer, and
 * `node.ts` exports only the public API.
 */
export const nodeDefaults: ResolveDefaults = (options) => {
  // Without a fetch option the fetch is Node's own (undici's, behind a proxy), which frames bodies.
  const common = { env: process.env, userAgent: userAgent(`node/${process.versions.node}`, options.userAgent), fetch: options.fetch ? undefined : proxyFetch(process.env), nodeFetch: true }
  if (options.credentials) return { ...common, credentials: options.credentials }
  const found = findCredentials(process.env, options.profile)
  return { ...common, credentials: found.credentials, found }
}

import { type Site, sites } from '@ncloud-apigw/client'
import type { TestProject } from 'vitest/node'
import { startPrism } from '../prism.js'
import { writePrismSpec } from '../prism-spec.js'
import { reachNcp } from '../reach-ncp.js'

declare module 'vitest' {
  export interface ProvidedContext {
    /** Base URL of `prism proxy --errors` in front of NCP's real API Gateway. */
    liveProxyUrl: string
    liveSite: string
  }
}

/**
 * `pnpm contract:live`: the contract check against NCP itself (live-preflight.mjs has already
 * refused to start without credentials). Puts Prism's validation proxy in front of the site's
 * API Gateway.
 */
export default async function setup(project: TestProject) {
  const site = (process.env.NCLOUD_SITE || 'public') as Site
  if (!Object.hasOwn(sites, site)) throw new Error(`NCLOUD_SITE must be one of ${Object.keys(sites).join(', ')}, got ${site}`)

  // Prism would turn a DNS failure into its own 500: say plainly when the network is the problem.
  const unreachable = await reachNcp(new URL(sites[site]).hostname)
  if (unreachable) throw new Error(`pnpm contract:live ${unreachable}`)
  const { path, basePath } = writePrismSpec()
  const proxy = await startPrism(path, { mode: 'proxy', upstream: new URL(sites[site]).origin })
  project.provide('liveProxyUrl', `${proxy.origin}${basePath}`)
  project.provide('liveSite', site)
  return proxy.stop
}

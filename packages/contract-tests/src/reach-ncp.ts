import { lookup as dnsLookup } from 'node:dns/promises'

/** Resolves a host name, as `lookup` of `node:dns/promises` does; rejects with an errno code when it cannot. */
export type Lookup = (host: string) => Promise<unknown>

/**
 * Whether NCP's host can be reached by name, checked before Prism stands in front of it: Prism
 * turns a DNS failure upstream into its own HTTP 500 ("Retry later"), which points away from the
 * real problem, the network. Undefined when the host resolves; otherwise what to tell the user,
 * to follow the name of the command (`pnpm start --live cannot reach NCP: ...`).
 */
export async function reachNcp(host: string, lookup: Lookup = dnsLookup): Promise<string | undefined> {
  try {
    await lookup(host)
    return undefined
  } catch (error) {
    const code = (error as NodeJS.ErrnoException | undefined)?.code ?? String(error)
    return `cannot reach NCP: ${host} does not resolve (${code}). Check the network or the proxy settings, then run it again.`
  }
}

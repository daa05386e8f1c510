/**
 * Node's `fetch` ignores `HTTPS_PROXY` and friends (Node 24 reads them only with
 * `NODE_USE_ENV_PROXY`, which Node 20 and 22 lack), so when one is set the client sends through
 * undici's `EnvHttpProxyAgent`, which tunnels with CONNECT and skips the hosts `NO_PROXY` names.
 * As curl and the AWS CLI do, an https: URL goes through `HTTPS_PROXY` only and an http: URL
 * through `HTTP_PROXY` only (lowercase names first); without the one its scheme needs, a request
 * goes direct. The environment is read once, when the client is created. undici is loaded only
 * when a request goes through a proxy, so a process without one never pays for it.
 */
type Fetch = (input: string, init: RequestInit) => Promise<Response>

export function proxyFetch(env: Record<string, string | undefined>): Fetch | undefined {
  const httpProxy = env.http_proxy || env.HTTP_PROXY || undefined
  const httpsProxy = env.https_proxy || env.HTTPS_PROXY || undefined
  if (!httpProxy && !httpsProxy) return undefined
  const noProxy = env.no_proxy ?? env.NO_PROXY ?? ''
  let loaded: Promise<Fetch> | undefined
  return async (input, init) => {
    if (!(input.startsWith('https:') ? httpsProxy : httpProxy)) return globalThis.fetch(input, init)
    loaded ??= import('undici').then(({ EnvHttpProxyAgent, fetch }) => {
      const dispatcher = new EnvHttpProxyAgent({ httpProxy: httpProxy ?? '', httpsProxy: httpsProxy ?? '', noProxy })
      return (url: string, options: RequestInit) => fetch(url, { ...(options as object), dispatcher }) as unknown as Promise<Response>
    })
    return (await loaded)(input, init)
  }
}

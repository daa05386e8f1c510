// HTTP(S) proxies from the environment, as curl and the AWS CLI read them: an https: URL through
// HTTPS_PROXY, an http: URL through HTTP_PROXY (lowercase names first), hosts in NO_PROXY direct.
// Tested through a real CONNECT proxy on loopback, with the signature still valid at the server.
// The environment is read when the client is made, so each test sets it, makes the client and
// puts it back at once.
import { afterEach, describe, expect, test } from 'vitest'
import { untimedClient } from '../test/fixtures/attempt-timer.js'
import { type ConnectProxy, startConnectProxy } from '../test/fixtures/connect-proxy.js'
import { type Loopback, refusedPort, sendJson, startServer } from '../test/fixtures/loopback.js'
import { apiKey, credentials, page } from '../test/fixtures/scripted-fetch.js'
import pkg from '../package.json' with { type: 'json' }
import { version } from './generated/version.js'
import { type ApiKeyClientOptions, createRawClient } from './node.js'
import { proxyFetch } from './proxy.js'

const PROXY_VARIABLES = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy', 'NO_PROXY', 'no_proxy'] as const

/** Makes a client with exactly `env` as the proxy variables, then restores them. */
function clientWith(env: Partial<Record<(typeof PROXY_VARIABLES)[number], string>>, options: ApiKeyClientOptions) {
  const saved = Object.fromEntries(PROXY_VARIABLES.map((name) => [name, process.env[name]]))
  try {
    for (const name of PROXY_VARIABLES) {
      if (env[name] === undefined) delete process.env[name]
      else process.env[name] = env[name]
    }
    return untimedClient({ credentials, random: () => 0, ...options })
  } finally {
    for (const name of PROXY_VARIABLES) {
      if (saved[name] === undefined) delete process.env[name]
      else process.env[name] = saved[name]
    }
  }
}

let server: Loopback
let proxy: ConnectProxy
const started: { close(): Promise<void> }[] = []
afterEach(async () => {
  await Promise.all(started.splice(0).map((s) => s.close()))
})

async function start() {
  server = await startServer((request, res) => (/^\/api\/v1\/api-keys(\?|$)/.test(request.target) ? sendJson(res, 200, page([])) : sendJson(res, 200, apiKey)))
  proxy = await startConnectProxy()
  started.push(server, proxy)
  return { host: new URL(server.origin).host }
}

describe('HTTP_PROXY for an http: base URL', () => {
  test('goes through the CONNECT proxy, and the signature is valid at the server', async () => {
    const { host } = await start()
    const apigw = clientWith({ HTTP_PROXY: proxy.url }, { baseUrl: server.baseUrl })
    expect(await apigw.getApiKey('k')).toEqual(apiKey)
    await apigw.listApiKeys({ offset: 0, limit: 20, apiKeyName: 'a b' })
    expect(proxy.tunnels).toContain(host)
    expect(server.received.map((r) => [r.target, r.signatureValid])).toEqual([
      ['/api/v1/api-keys/k', true],
      ['/api/v1/api-keys?offset=0&limit=20&apiKeyName=a%20b', true],
    ])
  })

  test('lowercase http_proxy too, and the raw client goes the same way', async () => {
    const { host } = await start()
    const apigw = clientWith({ http_proxy: proxy.url }, { baseUrl: server.baseUrl })
    const { data } = await createRawClient(apigw).GET('/api-keys/{api-key-id}', { params: { path: { 'api-key-id': 'k' } } })
    expect(data).toEqual(apiKey)
    expect(proxy.tunnels).toEqual([host])
    expect(server.received[0]!.signatureValid).toBe(true)
  })

  test('credentials in the proxy URL become Proxy-Authorization', async () => {
    await start()
    const url = new URL(proxy.url)
    url.username = 'proxyuser'
    url.password = 'proxypass'
    await clientWith({ HTTP_PROXY: url.href }, { baseUrl: server.baseUrl }).getApiKey('k')
    expect(proxy.authorizations).toEqual([`Basic ${Buffer.from('proxyuser:proxypass').toString('base64')}`])
  })

  test.each(['127.0.0.1', '127.0.0.1,other.example', '*'])('NO_PROXY=%s bypasses it', async (noProxy) => {
    await start()
    await clientWith({ HTTP_PROXY: proxy.url, NO_PROXY: noProxy }, { baseUrl: server.baseUrl }).getApiKey('k')
    expect(proxy.tunnels).toEqual([])
    expect(server.received).toHaveLength(1)
  })

  test('HTTPS_PROXY alone does not apply to an http: URL: direct, as curl does', async () => {
    await start()
    await clientWith({ HTTPS_PROXY: proxy.url }, { baseUrl: server.baseUrl }).getApiKey('k')
    expect(proxy.tunnels).toEqual([])
    expect(server.received).toHaveLength(1)
  })

  test('a proxy that refuses connections: NcpNetworkError, and even createApiKey is retried (nothing was sent)', async () => {
    await start()
    const port = await refusedPort()
    const apigw = clientWith({ HTTP_PROXY: `http://127.0.0.1:${port}` }, { baseUrl: server.baseUrl, maxAttempts: 2 })
    await expect(apigw.createApiKey({ apiKeyName: 'ci-bot' })).rejects.toMatchObject({ name: 'NcpNetworkError', attempts: 2 })
    expect(server.received).toHaveLength(0)
  })
})

describe('HTTPS_PROXY for an https: base URL', () => {
  test('asks the proxy for a tunnel to the host on 443', async () => {
    await start()
    const apigw = clientWith({ HTTPS_PROXY: proxy.url }, { baseUrl: 'https://apigw.invalid/api/v1', maxAttempts: 1 })
    await expect(apigw.getApiKey('k')).rejects.toMatchObject({ name: 'NcpNetworkError' })
    expect(proxy.tunnels).toEqual(['apigw.invalid:443'])
  })

  test('HTTP_PROXY alone does not apply to an https: URL: direct, as curl does', async () => {
    await start()
    const apigw = clientWith({ HTTP_PROXY: proxy.url }, { baseUrl: 'https://apigw.invalid/api/v1', maxAttempts: 1 })
    await expect(apigw.getApiKey('k')).rejects.toMatchObject({ name: 'NcpNetworkError' })
    expect(proxy.tunnels).toEqual([])
  })

  test('NO_PROXY names the host: direct', async () => {
    await start()
    const apigw = clientWith({ HTTPS_PROXY: proxy.url, NO_PROXY: '.invalid' }, { baseUrl: 'https://apigw.invalid/api/v1', maxAttempts: 1 })
    await expect(apigw.getApiKey('k')).rejects.toMatchObject({ name: 'NcpNetworkError' })
    expect(proxy.tunnels).toEqual([])
  })
})

describe('without proxy variables', () => {
  test('no proxy fetch at all: the platform fetch, and undici is never loaded', () => {
    expect(proxyFetch({})).toBeUndefined()
    expect(proxyFetch({ HTTPS_PROXY: '', http_proxy: '' })).toBeUndefined()
    expect(proxyFetch({ NO_PROXY: '*' })).toBeUndefined()
  })

  test('a fetch option wins over the environment', async () => {
    await start()
    let calls = 0
    const apigw = clientWith({ HTTP_PROXY: proxy.url }, { baseUrl: server.baseUrl, fetch: (url, init) => (calls++, fetch(url, init)) })
    await apigw.getApiKey('k')
    expect(calls).toBe(1)
    expect(proxy.tunnels).toEqual([])
  })
})

describe('User-Agent', () => {
  test('names the package, its version and Node, as the server records it', async () => {
    await start()
    await clientWith({}, { baseUrl: server.baseUrl }).getApiKey('k')
    expect(version).toBe(pkg.version)
    expect(server.received[0]!.headers['user-agent']).toBe(`ncloud-apigw-client/${pkg.version} node/${process.versions.node}`)
  })

  test('the userAgent option is appended, on every operation and through a proxy', async () => {
    await start()
    const apigw = clientWith({ HTTP_PROXY: proxy.url }, { baseUrl: server.baseUrl, userAgent: 'my-app/1.2' })
    await apigw.getApiKey('k')
    await apigw.listApiKeys()
    await createRawClient(apigw).GET('/api-keys/{api-key-id}', { params: { path: { 'api-key-id': 'k' } }, headers: { 'user-agent': 'overridden' } })
    expect(server.received.map((r) => r.headers['user-agent'])).toEqual(
      Array(3).fill(`ncloud-apigw-client/${pkg.version} node/${process.versions.node} my-app/1.2`),
    )
  })
})

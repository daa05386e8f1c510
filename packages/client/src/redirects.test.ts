// Redirects and statuses HTTP has not, from real servers on loopback. No redirect is followed by
// any method or by the raw client: a redirect would carry the signature headers (and a body) to
// another host and hand back that host's answer as if it were NCP's. Statuses outside 200..599
// are a typed error too, never a RangeError.
import { operationIds, operations } from '@ncloud-apigw/operations'
import { afterEach, describe, expect, test } from 'vitest'
import { untimedClient } from '../test/fixtures/attempt-timer.js'
import { calls } from '../test/fixtures/calls.js'
import { type Loopback, startRawServer, startServer } from '../test/fixtures/loopback.js'
import { apiKey, credentials, json, scriptedFetch } from '../test/fixtures/scripted-fetch.js'
import { NcpApiError } from './errors.js'
import { createApiKeyClient as createBrowserClient } from './index.js'
import { createApiKeyClient, createRawClient } from './node.js'

const servers: Loopback[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()))
})

/** A server B that must never be reached, and a server A that redirects every request to it. */
async function redirecting(status: number) {
  const target = await startServer((_r, res) => {
    res.writeHead(200, { 'content-type': 'application/json' })
    res.end(JSON.stringify({ apiKey: { ...apiKey, primaryKey: 'FROM-THE-OTHER-HOST' } }))
  })
  const origin = await startServer((request, res) => {
    res.writeHead(status, { location: `${target.origin}/steal${request.target}?sig=${request.headers['x-ncp-apigw-signature-v2']}` })
    res.end()
  })
  servers.push(target, origin)
  return { origin, target }
}

const REDIRECTS = [301, 302, 303, 307, 308]

describe.each(REDIRECTS)('HTTP %i', (status) => {
  test.each(operationIds)('%s: not followed, a typed NcpApiError naming the status and the target origin, nothing sent there, not retried', async (operation) => {
    const { origin, target } = await redirecting(status)
    const apigw = untimedClient({ credentials, baseUrl: origin.baseUrl, maxAttempts: 3, random: () => 0 })
    const error = await calls[operation](apigw, 'k').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(NcpApiError)
    expect(error).toMatchObject({ name: 'NcpApiError', operation, status, location: target.origin, retryable: false })
    expect((error as Error).message).toContain(`HTTP ${status} redirecting to ${target.origin}`)
    expect((error as Error).message).not.toContain('sig=')
    expect(origin.received).toHaveLength(1)
    expect(origin.received[0]!.method).toBe(operations[operation].method)
    expect(target.received).toHaveLength(0)
  })

  test('the raw client does not follow it either: GET and PUT with a body, sent once', async () => {
    const { origin, target } = await redirecting(status)
    const raw = createRawClient(untimedClient({ credentials, baseUrl: origin.baseUrl, random: () => 0 }))
    const path = { 'api-key-id': 'k' }
    await expect(raw.GET('/api-keys/{api-key-id}', { params: { path } })).rejects.toMatchObject({ name: 'NcpApiError', status, location: target.origin })
    await expect(raw.PUT('/api-keys/{api-key-id}', { params: { path }, body: { apiKeyName: 'ci-bot', isEnabled: true } })).rejects.toMatchObject({ name: 'NcpApiError', status })
    expect(origin.received.map((r) => r.method)).toEqual(['GET', 'PUT'])
    expect(target.received).toHaveLength(0)
  })
})

test('a redirect answering a request with a body (PUT, 307): the typed error, sent once, never "got no answer"', async () => {
  const { origin, target } = await redirecting(307)
  const apigw = untimedClient({ credentials, baseUrl: origin.baseUrl, maxAttempts: 3, random: () => 0 })
  const error = await apigw.updateApiKey('k', { apiKeyName: 'renamed', isEnabled: false }).catch((e: unknown) => e)
  expect(error).toMatchObject({ name: 'NcpApiError', status: 307, retryable: false })
  expect((error as Error).message).not.toMatch(/got no answer|detached/)
  expect(origin.received).toHaveLength(1)
  expect(JSON.parse(origin.received[0]!.body)).toEqual({ apiKeyName: 'renamed', isEnabled: false })
  expect(target.received).toHaveLength(0)
})

test('https to http: fetch is told not to follow, and the error names the http origin', async () => {
  const { fetch, seen } = scriptedFetch(new Response(null, { status: 301, headers: { location: 'http://attacker.example:8080/api/v1/api-keys/k' } }))
  const inits: RequestInit[] = []
  const apigw = createApiKeyClient({ credentials, baseUrl: 'https://apigw.test/api/v1', fetch: (url, init) => (inits.push(init), fetch(url, init)) })
  await expect(apigw.getApiKey('k')).rejects.toMatchObject({ status: 301, location: 'http://attacker.example:8080' })
  expect(inits.map((i) => i.redirect)).toEqual(['manual'])
  expect(seen).toHaveLength(1)
})

test('a 3xx without a Location, or with one that is not a URL, is the typed error too, without a location', async () => {
  for (const headers of [{}, { location: 'http://[bad' }]) {
    const { fetch } = scriptedFetch(new Response(null, { status: 302, headers }))
    const error = (await createApiKeyClient({ credentials, baseUrl: 'https://apigw.test/api/v1', fetch }).getApiKey('k').catch((e: unknown) => e)) as NcpApiError
    expect(error).toMatchObject({ name: 'NcpApiError', status: 302, location: undefined })
    expect(error.message).toBe("getApiKey failed: HTTP 302 redirecting, which NCP's API never does, so it was not followed and nothing was sent there. Check the base URL and any proxy in between.")
  }
})

describe('the browser entry', () => {
  // What a browser's fetch answers a redirect with under redirect: 'manual': an opaque redirect,
  // status 0, no headers, no body. Node's Response cannot be made with status 0, so it is mimicked.
  const opaque = (type: string, url = 'https://apigw.test/api/v1/api-keys/k') =>
    ({ type, status: 0, statusText: '', url, headers: new Headers(), body: null, ok: false, redirected: false }) as unknown as Response

  test.each(operationIds)('%s: an opaque redirect is a typed NcpApiError, never followed, never retried', async (operation) => {
    const inits: RequestInit[] = []
    const apigw = createBrowserClient({
      credentials,
      baseUrl: 'https://apigw.test/api/v1',
      maxAttempts: 3,
      fetch: async (_url, init) => (inits.push(init), opaque('opaqueredirect')),
    })
    const error = await calls[operation](apigw, 'k').catch((e: unknown) => e)
    expect(error).toMatchObject({ name: 'NcpApiError', operation, status: 0, location: undefined, retryable: false })
    // The browser hides where it pointed: the error must not claim the request's own origin.
    expect((error as Error).message).toMatch(/HTTP 0 redirecting, which NCP's API never does/)
    expect(inits.map((i) => i.redirect)).toEqual(['manual'])
  })

  test('an opaque answer of status 0 that is not a redirect is a typed NcpApiError too', async () => {
    const apigw = createBrowserClient({ credentials, baseUrl: 'https://apigw.test/api/v1', fetch: async () => opaque('opaque') })
    await expect(apigw.getApiKey('k')).rejects.toMatchObject({ name: 'NcpApiError', status: 0, message: expect.stringContaining('not an HTTP status') })
  })

  test('the browser entry sends no User-Agent of its own: the browser sets it', async () => {
    const { fetch, seen } = scriptedFetch(json(apiKey))
    await createBrowserClient({ credentials, baseUrl: 'https://apigw.test/api/v1', fetch, userAgent: 'my-app/1.2' }).getApiKey('k')
    expect(seen[0]!.headers.get('user-agent')).toBeNull()
  })
})

describe('statuses outside 200..599', () => {
  test.each([600, 999])('HTTP %i from a real server: a typed NcpApiError for every operation, not retried', async (status) => {
    for (const operation of operationIds) {
      const server = await startRawServer(() => `HTTP/1.1 ${status} Odd\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}`)
      servers.push(server)
      const apigw = untimedClient({ credentials, baseUrl: server.baseUrl, maxAttempts: 3, random: () => 0 })
      const error = await calls[operation](apigw, 'k').catch((e: unknown) => e)
      expect(error).toBeInstanceOf(NcpApiError)
      expect(error).toMatchObject({ operation, status, retryable: false })
      expect((error as Error).message).toBe(`${operation} failed: HTTP ${status} which is not an HTTP status (200 to 599). Check the base URL and any proxy in between.`)
      expect(server.connections).toBe(1)
    }
  })

  test('through the raw client too: NcpApiError, not a RangeError from new Response', async () => {
    const server = await startRawServer(() => 'HTTP/1.1 600 Odd\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}')
    servers.push(server)
    const raw = createRawClient(untimedClient({ credentials, baseUrl: server.baseUrl }))
    const error = await raw.GET('/api-keys', {}).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(NcpApiError)
    expect(error).not.toBeInstanceOf(RangeError)
    expect(error).toMatchObject({ status: 600, operation: 'listApiKeys' })
  })
})

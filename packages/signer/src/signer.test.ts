import { createHmac } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, test, vi } from 'vitest'
import * as webEntry from './index.js'
import * as nodeEntry from './node.js'

// An independent reference: NCP's signature v2 written out from the spec's description.
function reference(method: string, pathWithQuery: string, timestamp: string, accessKey: string, secretKey: string) {
  return createHmac('sha256', secretKey).update(`${method} ${pathWithQuery}\n${timestamp}\n${accessKey}`).digest('base64')
}

// The bundled spec, read by path: only this test needs it (turbo.json orders the bundle first),
// so the signer's build does not depend on the spec.
const spec = JSON.parse(readFileSync(fileURLToPath(new URL('../../../spec/dist/openapi.json', import.meta.url)), 'utf8'))
const examples = spec.info['x-signature-v2-examples'] as {
  summary: string
  method: string
  url: string
  pathWithQuery: string
  timestamp: string
  accessKey: string
  secretKey: string
  stringToSign: string
  signature: string
}[]

const vectors = [
  { method: 'GET', pathWithQuery: '/api/v1/api-keys/cvcohvd2xj', timestamp: '1715065692000', accessKey: 'AK1', secretKey: 's' },
  { method: 'POST', pathWithQuery: '/api/v1/api-keys', timestamp: '0', accessKey: 'NCPEXAMPLE', secretKey: 'a'.repeat(200) },
  { method: 'PUT', pathWithQuery: '/api/v1/api-keys/a%2Fb%3Fc%23d%25e%20f', timestamp: '1', accessKey: 'x', secretKey: 'sécret-키-🔑' },
  { method: 'PATCH', pathWithQuery: '/api/v1/api-keys/%ED%82%A4?a=1&a=2&b=&c', timestamp: '99999999999999', accessKey: 'k', secretKey: '\u0000\u00ff' },
  { method: 'DELETE', pathWithQuery: '/', timestamp: '1715065692123', accessKey: '', secretKey: 'z' },
]

describe.each([
  ['Web Crypto entry', webEntry],
  ['node:crypto entry', nodeEntry],
])('%s', (_name, signer) => {
  test.each(examples.map((example) => [example.summary, example] as const))("reproduces the spec's worked example: %s", async (_summary, example) => {
    const input = { ...example, timestamp: example.timestamp }
    expect(signer.stringToSign(input)).toBe(example.stringToSign)
    expect(await signer.sign(input)).toBe(example.signature)
    const headers = await signer.signRequest({
      method: example.method,
      url: example.url,
      accessKey: example.accessKey,
      secretKey: example.secretKey,
      now: () => Number(example.timestamp),
    })
    expect(headers).toEqual({
      'x-ncp-apigw-timestamp': example.timestamp,
      'x-ncp-iam-access-key': example.accessKey,
      'x-ncp-apigw-signature-v2': example.signature,
    })
  })

  test('agrees with an independent createHmac reference', async () => {
    for (const v of vectors) {
      expect(await signer.sign(v)).toBe(reference(v.method, v.pathWithQuery, v.timestamp, v.accessKey, v.secretKey))
    }
  })

  test('the reference agrees with the spec examples, so both checks test the same thing', () => {
    for (const example of examples) {
      expect(reference(example.method, example.pathWithQuery, example.timestamp, example.accessKey, example.secretKey)).toBe(example.signature)
    }
  })

  test('signs the method in upper case and accepts a numeric timestamp', async () => {
    const lower = await signer.sign({ method: 'get', pathWithQuery: '/p', timestamp: 5, accessKey: 'a', secretKey: 's' })
    expect(lower).toBe(reference('GET', '/p', '5', 'a', 's'))
  })

  test('signs the path and query exactly as the URL sends them, without the fragment', async () => {
    const url = 'https://apigateway.apigw.ntruss.com/api/v1/api-keys/a%2Fb%20c?x=1&x=&y=%2F#frag'
    const headers = await signer.signRequest({ method: 'GET', url, accessKey: 'ak', secretKey: 'sk', now: () => 1000 })
    expect(headers['x-ncp-apigw-signature-v2']).toBe(reference('GET', '/api/v1/api-keys/a%2Fb%20c?x=1&x=&y=%2F', '1000', 'ak', 'sk'))
  })

  test('signs what fetch will send when the URL needs encoding (spaces, non-ASCII)', async () => {
    const url = 'https://example.test/api/v1/api-keys/키 1'
    const sent = new Request(url).url
    const headers = await signer.signRequest({ method: 'GET', url, accessKey: 'ak', secretKey: 'sk', now: () => 1 })
    expect(sent).toBe('https://example.test/api/v1/api-keys/%ED%82%A4%201')
    expect(headers['x-ncp-apigw-signature-v2']).toBe(reference('GET', new URL(sent).pathname, '1', 'ak', 'sk'))
  })

  test('accepts a URL object and floors a fractional clock', async () => {
    const headers = await signer.signRequest({
      method: 'POST',
      url: new URL('https://h.test/api/v1/api-keys'),
      accessKey: 'ak',
      secretKey: 'sk',
      now: () => 1234.9,
    })
    expect(headers['x-ncp-apigw-timestamp']).toBe('1234')
    expect(headers['x-ncp-apigw-signature-v2']).toBe(reference('POST', '/api/v1/api-keys', '1234', 'ak', 'sk'))
  })

  test('uses the current time when no clock is given', async () => {
    const before = Date.now()
    const headers = await signer.signRequest({ method: 'GET', url: 'https://h.test/', accessKey: 'ak', secretKey: 'sk' })
    const timestamp = Number(headers['x-ncp-apigw-timestamp'])
    expect(timestamp).toBeGreaterThanOrEqual(before)
    expect(timestamp).toBeLessThanOrEqual(Date.now())
  })

  test("names its headers by SIGNATURE_HEADERS, the spec's security schemes, written once", async () => {
    const { timestamp, accessKey, signature } = signer.SIGNATURE_HEADERS
    expect({ timestamp, accessKey, signature }).toEqual(Object.fromEntries(Object.entries(spec.components.securitySchemes as Record<string, { name: string }>).map(([scheme, { name }]) => [scheme, name])))
    const headers = await signer.signRequest({ method: 'GET', url: 'https://h.test/x', accessKey: 'ak', secretKey: 'sk', apiKey: 'gw', now: () => 1 })
    expect(Object.keys(headers).sort()).toEqual(Object.values(signer.SIGNATURE_HEADERS).sort())
  })

  test('adds x-ncp-apigw-api-key only when an API key is given', async () => {
    const base = { method: 'GET', url: 'https://h.test/x', accessKey: 'ak', secretKey: 'sk', now: () => 1 }
    expect(await signer.signRequest(base)).not.toHaveProperty('x-ncp-apigw-api-key')
    expect((await signer.signRequest({ ...base, apiKey: 'gw-key' }))['x-ncp-apigw-api-key']).toBe('gw-key')
  })

  test('refuses an empty secret key with a rejection, not a throw', async () => {
    const call = signer.sign({ method: 'GET', pathWithQuery: '/', timestamp: 1, accessKey: 'a', secretKey: '' })
    await expect(call).rejects.toThrow('secretKey must be a non-empty string')
    await expect(signer.signRequest({ method: 'GET', url: 'https://h.test/', accessKey: 'a', secretKey: '' })).rejects.toThrow(
      TypeError,
    )
  })

  test('keeps many different secrets apart', async () => {
    const secrets = Array.from({ length: 40 }, (_, i) => `secret-${i}`)
    const signed = await Promise.all(secrets.map((secretKey) => signer.sign({ method: 'GET', pathWithQuery: '/', timestamp: 1, accessKey: 'a', secretKey })))
    expect(signed).toEqual(secrets.map((s) => reference('GET', '/', '1', 'a', s)))
  })
})

describe('Web Crypto key cache', () => {
  afterEach(() => vi.restoreAllMocks())

  test('imports the key once per secret, however often it signs', async () => {
    const importKey = vi.spyOn(crypto.subtle, 'importKey')
    const secretKey = `cache-test-${Math.random()}`
    for (let i = 0; i < 5; i++) {
      await webEntry.sign({ method: 'GET', pathWithQuery: `/${i}`, timestamp: i, accessKey: 'a', secretKey })
    }
    expect(importKey).toHaveBeenCalledTimes(1)
    await webEntry.sign({ method: 'GET', pathWithQuery: '/', timestamp: 1, accessKey: 'a', secretKey: `${secretKey}-other` })
    expect(importKey).toHaveBeenCalledTimes(2)
  })

  test('forgets a key whose import failed, so the next call tries again', async () => {
    const importKey = vi.spyOn(crypto.subtle, 'importKey').mockRejectedValueOnce(new Error('import failed'))
    const input = { method: 'GET', pathWithQuery: '/', timestamp: 1, accessKey: 'a', secretKey: `flaky-${Math.random()}` }
    await expect(webEntry.sign(input)).rejects.toThrow('import failed')
    expect(await webEntry.sign(input)).toBe(reference('GET', '/', '1', 'a', input.secretKey))
    expect(importKey).toHaveBeenCalledTimes(2)
  })
})

import type { paths } from '@ncloud-apigw/types'
import createClient from 'openapi-fetch'
import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { apiKey, baseUrl, credentials, json, scriptedFetch } from '../test/fixtures/scripted-fetch.js'
import { NcpCredentialsError } from './errors.js'
import { createSigningMiddleware } from './signing.js'

describe('signing middleware for the raw client and other NCP APIs', () => {
  test('signs the encoded path and query exactly as sent', async () => {
    const { fetch, seen } = scriptedFetch(json(apiKey))
    const raw = createClient<paths>({ baseUrl, fetch: (request: Request) => fetch(request.url, request) })
    raw.use(createSigningMiddleware({ credentials, now: () => 1_715_065_692_000 }))
    await raw.GET('/api-keys/{api-key-id}', { params: { path: { 'api-key-id': 'a/b ?#%' } } })
    expect(seen[0]!.path).toBe('/api/v1/api-keys/a%2Fb%20%3F%23%25')
    expect(seen[0]!.timestamp).toBe(1_715_065_692_000)
    expect(seen[0]!.signatureValid).toBe(true)
  })

  test('signs another NCP API, query included', async () => {
    const { fetch, seen } = scriptedFetch(json({}))
    const other = createClient<Record<string, never>>({ baseUrl: 'https://ncloud.apigw.ntruss.com', fetch: (r: Request) => fetch(r.url, r) })
    other.use(createSigningMiddleware({ credentials: async () => credentials }))
    await other.request('get' as never, '/vserver/v2/getServerInstanceList?regionCode=KR&responseFormatType=json' as never)
    expect(seen[0]!.path).toBe('/vserver/v2/getServerInstanceList?regionCode=KR&responseFormatType=json')
    expect(seen[0]!.signatureValid).toBe(true)
  })

  test('a provider that returns no secret key fails with NcpCredentialsError', async () => {
    const { fetch, seen } = scriptedFetch(json(apiKey))
    const raw = createClient<paths>({ baseUrl, fetch: (request: Request) => fetch(request.url, request) })
    raw.use(createSigningMiddleware({ credentials: async () => ({ accessKey: 'a', secretKey: '' }) }))
    await expect(raw.GET('/api-keys/{api-key-id}', { params: { path: { 'api-key-id': 'k' } } })).rejects.toBeInstanceOf(NcpCredentialsError)
    expect(seen).toHaveLength(0)
  })
})

test('one way to sign: only signing.ts calls the signer, and the transport signs through it', () => {
  const dir = new URL('.', import.meta.url)
  const sources = readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
  const callers = sources.filter((f) => readFileSync(new URL(f, dir), 'utf8').includes('@ncloud-apigw/signer'))
  expect(callers).toEqual(['signing.ts'])
  expect(readFileSync(new URL('transport.ts', dir), 'utf8')).toMatch(/import \{ signatureHeaders \} from '\.\/signing\.js'/)
})

import { readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { inspect } from 'node:util'
import type { paths } from '@ncloud-apigw/types'
import createClient from 'openapi-fetch'
import { describe, expect, test } from 'vitest'
import { apiKey, baseUrl, credentials, json, page, scriptedFetch } from '../test/fixtures/scripted-fetch.js'
import { NcpCredentialsError } from './errors.js'
import { createApiKeyClient } from './node.js'
import { checkCredentials, createSigningMiddleware } from './signing.js'
import { sites } from './sites.js'

interface Example {
  method: string
  url: string
  pathWithQuery: string
  timestamp: string
  accessKey: string
  secretKey: string
  signature: string
}
const spec = JSON.parse(readFileSync(createRequire(import.meta.url).resolve('@ncloud-apigw/spec/openapi.json'), 'utf8'))
const examples: Example[] = spec.info['x-signature-v2-examples']

describe("the spec's worked examples of signature v2", () => {
  test('the second example has a query: listApiKeys sends exactly its path and query, and signs it to its signature', async () => {
    const example = examples[1]!
    expect(example.pathWithQuery).toContain('?')
    const { fetch, seen } = scriptedFetch(json(page([])))
    const apigw = createApiKeyClient({
      credentials: { accessKey: example.accessKey, secretKey: example.secretKey },
      baseUrl: sites.public,
      fetch,
      now: () => Number(example.timestamp),
    })
    await apigw.listApiKeys({ offset: 0, limit: 20, apiKeyName: 'a b' })
    expect(seen[0]!.url).toBe(example.url)
    expect(seen[0]!.path).toBe('/api/v1/api-keys?offset=0&limit=20&apiKeyName=a%20b')
    expect(seen[0]!.path).toBe(example.pathWithQuery)
    expect(seen[0]!.headers.get('x-ncp-apigw-timestamp')).toBe(example.timestamp)
    expect(seen[0]!.headers.get('x-ncp-iam-access-key')).toBe(example.accessKey)
    expect(seen[0]!.headers.get('x-ncp-apigw-signature-v2')).toBe(example.signature)
  })

  test('the query is signed in the spec order whatever order the caller wrote', async () => {
    const example = examples[1]!
    const { fetch, seen } = scriptedFetch(json(page([])))
    const apigw = createApiKeyClient({ credentials: { accessKey: example.accessKey, secretKey: example.secretKey }, baseUrl: sites.public, fetch, now: () => Number(example.timestamp) })
    await apigw.listApiKeys({ apiKeyName: 'a b', limit: 20, offset: 0 })
    expect(seen[0]!.headers.get('x-ncp-apigw-signature-v2')).toBe(example.signature)
  })

  test('the first example, without a query: getApiKey signs it to its signature', async () => {
    const example = examples[0]!
    const { fetch, seen } = scriptedFetch(json(apiKey))
    const apigw = createApiKeyClient({ credentials: { accessKey: example.accessKey, secretKey: example.secretKey }, baseUrl: sites.public, fetch, now: () => Number(example.timestamp) })
    await apigw.getApiKey(example.pathWithQuery.split('/').at(-1)!)
    expect(seen[0]!.path).toBe(example.pathWithQuery)
    expect(seen[0]!.headers.get('x-ncp-apigw-signature-v2')).toBe(example.signature)
  })
})

describe('credentials that cannot be signed with or sent are refused, never quoted', () => {
  const bad: [string, unknown][] = [
    ['an access key with CR LF (header injection)', { accessKey: 'NCPKEY\r\nX-Injected: 1', secretKey: 's' }],
    ['an access key with LF', { accessKey: 'NCPKEY\nmore', secretKey: 's' }],
    ['an access key with NUL', { accessKey: 'NCPKEY\u0000', secretKey: 's' }],
    ['an access key with a non-Latin-1 character', { accessKey: 'NCPKEY키', secretKey: 's' }],
    ['an access key with a Latin-1 letter', { accessKey: 'NCPKEYé', secretKey: 's' }],
    ['an access key with a space at its end', { accessKey: 'NCPKEY ', secretKey: 's' }],
    ['an access key with a space inside', { accessKey: 'NCP KEY', secretKey: 's' }],
    ['a secret key with CR LF', { accessKey: 'NCPKEY', secretKey: 'NCPSECRET\r\n' }],
    ['a secret key with a Latin-1 letter', { accessKey: 'NCPKEY', secretKey: 'NCPSECRETé' }],
    ['a secret key with a non-Latin-1 character', { accessKey: 'NCPKEY', secretKey: 'NCPSECRET키' }],
    ['a secret key that is a number', { accessKey: 'NCPKEY', secretKey: 12345 }],
    ['a secret key that is an object', { accessKey: 'NCPKEY', secretKey: { toString: () => 'NCPSECRET' } }],
    ['an empty secret key', { accessKey: 'NCPKEY', secretKey: '' }],
    ['an access key that is a number', { accessKey: 42, secretKey: 'NCPSECRET' }],
    ['nothing', undefined],
  ]

  test.each(bad)('%s: NcpCredentialsError from checkCredentials, at createApiKeyClient and from a provider', async (_name, given) => {
    const values = given && typeof given === 'object' ? Object.values(given).filter((v): v is string => typeof v === 'string' && v.length > 1) : []
    const errors: unknown[] = []
    try {
      checkCredentials(given)
    } catch (error) {
      errors.push(error)
    }
    const { fetch, seen } = scriptedFetch(json(apiKey))
    if (given !== undefined) {
      try {
        createApiKeyClient({ credentials: given as never, baseUrl, fetch })
      } catch (error) {
        errors.push(error)
      }
    }
    errors.push(await createApiKeyClient({ credentials: async () => given as never, baseUrl, fetch }).getApiKey('k').catch((e: unknown) => e))
    expect(errors).toHaveLength(given === undefined ? 2 : 3)
    for (const error of errors) {
      expect(error).toBeInstanceOf(NcpCredentialsError)
      for (const text of [(error as Error).message, JSON.stringify(error), inspect(error, { showHidden: true, depth: 10 })]) {
        for (const value of values) expect(text).not.toContain(value)
      }
    }
    expect(seen).toHaveLength(0)
  })

  test('one rule for both keys, wherever they come from: printable ASCII, the code point of the first other character named', () => {
    expect(checkCredentials({ accessKey: 'NCPKEY', secretKey: 'NCP!secret~0' })).toEqual({ accessKey: 'NCPKEY', secretKey: 'NCP!secret~0' })
    expect(() => checkCredentials({ accessKey: 'NCPKEY', secretKey: 'a b\r\n키' })).toThrow(
      'The secret key given holds a character that no NCP secret key has (U+0020), so NCP would refuse every signature made with it. Copy the secret key again from the NCP console; the value is not shown here.',
    )
    expect(() => checkCredentials({ accessKey: 'NCP\tKEY', secretKey: 's' })).toThrow('The access key given holds a character that no HTTP header can carry (U+0009), so it cannot be sent.')
  })

  test('checks the values, not the object: a getter cannot show the check one key and the signer another', async () => {
    let reads = 0
    const shifty = {
      secretKey: credentials.secretKey,
      get accessKey() {
        return reads++ === 0 ? credentials.accessKey : 'NCPKEY\r\nX-Injected: 1'
      },
    }
    const { fetch, seen } = scriptedFetch(json(apiKey))
    await createApiKeyClient({ credentials: async () => shifty, baseUrl, fetch }).getApiKey('k')
    expect(seen[0]!.headers.get('x-ncp-iam-access-key')).toBe(credentials.accessKey)
    expect(seen[0]!.signatureValid).toBe(true)
  })
})

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

test("one way to sign: only signing.ts calls the signer's functions, and the transport and the middleware sign through it", () => {
  const dir = new URL('.', import.meta.url)
  const sources = readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
  // Imports of the signer's functions (the header names and types may be imported anywhere).
  const signs = /import \{[^}]*\b(?<!type )(sign|signRequest|stringToSign)\b[^}]*\} from '@ncloud-apigw\/signer'/
  const callers = sources.filter((f) => signs.test(readFileSync(new URL(f, dir), 'utf8')))
  expect(callers).toEqual(['signing.ts'])
  expect(readFileSync(new URL('signing.ts', dir), 'utf8')).not.toMatch(/signRequest/)
  expect(readFileSync(new URL('attempt.ts', dir), 'utf8')).toMatch(/import \{[^}]*\bsignedHeaders\b[^}]*\} from '\.\/signing\.js'/)
})

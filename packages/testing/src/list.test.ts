import { readFileSync } from 'node:fs'
import { request } from 'node:http'
import { createRequire } from 'node:module'
import { problemText, requestProblems } from '@ncloud-apigw/operations'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { ncpFetch, rawRequest, signature } from '../test/ncp-fetch.js'
import { operations } from '@ncloud-apigw/operations'
import { startFakeApiGateway, TEST_CREDENTIALS, type FakeApiGateway } from './index.js'

interface Page {
  apiKeys: Record<string, unknown>[]
  total: number
  initialCount: number
}

// The rules come from the table, never typed here.
const query = operations.listApiKeys.query
const nameFilter = query.apiKeyName

let gw: FakeApiGateway
beforeEach(async () => {
  gw = await startFakeApiGateway()
})
afterEach(async () => {
  await gw.close()
})

async function list(search = ''): Promise<Page> {
  const res = await ncpFetch(gw.url, TEST_CREDENTIALS, 'GET', `/api-keys${search}`)
  expect(res.status).toBe(operations.listApiKeys.success)
  return (await res.json()) as Page
}

const names = (page: Page) => page.apiKeys.map((k) => k.apiKeyName)

function seedNames(...list: string[]): void {
  for (const apiKeyName of list) gw.seedKey({ apiKeyName })
}

describe('list answers a page of keys', () => {
  test('an empty account: no keys, total 0, initialCount 0', async () => {
    expect(await list()).toEqual({ apiKeys: [], total: 0, initialCount: 0 })
  })

  test('items are the stored keys without primaryKey and secondaryKey', async () => {
    const key = gw.seedKey({ apiKeyName: 'one', apiKeyDescription: 'described' })
    const { primaryKey: _p, secondaryKey: _s, ...summary } = key
    const page = await list()
    expect(page.apiKeys).toEqual([summary])
    expect(Object.keys(page.apiKeys[0]!)).toEqual(Object.keys(summary))
    expect(JSON.stringify(page)).not.toContain(key.primaryKey)
    expect(JSON.stringify(page)).not.toContain(key.secondaryKey)
  })

  test('keys are listed oldest first, and a key keeps its place when it changes or others are deleted', async () => {
    seedNames('first', 'second', 'third', 'fourth')
    const [first, second] = [...gw.keys.values()]
    await ncpFetch(gw.url, TEST_CREDENTIALS, 'PUT', `/api-keys/${first!.apiKeyId}`, { body: { apiKeyName: 'first-renamed', isEnabled: true } })
    await ncpFetch(gw.url, TEST_CREDENTIALS, 'DELETE', `/api-keys/${second!.apiKeyId}`)
    await ncpFetch(gw.url, TEST_CREDENTIALS, 'POST', '/api-keys', { body: { apiKeyName: 'fifth' } })
    expect(names(await list())).toEqual(['first-renamed', 'third', 'fourth', 'fifth'])
  })

  test('without offset and limit, every key: offset defaults to 0 and there is no default limit', async () => {
    const many = Array.from({ length: 250 }, (_, i) => `k${i}`)
    seedNames(...many)
    const page = await list()
    expect(names(page)).toEqual(many)
    expect(page).toMatchObject({ total: 250, initialCount: 250 })
  })

  test('offset and limit cut a page; total still counts every match', async () => {
    seedNames('a', 'b', 'c', 'd', 'e')
    expect(names(await list('?offset=1&limit=2'))).toEqual(['b', 'c'])
    expect(names(await list('?limit=2'))).toEqual(['a', 'b'])
    expect(names(await list('?offset=3'))).toEqual(['d', 'e'])
    expect(names(await list('?offset=4&limit=10'))).toEqual(['e'])
    const past = await list('?offset=5&limit=2')
    expect(past).toEqual({ apiKeys: [], total: 5, initialCount: 5 })
    expect(await list('?offset=1&limit=2')).toMatchObject({ total: 5, initialCount: 5 })
  })

  test('walking the pages visits every key once', async () => {
    seedNames(...Array.from({ length: 23 }, (_, i) => `key-${i}`))
    const seen: unknown[] = []
    let total = Infinity
    for (let offset = 0; offset < total; offset += 5) {
      const page = await list(`?offset=${offset}&limit=5`)
      total = page.total
      seen.push(...names(page))
    }
    expect(seen).toEqual([...gw.keys.values()].map((k) => k.apiKeyName))
  })

  test('apiKeyName matches as a case-sensitive substring, anywhere in the name', async () => {
    seedNames('ci-bot', 'bot-ci', 'my-ci-bot', 'CI-BOT', 'deploy')
    expect(names(await list('?apiKeyName=ci'))).toEqual(['ci-bot', 'bot-ci', 'my-ci-bot'])
    expect(names(await list('?apiKeyName=ci-bot'))).toEqual(['ci-bot', 'my-ci-bot'])
    expect(names(await list('?apiKeyName=CI'))).toEqual(['CI-BOT'])
    expect(names(await list('?apiKeyName=nothing'))).toEqual([])
  })

  test('total is the number of matches across pages; initialCount is the number of keys before the filter', async () => {
    seedNames('ci-1', 'ci-2', 'ci-3', 'other', 'another')
    const page = await list('?apiKeyName=ci-&offset=1&limit=1')
    expect(page).toEqual({ apiKeys: [expect.objectContaining({ apiKeyName: 'ci-2' })], total: 3, initialCount: 5 })
  })

  test('an empty apiKeyName matches every key', async () => {
    seedNames('a', 'b')
    expect(await list('?apiKeyName=')).toMatchObject({ total: 2, initialCount: 2 })
  })

  test('the filter is percent-decoded once: a%20b is "a b", %2525 is "%25"', async () => {
    seedNames('a b', 'ab', '%25', '%')
    expect(names(await list('?apiKeyName=a%20b'))).toEqual(['a b'])
    expect(names(await list('?apiKeyName=%2525'))).toEqual(['%25'])
    expect(names(await list(`?apiKeyName=${encodeURIComponent('키')}`))).toEqual([])
  })

  test(`a filter at the table's longest (${nameFilter.maxLength} characters, counted as characters) is accepted`, async () => {
    const name = '키'.repeat(nameFilter.maxLength)
    gw.seedKey({ apiKeyName: name })
    expect(names(await list(`?apiKeyName=${encodeURIComponent(name)}`))).toEqual([name])
  })
})

describe('the query is checked against the table', () => {
  async function refused(search: string): Promise<string> {
    const res = await ncpFetch(gw.url, TEST_CREDENTIALS, 'GET', `/api-keys${search}`)
    expect(res.status).toBe(400)
    const { error } = (await res.json()) as { error: { errorCode: string; message: string; details: string } }
    expect(error).toMatchObject({ errorCode: '100', message: 'Bad Request Exception' })
    return error.details
  }
  const expected = (values: Record<string, unknown>) => requestProblems(operations.listApiKeys, { query: values }).map(problemText).join('; ')

  test.each([
    ['offset below its minimum', { offset: query.offset.minimum - 1 }],
    ['limit below its minimum', { limit: query.limit.minimum - 1 }],
    ['an offset that is not an integer', { offset: '1.5' }],
    ['a limit that is not a number', { limit: 'ten' }],
    ['an empty limit', { limit: '' }],
    ['a name filter over its longest', { apiKeyName: 'x'.repeat(nameFilter.maxLength + 1) }],
    ['a parameter the operation does not have', { page: '2' }],
  ])('%s is refused with the shared validator\'s words', async (_what, values) => {
    const search = `?${new URLSearchParams(Object.entries(values).map(([k, v]) => [k, String(v)] as [string, string]))}`
    const details = await refused(search)
    expect(details).toBe(expected(values))
    expect(details).toContain(Object.keys(values)[0])
  })

  test('every problem of the query is named at once', async () => {
    const details = await refused(`?offset=-1&limit=0&apiKeyName=${'x'.repeat(nameFilter.maxLength + 1)}`)
    expect(details.split('; ')).toEqual([
      `offset must be an integer of at least ${query.offset.minimum}, got -1`,
      `limit must be an integer of at least ${query.limit.minimum}, got 0`,
      `apiKeyName must be a string of at most ${nameFilter.maxLength} characters, got ${nameFilter.maxLength + 1} characters`,
    ])
  })

  test('a repeated parameter counts once, by its first value', async () => {
    seedNames('a', 'b', 'c')
    expect(names(await list('?limit=1&limit=oops'))).toEqual(['a'])
  })
})

describe('the signature covers the path and the raw query exactly as received', () => {
  test("the spec's worked example with a query is accepted, and its filter applied", async () => {
    const spec = JSON.parse(readFileSync(createRequire(import.meta.url).resolve('@ncloud-apigw/spec/openapi.json'), 'utf8')) as {
      info: { 'x-signature-v2-examples': Record<string, string>[] }
    }
    const ex = spec.info['x-signature-v2-examples'][1]!
    expect(ex.pathWithQuery).toBe('/api/v1/api-keys?offset=0&limit=20&apiKeyName=a%20b')
    await gw.close()
    gw = await startFakeApiGateway({
      now: () => Number(ex.timestamp),
      credentials: { accessKey: ex.accessKey!, secretKey: ex.secretKey! },
    })
    gw.seedKey({ apiKeyName: 'a b' })
    gw.seedKey({ apiKeyName: 'ab' })
    const { hostname, port } = new URL(gw.url)
    const res = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request(
        {
          host: hostname,
          port,
          method: ex.method,
          path: ex.pathWithQuery,
          headers: {
            'x-ncp-apigw-timestamp': ex.timestamp,
            'x-ncp-iam-access-key': ex.accessKey,
            'x-ncp-apigw-signature-v2': ex.signature,
          },
        },
        (response) => {
          let body = ''
          response.setEncoding('utf8')
          response.on('data', (chunk: string) => (body += chunk))
          response.on('end', () => resolve({ status: response.statusCode ?? 0, body }))
        },
      )
      req.on('error', reject)
      req.end()
    })
    expect(res.status).toBe(200)
    const page = JSON.parse(res.body) as Page
    expect(names(page)).toEqual(['a b'])
    expect(gw.requests[0]).toMatchObject({ path: ex.pathWithQuery, signatureValid: true, operationId: 'listApiKeys' })
  })

  test('the same query encoded another way is another string to sign: signed as a%20b, sent as a+b, refused', async () => {
    const { hostname, port } = new URL(gw.url)
    const timestamp = String(Date.now())
    const signed = await rawRequest(gw.url, TEST_CREDENTIALS, 'GET', '/api/v1/api-keys?apiKeyName=a%20b')
    expect(signed.status).toBe(200)
    const sig = signature(TEST_CREDENTIALS.secretKey, 'GET', '/api/v1/api-keys?apiKeyName=a%20b', timestamp, TEST_CREDENTIALS.accessKey)
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(
        {
          host: hostname,
          port,
          path: '/api/v1/api-keys?apiKeyName=a+b',
          headers: { 'x-ncp-apigw-timestamp': timestamp, 'x-ncp-iam-access-key': TEST_CREDENTIALS.accessKey, 'x-ncp-apigw-signature-v2': sig },
        },
        (response) => {
          response.resume()
          resolve(response.statusCode ?? 0)
        },
      )
      req.on('error', reject)
      req.end()
    })
    expect(status).toBe(401)
    expect(gw.requests.at(-1)?.authFailure).toContain('signature mismatch')
  })
})

// The lifecycle beyond the four original calls: listApiKeys and its query, paginateApiKeys over
// servers that behave and servers that do not, and deleteApiKey's "gone after a lost attempt".
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { lengthLimit, describe as say, operations } from '@ncloud-apigw/operations'
import { afterEach, describe, expect, test } from 'vitest'
import { manualTimer, nodeClient, untimedClient } from '../test/fixtures/attempt-timer.js'
import { characters, filterRule, over, tooLong } from '../test/fixtures/limits.js'
import { type Loopback, startServer } from '../test/fixtures/loopback.js'
import { baseUrl, credentials, json, ncpError, page, reset, type Seen, scriptedFetch, summary } from '../test/fixtures/scripted-fetch.js'
import { NcpApiError, NcpValidationError } from './errors.js'
import type { ApiKeyClientOptions } from './node.js'

const query = operations.listApiKeys.query
// Just below the spec's minimum of each integer parameter.
const belowLimit = query.limit.minimum - 1
const belowOffset = query.offset.minimum - 1

// Attempts time out only when a scripted reply says so (attemptTimer.hang).
const attemptTimer = manualTimer()

function setup(replies: Parameters<typeof scriptedFetch>, options: ApiKeyClientOptions = {}) {
  const { fetch, seen } = scriptedFetch(...replies)
  return { client: nodeClient({ credentials, baseUrl, fetch, random: () => 0, sleep: async () => {}, ...options }, attemptTimer.timer), seen }
}

describe('listApiKeys validates its query before sending', () => {
  test.each([
    [{ limit: belowLimit }, 'limit', say(query.limit), String(belowLimit)],
    [{ limit: 1.5 }, 'limit', say(query.limit), 'a number'],
    [{ limit: '20' }, 'limit', say(query.limit), 'a string'],
    [{ offset: belowOffset }, 'offset', say(query.offset), String(belowOffset)],
    [{ apiKeyName: tooLong(filterRule) }, 'apiKeyName', say(query.apiKeyName), characters(over(filterRule))],
    [{ apiKeyName: 5 }, 'apiKeyName', say(query.apiKeyName), 'an integer'],
    [{ page: 2 }, 'page', 'absent: the query parameters are offset, limit, apiKeyName', undefined],
    [{ offset: 0, limit: 20, sort: 'name' }, 'sort', 'absent: the query parameters are offset, limit, apiKeyName', undefined],
  ])('%j: NcpValidationError naming %s, nothing sent', async (given, field, limit, got) => {
    const { client, seen } = setup([json(page([]))])
    const error = await client.listApiKeys(given as never).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(NcpValidationError)
    expect(error).toMatchObject({ operation: 'listApiKeys', field, limit, got })
    expect(seen).toHaveLength(0)
  })

  test("the limits come from the spec: offset, limit and the name filter as the bundled spec's parameters have them", () => {
    const spec = JSON.parse(readFileSync(createRequire(import.meta.url).resolve('@ncloud-apigw/spec/openapi.json'), 'utf8'))
    const { Offset, Limit, ApiKeyNameFilter } = spec.components.parameters
    expect([say(query.offset), say(query.limit), say(query.apiKeyName)]).toEqual([
      `an integer of at least ${Offset.schema.minimum}`,
      `an integer of at least ${Limit.schema.minimum}`,
      `a string of ${lengthLimit(ApiKeyNameFilter.schema)}`,
    ])
  })

  test('an empty name filter is sent: it is a valid filter', async () => {
    const { client, seen } = setup([json(page([]))])
    await client.listApiKeys({ apiKeyName: '' })
    expect(seen[0]!.path).toBe('/api/v1/api-keys?apiKeyName=')
  })
})

/** A fetch that serves `keys` as an honest paginated list, slicing by offset and limit. */
function honest(keys: ReturnType<typeof summary>[], total = keys.length) {
  return (seen: Seen) => {
    const params = new URL(seen.url).searchParams
    const offset = Number(params.get('offset') ?? 0)
    const limit = Number(params.get('limit') ?? 10)
    return json(page(keys.slice(offset, offset + limit), total))
  }
}

const keys = (n: number) => Array.from({ length: n }, (_, i) => summary({ apiKeyId: `key-${i}`, apiKeyName: `name-${i}` }))

describe('paginateApiKeys', () => {
  test('walks the pages by offset until the total, each page signed', async () => {
    const { client, seen } = setup([honest(keys(7))])
    const got = []
    for await (const key of client.paginateApiKeys({ pageSize: 3, apiKeyName: 'name' })) got.push(key.apiKeyId)
    expect(got).toEqual(keys(7).map((k) => k.apiKeyId))
    expect(seen.map((s) => s.path)).toEqual([
      '/api/v1/api-keys?offset=0&limit=3&apiKeyName=name',
      '/api/v1/api-keys?offset=3&limit=3&apiKeyName=name',
      '/api/v1/api-keys?offset=6&limit=3&apiKeyName=name',
    ])
    expect(seen.every((s) => s.signatureValid)).toBe(true)
  })

  test('asks 100 at a time by default, and an empty list is one request', async () => {
    const { client, seen } = setup([honest([])])
    for await (const _ of client.paginateApiKeys()) throw new Error('no key expected')
    expect(seen.map((s) => s.path)).toEqual(['/api/v1/api-keys?offset=0&limit=100'])
  })

  test('a server that ignores offset: NcpApiError instead of looping', async () => {
    const { client, seen } = setup([json(page(keys(3), 10))])
    const got: string[] = []
    const error = await (async () => {
      for await (const key of client.paginateApiKeys({ pageSize: 3 })) got.push(key.apiKeyId)
    })().catch((e: unknown) => e)
    expect(error).toBeInstanceOf(NcpApiError)
    expect(error).toMatchObject({ operation: 'listApiKeys', status: 200, retryable: false })
    expect((error as Error).message).toContain('with only items already listed at offset 3 (3 of 10 so far), so the server seems to ignore offset')
    expect(got).toHaveLength(3)
    expect(seen).toHaveLength(2)
  })

  test('a total that lies high: stops at the first empty page', async () => {
    const { client, seen } = setup([honest(keys(4), 1000)])
    const got = []
    for await (const key of client.paginateApiKeys({ pageSize: 3 })) got.push(key)
    expect(got).toHaveLength(4)
    expect(seen).toHaveLength(3)
  })

  test('a total that lies low: bounded by the first page total, never more', async () => {
    const { client, seen } = setup([honest(keys(50), 5)])
    const got = []
    for await (const key of client.paginateApiKeys({ pageSize: 3 })) got.push(key)
    expect(got).toHaveLength(5)
    expect(seen).toHaveLength(2)
  })

  test('a total of 0 beside keys: nothing, and no claim that offset was ignored', async () => {
    const { client } = setup([json(page(keys(3), 0))])
    const got = []
    for await (const key of client.paginateApiKeys()) got.push(key)
    expect(got).toEqual([])
  })

  test('a server that grows the total on every page cannot keep it going', async () => {
    let calls = 0
    const { client } = setup([(s) => honest(keys(1000), 4 + calls++ * 10)(s)])
    const got = []
    for await (const key of client.paginateApiKeys({ pageSize: 2 })) got.push(key)
    expect(got).toHaveLength(4)
  })

  test('a key seen twice (inserted meanwhile) is given once', async () => {
    const pages = [page(keys(3).slice(0, 2), 3), page(keys(3).slice(1, 3), 3)]
    const { client } = setup([json(pages[0]), json(pages[1])])
    const got = []
    for await (const key of client.paginateApiKeys({ pageSize: 2 })) got.push(key.apiKeyId)
    expect(got).toEqual(['key-0', 'key-1', 'key-2'])
  })

  test.each([
    [{ pageSize: belowLimit }, 'pageSize', say(query.limit)],
    [{ pageSize: 2.5 }, 'pageSize', say(query.limit)],
    [{ pageSize: 1e21 }, 'pageSize', `${say({ ...query.limit, maximum: Number.MAX_SAFE_INTEGER })} (a larger number is not sent as its digits: JSON writes it in exponent notation or rounded)`],
    [{ offset: 10 }, 'offset', 'absent: paginateApiKeys takes apiKeyName and pageSize'],
    [{ apiKeyName: tooLong(filterRule) }, 'apiKeyName', say(query.apiKeyName)],
  ])('%j is refused, naming %s, before anything is sent', async (given, field, limit) => {
    const { client, seen } = setup([honest(keys(3))])
    const error = await client.paginateApiKeys(given as never).next().catch((e: unknown) => e)
    expect(error).toMatchObject({ name: 'NcpValidationError', field, limit })
    expect(seen).toHaveLength(0)
  })

  test('a page that fails is the error of the iteration, with the per-call options used for every page', async () => {
    const { client, seen } = setup([honest(keys(5)), ncpError(500, 900, 'Unexpected Error')])
    const got: string[] = []
    const error = await (async () => {
      for await (const key of client.paginateApiKeys({ pageSize: 3 }, { maxAttempts: 1 })) got.push(key.apiKeyId)
    })().catch((e: unknown) => e)
    expect(got).toHaveLength(3)
    expect(error).toMatchObject({ name: 'NcpApiError', status: 500 })
    expect(seen).toHaveLength(2)
  })
})

describe('deleteApiKey', () => {
  test('resolves with nothing on 204', async () => {
    const { client, seen } = setup([new Response(null, { status: 204 })])
    await expect(client.deleteApiKey('k')).resolves.toBeUndefined()
    expect(seen).toHaveLength(1)
  })

  test('a first-attempt 404 is an NcpApiError: the key was never there', async () => {
    const { client, seen } = setup([ncpError(404, 300, 'Not Found Exception'), new Response(null, { status: 204 })])
    await expect(client.deleteApiKey('k')).rejects.toMatchObject({ name: 'NcpApiError', status: 404, errorCode: '300', operation: 'deleteApiKey' })
    expect(seen).toHaveLength(1)
  })

  test.each([
    ['a reset', reset()],
    ['a timeout', attemptTimer.hang],
  ])('a 404 after an attempt lost to %s is success: that attempt deleted it', async (_name, lost) => {
    const { client, seen } = setup([lost, ncpError(404, 300, 'Not Found Exception')])
    await expect(client.deleteApiKey('k')).resolves.toBeUndefined()
    expect(seen.map((s) => s.method)).toEqual(['DELETE', 'DELETE'])
  })

  // What Node's fetch throws when nothing reached the server: the name did not resolve (for good
  // or for now), the connection was refused or never made, TLS refused the certificate.
  const unreached = (code: string, message: string) => new TypeError('fetch failed', { cause: Object.assign(new Error(message), { code }) })
  test.each([
    ['ENOTFOUND', 'getaddrinfo ENOTFOUND apigw.test'],
    ['EAI_AGAIN', 'getaddrinfo EAI_AGAIN apigw.test'],
    ['ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:443'],
    ['EHOSTUNREACH', 'connect EHOSTUNREACH 10.0.0.1:443'],
    ['UND_ERR_CONNECT_TIMEOUT', 'Connect Timeout Error'],
    ['CERT_HAS_EXPIRED', 'certificate has expired'],
  ])('a 404 after an attempt that failed with %s is an error: nothing had reached the server', async (code, message) => {
    const { client, seen } = setup([unreached(code, message), ncpError(404, 300, 'Not Found Exception')])
    await expect(client.deleteApiKey('k')).rejects.toMatchObject({ name: 'NcpApiError', status: 404, errorCode: '300' })
    expect(seen).toHaveLength(2)
  })

  test('so is a 404 after every address of the name refused or was unreachable', async () => {
    const errors = ['ECONNREFUSED', 'ENETUNREACH'].map((code) => Object.assign(new Error(code), { code }))
    const { client } = setup([new TypeError('fetch failed', { cause: Object.assign(new AggregateError(errors), { code: 'ECONNREFUSED' }) }), ncpError(404, 300, 'Not Found Exception')])
    await expect(client.deleteApiKey('k')).rejects.toMatchObject({ status: 404 })
  })

  test('a 404 after a 503 (an answer, not a lost attempt) is still an error', async () => {
    const { client, seen } = setup([ncpError(503, 500, 'Endpoint Error'), ncpError(404, 300, 'Not Found Exception')])
    await expect(client.deleteApiKey('k')).rejects.toMatchObject({ status: 404 })
    expect(seen).toHaveLength(2)
  })

  test('a 404 for getApiKey after a lost attempt is still an error: only delete means "gone"', async () => {
    const { client } = setup([reset(), ncpError(404, 300, 'Not Found Exception')])
    await expect(client.getApiKey('k')).rejects.toMatchObject({ status: 404 })
  })

  test('retried like a read: through 503 and resets, up to maxAttempts', async () => {
    const { client, seen } = setup([ncpError(503, 500, 'Endpoint Error'), reset(), new Response(null, { status: 204 })])
    await expect(client.deleteApiKey('k')).resolves.toBeUndefined()
    expect(seen).toHaveLength(3)
  })
})

describe('deleteApiKey against a real server that drops the first answer', () => {
  let server: Loopback | undefined
  afterEach(async () => {
    await server?.close()
  })

  test('the drop is retried and the 404 that follows is success', async () => {
    let deleted = false
    server = await startServer((_r, res) => {
      if (!deleted) {
        deleted = true
        res.destroy() // carried out, but the answer never arrives
        return
      }
      res.writeHead(404, { 'content-type': 'application/json' })
      res.end(JSON.stringify({ error: { errorCode: '300', message: 'Not Found Exception' } }))
    })
    const apigw = untimedClient({ credentials, baseUrl: server.baseUrl, random: () => 0 })
    await expect(apigw.deleteApiKey('k')).resolves.toBeUndefined()
    expect(server.received.map((r) => r.method)).toEqual(['DELETE', 'DELETE'])
  })
})

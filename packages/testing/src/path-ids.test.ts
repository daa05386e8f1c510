import { exampleAnswers, problems, type Schema } from '@ncloud-apigw/operations'
import { afterEach, describe, expect, test } from 'vitest'
import { deletesLast, exampleRequests, fillPath, operations, withPathParams, type OperationId } from '../test/example-requests.js'
import { ncpFetch, rawRequest } from '../test/ncp-fetch.js'
import { startFakeApiGateway, TEST_CREDENTIALS, type FakeApiGateway } from './index.js'
import { worldOf, type ExampleRequest } from './resources/example-world.js'

let gw: FakeApiGateway | undefined
afterEach(async () => {
  await gw?.close()
  gw = undefined
})

const ids: [string, string][] = [
  ['a slash', 'team/ci-bot'],
  ['a question mark', 'what?x=1'],
  ['a hash', 'key#1'],
  ['a percent sign', '100%'],
  ['something that looks percent-encoded', '%2F%41'],
  ['spaces', ' spaced  out '],
  ['Korean and an emoji', '키-🔑'],
  ['every reserved character', ":/?#[]@!$&'()*+,;=%"],
  ['a plus and a tilde', 'a+b~c'],
  ['a very long mixed id', `${'키/%? #'.repeat(700)}end`],
]

type Requests = Record<OperationId, ExampleRequest>

/** Every occurrence of `from` in the example requests (path, query, body) replaced by `to`. */
function replaced(requests: Requests, from: ReadonlyMap<string, string>): Requests {
  const swap = (value: unknown): unknown =>
    typeof value === 'string' ? (from.get(value) ?? value) : Array.isArray(value) ? value.map(swap) : value !== null && typeof value === 'object' ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, swap(v)])) : value
  return swap(requests) as Requests
}

/**
 * The examples with every path parameter's example value that can be `id` (within the rules of
 * every operation that uses it) made `id`: the world then holds a key, a product and a stage of
 * that id wherever the rules allow one.
 */
function examplesNaming(id: string): Requests {
  const rules = new Map<string, Schema[]>()
  for (const [op, request] of Object.entries(exampleRequests) as [OperationId, ExampleRequest][]) {
    for (const [name, value] of Object.entries(request.pathParams)) {
      const schema = (operations[op].pathParams as Record<string, Schema>)[name] as Schema
      rules.set(value as string, [...(rules.get(value as string) ?? []), schema])
    }
  }
  const accepted = [...rules].filter(([, schemas]) => schemas.every((schema) => problems(schema, id).length === 0))
  return replaced(exampleRequests as unknown as Requests, new Map(accepted.map(([value]) => [value, id])))
}

describe('a path parameter is one percent-encoded path segment, decoded once', () => {
  test.each(ids)('an id with %s is found by every operation whose rules allow it, and the signature verifies', async (_what, id) => {
    const requests = examplesNaming(id)
    gw = await startFakeApiGateway(worldOf(requests, exampleAnswers))
    const naming = deletesLast.filter((op) => Object.values(requests[op].pathParams).includes(id))
    // Every operation on a key's own path takes any id; some of the others take 10 characters at most.
    expect(naming).toContain('getApiKey')
    const allowedEverywhere = withPathParams.every((op) => Object.values(operations[op].pathParams).every((schema) => problems(schema as Schema, id).length === 0))
    if (allowedEverywhere) expect(naming).toEqual(deletesLast.filter((op) => withPathParams.includes(op)))
    for (const op of naming) {
      const { pathParams, query, body } = requests[op]
      const search = new URLSearchParams(Object.entries(query ?? {}).map(([k, v]) => [k, String(v)] as [string, string])).toString()
      const path = fillPath(op, pathParams) + (search ? `?${search}` : '')
      const res = await ncpFetch(gw.url, TEST_CREDENTIALS, operations[op].method, path, body === undefined ? {} : { body })
      expect(res.status, `${op}: ${await res.clone().text()}`).toBe(operations[op].success)
      if (op === 'getApiKey') expect(((await res.json()) as { apiKeyId: string }).apiKeyId).toBe(id)
      if (op === 'updateApiKey') expect(gw.keys.get(id)).toMatchObject({ apiKeyId: id, ...(body as object) })
      expect(gw.requests.at(-1)).toMatchObject({ operationId: op, pathParams, signatureValid: true, path: `/api/v1${path}` })
    }
    if (naming.includes('deleteApiKey')) expect(gw.keys.has(id)).toBe(false)
  })

  test('an id is decoded exactly once: %2541 is the id "%41", not "A"', async () => {
    gw = await startFakeApiGateway()
    gw.seedKey({ apiKeyId: 'A' })
    const res = await ncpFetch(gw.url, TEST_CREDENTIALS, 'GET', '/api-keys/%2541')
    expect(res.status).toBe(404)
    expect(gw.requests.at(-1)?.pathParams).toEqual({ 'api-key-id': '%41' })
  })

  test('an unencoded slash splits the path, so there is no such route', async () => {
    gw = await startFakeApiGateway()
    gw.seedKey({ apiKeyId: 'x/y' })
    const res = await rawRequest(gw.url, TEST_CREDENTIALS, 'GET', '/api/v1/api-keys/x/y')
    expect(res.status).toBe(404)
    expect(JSON.parse(res.body)).toMatchObject({ error: { errorCode: '300' } })
    expect(gw.requests.at(-1)?.operationId).toBeUndefined()
  })

  test.each(['%2E', '%2E%2E', '.%2e'])('an id %s that decodes to a dot segment is refused, as the shared rules refuse it', async (segment) => {
    gw = await startFakeApiGateway()
    gw.seedKey({ apiKeyId: decodeURIComponent(segment) })
    const res = await rawRequest(gw.url, TEST_CREDENTIALS, 'GET', `/api/v1/api-keys/${segment}`)
    expect(res.status).toBe(400)
    expect(JSON.parse(res.body)).toEqual({
      error: { errorCode: '100', message: 'Bad Request Exception', details: 'api-key-id must be well-formed text other than "." and ".."' },
    })
  })

  test('a segment that is not valid percent-encoded UTF-8 is a bad request, naming the parameter; the record leaves it out', async () => {
    gw = await startFakeApiGateway()
    for (const segment of ['%E0%A4%A', '%ZZ', '%FF']) {
      const res = await rawRequest(gw.url, TEST_CREDENTIALS, 'GET', `/api/v1/api-keys/${segment}`)
      expect(res.status).toBe(400)
      expect(JSON.parse(res.body)).toEqual({
        error: { errorCode: '100', message: 'Bad Request Exception', details: 'api-key-id: the path segment is not valid percent-encoded UTF-8' },
      })
      expect(gw.requests.at(-1)).toMatchObject({ operationId: 'getApiKey', signatureValid: true })
      expect(gw.requests.at(-1)?.pathParams).toEqual({})
    }
  })

  test('the signature covers the path exactly as sent, lower-case hex included', async () => {
    gw = await startFakeApiGateway()
    gw.seedKey({ apiKeyId: 'é' })
    // NFC é as %C3%A9, sent and signed in lower-case hex: a different path string, the same id.
    const res = await rawRequest(gw.url, TEST_CREDENTIALS, 'GET', '/api/v1/api-keys/%c3%a9')
    expect(res.status).toBe(200)
    expect(gw.requests.at(-1)).toMatchObject({ path: '/api/v1/api-keys/%c3%a9', pathParams: { 'api-key-id': 'é' }, signatureValid: true })
  })
})

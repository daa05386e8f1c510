// Faults that break the answer's body: malformed, large, and the transforms that violate the spec.
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { failure } from '../test/failure.js'
import { keyRequests } from '../test/key-requests.js'
import { ncpFetch } from '../test/ncp-fetch.js'
import { startFakeApiGateway, TEST_CREDENTIALS, type FakeApiGateway } from './index.js'

let gw: FakeApiGateway
let id: string
beforeEach(async () => {
  gw = await startFakeApiGateway()
  id = gw.seedKey({ apiKeyName: 'seeded' }).apiKeyId
})
afterEach(async () => {
  await gw.close()
})

const { get, create, regenerate } = keyRequests(() => ({ url: gw.url, id }), TEST_CREDENTIALS)

describe('malformed bodies', () => {
  test('html: a proxy error page with status 502, not processed', async () => {
    gw.injectFault({ kind: 'malformed', body: 'html' })
    const res = await create()
    expect(res.status).toBe(502)
    expect(res.headers.get('content-type')).toMatch(/^text\/html/)
    const text = await res.text()
    expect(text).toMatch(/^<!DOCTYPE html>/)
    expect(text).toContain('502 Bad Gateway')
    expect(() => JSON.parse(text)).toThrow(SyntaxError)
    expect(gw.keys.size).toBe(1)
  })

  test('html with another status', async () => {
    gw.injectFault({ kind: 'malformed', body: 'html', status: 503 })
    const res = await get()
    expect(res.status).toBe(503)
    expect(await res.text()).toContain('503 Service Unavailable')
  })

  test('truncated-json: a complete transfer of half a JSON body, processed', async () => {
    gw.injectFault({ kind: 'malformed', body: 'truncated-json', operationId: 'createApiKey' })
    const res = await create()
    expect(res.status).toBe(201)
    expect(res.headers.get('content-type')).toMatch(/^application\/json/)
    const text = await res.text()
    expect(Number(res.headers.get('content-length'))).toBe(Buffer.byteLength(text))
    expect(text.startsWith('{"apiKey":{"apiKeyId":')).toBe(true)
    expect(() => JSON.parse(text)).toThrow(SyntaxError)
    expect(gw.keys.size).toBe(2)
    const whole = JSON.stringify({ apiKey: [...gw.keys.values()].at(-1) })
    expect(text).toBe(whole.slice(0, Math.floor(whole.length / 2)))
  })

  test('not-json: a 200 labelled JSON whose body is not JSON, processed', async () => {
    const before = gw.keys.get(id)?.primaryKey
    gw.injectFault({ kind: 'malformed', body: 'not-json' })
    const res = await regenerate()
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^application\/json/)
    expect(await failure(res.json())).toMatchObject({ name: 'SyntaxError' })
    expect(gw.requests[0]).toMatchObject({ fault: 'malformed', status: 200 })
    expect(gw.keys.get(id)?.primaryKey).not.toBe(before)
  })

  test('empty: a 200 with no body at all', async () => {
    gw.injectFault({ kind: 'malformed', body: 'empty' })
    const res = await get()
    expect(res.status).toBe(200)
    expect(res.headers.get('content-length')).toBe('0')
    expect(await res.text()).toBe('')
  })

  test('a malformed body keeps an error status of the processed request, or takes the given one', async () => {
    gw.injectFault({ kind: 'malformed', body: 'truncated-json' })
    const missing = await ncpFetch(gw.url, TEST_CREDENTIALS, 'GET', '/api-keys/nope')
    expect(missing.status).toBe(404)
    expect(await missing.text()).toMatch(/^\{"error":\{"errorCode":"300"/)
    gw.injectFault({ kind: 'malformed', body: 'empty', status: 503 })
    expect((await get()).status).toBe(503)
  })
})

describe('large bodies', () => {
  test('large: a valid 10 MiB answer of the documented shape', async () => {
    gw.injectFault({ kind: 'large' })
    const res = await get()
    expect(res.status).toBe(200)
    expect(res.headers.get('content-length')).toBe(String(10 * 1024 * 1024))
    const text = await res.text()
    expect(text.length).toBe(10 * 1024 * 1024)
    expect(JSON.parse(text)).toEqual(gw.keys.get(id))
  })

  test('large with a size of its own', async () => {
    gw.injectFault({ kind: 'large', bytes: 64 * 1024 })
    const res = await create()
    expect((await res.arrayBuffer()).byteLength).toBe(64 * 1024)
  })
})

describe('transform faults: spec-violating responses', () => {
  test('a transform can drop a field of a real response', async () => {
    gw.injectFault({
      kind: 'transform',
      transform: (response) => {
        delete response.body.apiKey.modTime
      },
    })
    const res = await create()
    expect(res.status).toBe(201)
    const body = (await res.json()) as { apiKey: Record<string, unknown> }
    expect(body.apiKey).not.toHaveProperty('modTime')
    const stored = gw.keys.get(body.apiKey.apiKeyId as string)
    expect(stored?.modTime).toMatch(/Z$/)
  })

  test('a transform can give a field the wrong type and sees the request', async () => {
    let seen: string | undefined
    gw.injectFault({
      kind: 'transform',
      operationId: 'getApiKey',
      transform: (response, request) => {
        seen = request.pathParams['api-key-id']
        response.body.isEnabled = 'yes'
        return response
      },
    })
    const res = await get()
    expect(((await res.json()) as { isEnabled: unknown }).isEnabled).toBe('yes')
    expect(seen).toBe(id)
    expect(gw.keys.get(id)?.isEnabled).toBe(true)
  })

  test('an async transform can replace the whole response', async () => {
    gw.injectFault({
      kind: 'transform',
      transform: async () => ({ status: 201, headers: { 'content-type': 'application/json' }, body: { surprise: true } }),
    })
    const res = await get()
    expect(res.status).toBe(201)
    expect(await res.json()).toEqual({ surprise: true })
    expect(res.headers.get('date')).not.toBeNull()
  })

  test('a transform that throws gives a 500 saying so', async () => {
    gw.injectFault({
      kind: 'transform',
      transform: () => {
        throw new Error('boom')
      },
    })
    const res = await get()
    expect(res.status).toBe(500)
    expect(await res.json()).toEqual({
      error: { errorCode: '900', message: 'Unexpected Error', details: 'the transform fault threw: boom' },
    })
  })
})

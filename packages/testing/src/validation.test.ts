import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { ncpFetch, signedHeaders } from '../test/ncp-fetch.js'
import { operations } from './generated/limits.js'
import { startFakeApiGateway, TEST_CREDENTIALS, type FakeApiGateway } from './index.js'

// Boundaries come from the spec (through the generated limits), so these tests follow the spec.
const name = operations.createApiKey.body.properties.apiKeyName
const description = operations.createApiKey.body.properties.apiKeyDescription
const keyTypes = operations.regenerateApiKey.body.properties.keyType.enum

let gw: FakeApiGateway
let id: string
beforeAll(async () => {
  gw = await startFakeApiGateway()
  id = gw.seedKey({ apiKeyName: 'original' }).apiKeyId
})
afterAll(async () => {
  await gw.close()
})

async function badRequest(res: Response): Promise<string> {
  const body = (await res.json()) as { error: { errorCode: string; message: string; details: string } }
  expect(res.status).toBe(400)
  expect(body.error).toMatchObject({ errorCode: '100', message: 'Bad Request Exception' })
  return body.error.details
}

const send = (method: string, path: string, body: unknown, headers?: Record<string, string>) =>
  ncpFetch(gw.url, TEST_CREDENTIALS, method, path, { body, ...(headers ? { headers } : {}) })

describe('request bodies are checked against the spec', () => {
  test('names at the length limits are accepted, counted in characters', async () => {
    for (const length of [name.minLength, name.maxLength]) {
      const res = await send('POST', '/api-keys', { apiKeyName: '키'.repeat(length), apiKeyDescription: '😀'.repeat(description.maxLength) })
      expect(res.status).toBe(200)
    }
  })

  test.each([
    ['empty', ''.padEnd(name.minLength - 1, 'x')],
    ['too long', 'x'.repeat(name.maxLength + 1)],
  ])('a name that is %s is refused, naming the field and the limit', async (_what, value) => {
    const details = await badRequest(await send('POST', '/api-keys', { apiKeyName: value }))
    expect(details).toBe(`apiKeyName must be ${name.minLength} to ${name.maxLength} characters, got ${[...value].length}`)
  })

  test('a description over its limit is refused on create and on update', async () => {
    const long = 'd'.repeat(description.maxLength + 1)
    const expected = `apiKeyDescription must be ${description.minLength} to ${description.maxLength} characters, got ${long.length}`
    expect(await badRequest(await send('POST', '/api-keys', { apiKeyName: 'x', apiKeyDescription: long }))).toBe(expected)
    expect(await badRequest(await send('PUT', `/api-keys/${id}`, { apiKeyName: 'x', isEnabled: true, apiKeyDescription: long }))).toBe(expected)
  })

  test.each([
    ['POST', '/api-keys', {}, 'apiKeyName is required'],
    ['PUT', '/api-keys/{id}', { apiKeyName: 'x' }, 'isEnabled is required'],
    ['PUT', '/api-keys/{id}', { isEnabled: true }, 'apiKeyName is required'],
    ['PATCH', '/api-keys/{id}', {}, 'keyType is required'],
  ])('%s %s without a required field is refused: %s', async (method, path, body, expected) => {
    expect(await badRequest(await send(method, path.replace('{id}', id), body))).toBe(expected)
  })

  test.each([
    [{ apiKeyName: 'x', isEnabled: 'false' }, 'isEnabled must be a boolean, got string'],
    [{ apiKeyName: 'x', isEnabled: 1 }, 'isEnabled must be a boolean, got integer'],
    [{ apiKeyName: 42, isEnabled: true }, 'apiKeyName must be a string, got integer'],
    [{ apiKeyName: null, isEnabled: true }, 'apiKeyName must be a string, got null'],
    [{ apiKeyName: ['x'], isEnabled: true }, 'apiKeyName must be a string, got array'],
  ])('a field of the wrong type is refused: %j', async (body, expected) => {
    expect(await badRequest(await send('PUT', `/api-keys/${id}`, body))).toBe(expected)
  })

  test('a keyType outside the enum is refused, listing the allowed values', async () => {
    expect(await badRequest(await send('PATCH', `/api-keys/${id}`, { keyType: 'TERTIARY' }))).toBe(
      `keyType must be one of ${keyTypes.join(', ')}, got "TERTIARY"`,
    )
    expect(await badRequest(await send('PATCH', `/api-keys/${id}`, { keyType: 'primary' }))).toContain('got "primary"')
  })

  test('an unknown field is refused, naming it and the allowed fields', async () => {
    expect(await badRequest(await send('POST', '/api-keys', { apiKeyName: 'x', apiName: 'x' }))).toBe(
      'unknown field "apiName" (allowed: apiKeyName, apiKeyDescription)',
    )
  })

  test('every problem of a body is named at once', async () => {
    const details = await badRequest(await send('PUT', `/api-keys/${id}`, { apiKeyName: '', isEnabled: 'yes', extra: 1 }))
    expect(details.split('; ')).toEqual([
      'isEnabled must be a boolean, got string',
      `apiKeyName must be ${name.minLength} to ${name.maxLength} characters, got 0`,
      'unknown field "extra" (allowed: isEnabled, apiKeyName, apiKeyDescription)',
    ])
  })

  test.each([
    ['invalid JSON', '{"apiKeyName":', /^the request body is not valid JSON: /],
    ['a JSON array', '[]', /^the request body must be a JSON object, got array$/],
    ['a JSON string', '"x"', /^the request body must be a JSON object, got string$/],
    ['null', 'null', /^the request body must be a JSON object, got null$/],
  ])('%s is refused', async (_what, raw, expected) => {
    expect(await badRequest(await send('POST', '/api-keys', raw))).toMatch(expected)
  })

  test('a missing body is refused', async () => {
    const res = await ncpFetch(gw.url, TEST_CREDENTIALS, 'POST', '/api-keys')
    expect(await badRequest(res)).toBe('the request body is required')
  })

  test('a body that is not labelled JSON is refused', async () => {
    const details = await badRequest(await send('POST', '/api-keys', { apiKeyName: 'x' }, { 'content-type': 'text/plain' }))
    expect(details).toBe('Content-Type must be application/json, got "text/plain"')
    const withCharset = await send('POST', '/api-keys', { apiKeyName: 'x' }, { 'content-type': 'application/json; charset=utf-8' })
    expect(withCharset.status).toBe(200)
  })

  test('a body that is not UTF-8 is refused', async () => {
    const bytes = Buffer.concat([Buffer.from('{"apiKeyName":"'), Buffer.from([0xff, 0xfe]), Buffer.from('"}')])
    const res = await fetch(`${gw.url}/api-keys`, {
      method: 'POST',
      headers: { ...signedHeaders('POST', `${gw.url}/api-keys`, TEST_CREDENTIALS), 'content-type': 'application/json' },
      body: bytes,
    })
    expect(await badRequest(res)).toBe('the request body is not valid UTF-8')
  })

  test('a body over 1 MiB is refused with 413 and errorCode 430', async () => {
    const res = await send('POST', '/api-keys', { apiKeyName: 'x', apiKeyDescription: 'x'.repeat(1024 * 1024) })
    expect(res.status).toBe(413)
    expect(await res.json()).toEqual({
      error: { errorCode: '430', message: 'Request Entity Too Large', details: expect.stringContaining('1048576 bytes') },
    })
  })

  test('a refused body changes nothing', async () => {
    const before = gw.keys.get(id)
    const count = gw.keys.size
    await send('PUT', `/api-keys/${id}`, { apiKeyName: 'x'.repeat(name.maxLength + 1), isEnabled: false })
    await send('PATCH', `/api-keys/${id}`, { keyType: 'TERTIARY' })
    await send('POST', '/api-keys', { apiKeyName: '' })
    expect(gw.keys.get(id)).toBe(before)
    expect(gw.keys.size).toBe(count)
  })

  test('the request records the parsed body even when it is refused', async () => {
    await send('PATCH', `/api-keys/${id}`, { keyType: 'TERTIARY' })
    expect(gw.requests.at(-1)).toMatchObject({ body: { keyType: 'TERTIARY' }, status: 400, operationId: 'regenerateApiKey' })
    await send('POST', '/api-keys', '{oops')
    expect(gw.requests.at(-1)).toMatchObject({ body: undefined, rawBody: '{oops', status: 400 })
  })
})

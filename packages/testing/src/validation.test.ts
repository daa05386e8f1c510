import { describe as say, problemText, requestProblems, type Schema } from '@ncloud-apigw/operations'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { exampleCall, exampleRequests, operations, send as sendCall, state, withBody, type OperationId } from '../test/example-requests.js'
import { ncpFetch, rawRequest, signedHeaders } from '../test/ncp-fetch.js'
import { exampleWorld, startFakeApiGateway, TEST_CREDENTIALS, type FakeApiGateway } from './index.js'

// Boundaries come from the operation table (generated from the spec), never typed here.
const ApiKeyName = operations.createApiKey.body.properties.apiKeyName
const ApiKeyDescription = operations.createApiKey.body.properties.apiKeyDescription
const keyTypes = operations.regenerateApiKey.body.properties.keyType.enum
const characters = (n: number) => `${n} character${n === 1 ? '' : 's'}`
const tooLongName = 'x'.repeat(ApiKeyName.maxLength + 1)

let gw: FakeApiGateway
let id: string
beforeAll(async () => {
  // Every operation's example names things that exist, so only what is checked here is wrong.
  gw = await startFakeApiGateway(exampleWorld())
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

/** The operation's example request with another body. */
const sendTo = (op: OperationId, body: unknown, headers?: Record<string, string>) => {
  const { method, path } = exampleCall(op)
  return send(method, path, body, headers)
}
/** What the shared validator says of a body, as the fake must answer it. */
const expected = (op: OperationId, body: unknown) => requestProblems(operations[op], { ...exampleRequests[op], body }).map(problemText).join('; ')

describe('request bodies are checked with the shared validator', () => {
  test('names and descriptions at the length limits are accepted, counted in characters', async () => {
    for (const length of [ApiKeyName.minLength, ApiKeyName.maxLength]) {
      const res = await send('POST', '/api-keys', { apiKeyName: '키'.repeat(length), apiKeyDescription: '😀'.repeat(ApiKeyDescription.maxLength) })
      expect(res.status).toBe(operations.createApiKey.success)
    }
  })

  test.each([
    ['too short', ''.padEnd(ApiKeyName.minLength - 1, 'x')],
    ['too long', tooLongName],
  ])('a name that is %s is refused, naming the field and the limit', async (_what, value) => {
    const details = await badRequest(await send('POST', '/api-keys', { apiKeyName: value }))
    expect(details).toBe(`apiKeyName must be ${say(ApiKeyName)}, got ${characters([...value].length)}`)
    expect(details).toBe(expected('createApiKey', { apiKeyName: value }))
  })

  test('a description over its limit is refused on create and on update', async () => {
    const long = 'd'.repeat(ApiKeyDescription.maxLength + 1)
    const text = `apiKeyDescription must be ${say(ApiKeyDescription)}, got ${characters(long.length)}`
    expect(await badRequest(await send('POST', '/api-keys', { apiKeyName: 'ci-bot', apiKeyDescription: long }))).toBe(text)
    expect(await badRequest(await sendTo('updateApiKey', { apiKeyName: 'ci-bot', isEnabled: true, apiKeyDescription: long }))).toBe(text)
  })

  // Every operation with a body, every required field of it left out in turn.
  const missing = withBody.flatMap((op) =>
    ((operations[op].body as Schema).required ?? []).map((field) => [op, field] as const),
  )
  test.each(missing)('%s without its required %s is refused, naming it', async (op, field) => {
    const body: Record<string, unknown> = { ...(exampleRequests[op] as { body: object }).body }
    delete body[field]
    const details = await badRequest(await sendTo(op, body))
    expect(details).toMatch(new RegExp(`^${field} must be .*, got nothing$`))
    expect(details).toBe(expected(op, body))
  })

  test.each([
    [{ apiKeyName: 'ci-bot', isEnabled: 'false' }, 'isEnabled must be true or false, got a string'],
    [{ apiKeyName: 'ci-bot', isEnabled: 1 }, 'isEnabled must be true or false, got an integer'],
    [{ apiKeyName: 42, isEnabled: true }, `apiKeyName must be ${say(ApiKeyName)}, got an integer`],
    [{ apiKeyName: null, isEnabled: true }, `apiKeyName must be ${say(ApiKeyName)}, got null`],
    [{ apiKeyName: ['ci-bot'], isEnabled: true }, `apiKeyName must be ${say(ApiKeyName)}, got an array`],
  ])('a field of the wrong type is refused: %j', async (body, text) => {
    const details = await badRequest(await sendTo('updateApiKey', body))
    expect(details).toBe(text)
    expect(details).toBe(expected('updateApiKey', body))
  })

  test('a keyType outside the enum is refused, listing the allowed values', async () => {
    expect(await badRequest(await sendTo('regenerateApiKey', { keyType: 'TERTIARY' }))).toBe(`keyType must be one of ${keyTypes.join(', ')}`)
    expect(await badRequest(await sendTo('regenerateApiKey', { keyType: 'primary' }))).toBe(`keyType must be one of ${keyTypes.join(', ')}`)
  })

  test('an unknown field is refused, naming it and the allowed fields', async () => {
    expect(await badRequest(await send('POST', '/api-keys', { apiKeyName: 'ci-bot', apiName: 'ci-bot' }))).toBe(
      `apiName must be absent: the fields are ${Object.keys(operations.createApiKey.body.properties).join(', ')}`,
    )
  })

  test('every problem of a body is named at once', async () => {
    const body = { apiKeyName: tooLongName, isEnabled: 'yes', extra: 1 }
    const details = await badRequest(await sendTo('updateApiKey', body))
    expect(details.split('; ')).toEqual([
      `apiKeyName must be ${say(ApiKeyName)}, got ${characters(tooLongName.length)}`,
      'isEnabled must be true or false, got a string',
      'extra must be absent: the fields are isEnabled, apiKeyName, apiKeyDescription',
    ])
    expect(details).toBe(expected('updateApiKey', body))
  })

  test.each([
    ['a JSON array', '[]', 'the body must be an object, got an array'],
    ['a JSON string', '"x"', 'the body must be an object, got a string'],
    ['null', 'null', 'the body must be an object, got null'],
  ])('%s is refused', async (_what, raw, text) => {
    expect(await badRequest(await send('POST', '/api-keys', raw))).toBe(text)
  })

  test('invalid JSON is refused, saying where it broke', async () => {
    expect(await badRequest(await send('POST', '/api-keys', '{"apiKeyName":'))).toMatch(/^the body is not valid JSON: /)
  })

  test.each(withBody)('%s without a body is refused', async (op) => {
    const res = await sendCall(gw, exampleCall(op, { body: undefined }))
    expect(await badRequest(res)).toBe('the body must be an object, got nothing')
  })

  test('a body that is not labelled JSON is refused', async () => {
    const details = await badRequest(await send('POST', '/api-keys', { apiKeyName: 'ci-bot' }, { 'content-type': 'text/plain' }))
    expect(details).toBe('Content-Type must be application/json, got "text/plain"')
    const withCharset = await send('POST', '/api-keys', { apiKeyName: 'ci-bot' }, { 'content-type': 'application/json; charset=utf-8' })
    expect(withCharset.status).toBe(operations.createApiKey.success)
  })

  test('a body that is not UTF-8 is refused', async () => {
    const bytes = Buffer.concat([Buffer.from('{"apiKeyName":"'), Buffer.from([0xff, 0xfe]), Buffer.from('"}')])
    const res = await fetch(`${gw.url}/api-keys`, {
      method: 'POST',
      headers: { ...signedHeaders('POST', `${gw.url}/api-keys`, TEST_CREDENTIALS), 'content-type': 'application/json' },
      body: bytes,
    })
    expect(await badRequest(res)).toBe('the body is not valid UTF-8')
  })

  test('the body of an operation without one is ignored', async () => {
    const res = await rawRequest(gw.url, TEST_CREDENTIALS, 'GET', `/api/v1/api-keys/${id}`, {
      body: '{"anything":true}',
      headers: { 'content-length': '17' },
    })
    expect(res.status).toBe(200)
    expect(gw.requests.at(-1)).toMatchObject({ operationId: 'getApiKey', body: { anything: true } })
  })

  test('a body over 1 MiB is refused with 413 and errorCode 430', async () => {
    const res = await send('POST', '/api-keys', { apiKeyName: 'ci-bot', apiKeyDescription: 'x'.repeat(1024 * 1024) })
    expect(res.status).toBe(413)
    expect(await res.json()).toEqual({
      error: { errorCode: '430', message: 'Request Entity Too Large', details: expect.stringContaining('1048576 bytes') },
    })
  })

  test.each(withBody)('a refused body changes nothing: %s with each required field left out', async (op) => {
    const before = state(gw)
    for (const field of (operations[op].body as Schema).required ?? []) {
      const body: Record<string, unknown> = { ...(exampleRequests[op] as { body: object }).body }
      delete body[field]
      expect((await sendTo(op, body)).status).toBe(400)
    }
    expect((await sendTo(op, { ...(exampleRequests[op] as { body: object }).body, unknownField: 1 })).status).toBe(400)
    expect(state(gw)).toBe(before)
  })

  test('the request records the parsed body even when it is refused', async () => {
    await sendTo('regenerateApiKey', { keyType: 'TERTIARY' })
    expect(gw.requests.at(-1)).toMatchObject({ body: { keyType: 'TERTIARY' }, status: 400, operationId: 'regenerateApiKey' })
    await send('POST', '/api-keys', '{oops')
    expect(gw.requests.at(-1)).toMatchObject({ body: undefined, rawBody: '{oops', status: 400, bodySize: 5, bodyTruncated: false })
  })
})

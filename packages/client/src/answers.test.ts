// A 2xx answer is held to the table's response schema before it is handed back: a body that is
// not the documented answer (a key without primaryKey, isEnabled "yes", a key value that is not a
// string, a page without its total) is an NcpApiError naming the field, for every answer shape,
// and never quotes the body, which may hold key values.
import { inspect } from 'node:util'
import { type OperationId, operationIds, operations, describe as say } from '@ncloud-apigw/operations'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { untimedClient } from '../test/fixtures/attempt-timer.js'
import { answerBody, calls } from '../test/fixtures/calls.js'
import { characters, nameRule, over } from '../test/fixtures/limits.js'
import { type Loopback, sendJson, startServer } from '../test/fixtures/loopback.js'
import { apiKey, credentials, json, scriptedFetch } from '../test/fixtures/scripted-fetch.js'
import { NcpApiError } from './errors.js'
import { createApiKeyClient } from './node.js'

const answering = operationIds.filter((id) => operations[id].answer !== 'none')

/** Where the key sits in an operation's answer, as the validator names it. */
const keyPath = (operation: OperationId) => ({ key: '', wrapped: 'apiKey.', page: 'apiKeys[0].', none: '' })[operations[operation].answer]

type Key = Record<string, unknown>
/** The documented answer with its (first) key changed by `change`. */
function withKey(operation: OperationId, change: (key: Key) => void): unknown {
  const body = structuredClone(answerBody(operation)) as Record<string, unknown>
  const shape = operations[operation].answer
  const key = (shape === 'key' ? body : shape === 'wrapped' ? body.apiKey : (body.apiKeys as Key[])[0]) as Key
  change(key)
  return body
}

// What the answer's key holds that must never be quoted.
const KEY_VALUES = [apiKey.primaryKey, apiKey.secondaryKey, 'ShortSecret1', 'yes-it-is-enabled']

// A name one character over the spec's limit, made of something that must not be quoted.
const overlongName = 'ShortSecret1-'.repeat(over(nameRule)).slice(0, over(nameRule))

const brokenKeys: [string, (key: Key) => void, string, string][] = [
  ['without apiKeyId', (k) => delete k.apiKeyId, 'apiKeyId', 'a string, got nothing'],
  ['with isEnabled "yes"', (k) => (k.isEnabled = 'yes-it-is-enabled'), 'isEnabled', 'true or false, got a string'],
  ['with a key value that is a number', (k) => (k.primaryKey = 12345), 'primaryKey', 'a string, got an integer'],
  ['with a key value that is an object', (k) => (k.secondaryKey = { value: 'ShortSecret1' }), 'secondaryKey', 'a string, got an object'],
  ['with a name over its limit', (k) => (k.apiKeyName = overlongName), 'apiKeyName', `${say(nameRule)}, got ${characters(over(nameRule))}`],
  ['with modTime null', (k) => (k.modTime = null), 'modTime', 'a string, got null'],
]

let server: Loopback
let reply: unknown
beforeAll(async () => {
  server = await startServer((_r, res) => sendJson(res, 200, reply))
})
afterAll(() => server.close())

function expectQuotesNothing(error: unknown) {
  for (const text of [(error as Error).message, JSON.stringify(error), inspect(error, { depth: 10, showHidden: true })]) {
    for (const value of KEY_VALUES) expect(text).not.toContain(value)
  }
}

describe.each(answering)('%s', (operation) => {
  test.each(brokenKeys)('a 2xx key %s: NcpApiError naming the field, quoting nothing, not retried', async (_name, change, field, rule) => {
    reply = withKey(operation, (key) => {
      // Key values present, so that "quoting nothing" is tested against real values.
      key.primaryKey ??= 'ShortSecret1'
      change(key)
    })
    const before = server.received.length
    const error = await calls[operation](untimedClient({ credentials, baseUrl: server.baseUrl, maxAttempts: 3 }), 'k').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(NcpApiError)
    expect(error).toMatchObject({ operation, status: 200, retryable: false })
    expect((error as NcpApiError).excerpt).toBeUndefined()
    const named = `${keyPath(operation)}${field}`
    expect((error as Error).message).toBe(
      `${operation} failed: HTTP 200 with a body that is not the documented answer (${named} must be ${rule}). Check the base URL and any proxy in between.`,
    )
    expectQuotesNothing(error)
    expect(server.received.length - before).toBe(1)
  })
})

describe('answers whose whole shape is wrong', () => {
  const cases: [OperationId, unknown, string][] = [
    ['createApiKey', apiKey, 'apiKey must be an object, got nothing'],
    ['createApiKey', { apiKey: null }, 'apiKey must be an object, got null'],
    ['updateApiKey', { apiKey: [apiKey] }, 'apiKey must be an object, got an array'],
    ['regenerateApiKey', { key: apiKey }, 'apiKey must be an object, got nothing'],
    ['getApiKey', { apiKey }, 'apiKeyId must be a string, got nothing'],
    ['getApiKey', [apiKey], 'the body must be an object, got an array'],
    ['getApiKey', 'ShortSecret1', 'the body must be an object, got a string'],
    ['listApiKeys', { apiKeys: [], initialCount: 0 }, 'total must be an integer of at least 0, got nothing'],
    ['listApiKeys', { apiKeys: [], total: -1, initialCount: 0 }, 'total must be an integer of at least 0, got -1'],
    ['listApiKeys', { apiKeys: [], total: 1.5, initialCount: 0 }, 'total must be an integer of at least 0, got a number'],
    ['listApiKeys', { apiKeys: { 0: apiKey }, total: 1, initialCount: 1 }, 'apiKeys must be an array, got an object'],
    ['listApiKeys', { apiKeys: [apiKey, { ...apiKey, isEnabled: 'yes-it-is-enabled' }], total: 2, initialCount: 2 }, 'apiKeys[1].isEnabled must be true or false, got a string'],
  ]

  test.each(cases)('%s answered %j: %s', async (operation, body, problem) => {
    const { fetch } = scriptedFetch(json(body, operations[operation].success))
    const error = await calls[operation](createApiKeyClient({ credentials, baseUrl: 'https://apigw.test/api/v1', fetch }), 'k').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(NcpApiError)
    expect((error as Error).message).toContain(`not the documented answer (${problem})`)
    expectQuotesNothing(error)
  })

  test.each(answering)('%s: a 2xx that is not JSON is refused without quoting it', async (operation) => {
    const { fetch } = scriptedFetch(new Response(`{"apiKey":{"primaryKey":"${apiKey.primaryKey}"`, { status: 200 }))
    const error = await calls[operation](createApiKeyClient({ credentials, baseUrl: 'https://apigw.test/api/v1', fetch }), 'k').catch((e: unknown) => e)
    expect(error).toMatchObject({ name: 'NcpApiError', status: 200, message: expect.stringContaining('with a body that is not JSON') })
    expect((error as NcpApiError).excerpt).toBeUndefined()
    expectQuotesNothing(error)
  })

  test('fields beyond the documented ones are kept: the spec leaves answers open', async () => {
    const { fetch } = scriptedFetch(json({ ...apiKey, extra: 1 }))
    expect(await createApiKeyClient({ credentials, baseUrl: 'https://apigw.test/api/v1', fetch }).getApiKey('k')).toEqual({ ...apiKey, extra: 1 })
  })
})

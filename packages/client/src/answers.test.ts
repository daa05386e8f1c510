// A 2xx answer is held to the table's response schema before it is handed back: a body that is
// not the documented answer (a key without primaryKey, isEnabled "yes", a key value that is not a
// string, a page without its total) is an NcpApiError naming the field, for every answer shape,
// and never quotes the body, which may hold key values.
import { inspect } from 'node:util'
import { type OperationId, operationIds, operations, type Schema, describe as say } from '@ncloud-apigw/operations'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { untimedClient } from '../test/fixtures/attempt-timer.js'
import { answerBody, calls, locate } from '../test/fixtures/calls.js'
import { characters } from '../test/fixtures/limits.js'
import { type Loopback, sendJson, startServer } from '../test/fixtures/loopback.js'
import { apiKey, credentials, json, scriptedFetch } from '../test/fixtures/scripted-fetch.js'
import { NcpApiError } from './errors.js'
import { createApiKeyClient } from './node.js'

const answering = operationIds.filter((id) => operations[id].response !== undefined)

type Json = Record<string, unknown>

/**
 * Ways to break the object an answer is about, from its schema: a required field left out, a
 * required string that is a number, a boolean that is a string; each with the field it names and
 * the rule it breaks. Key values (`primaryKey`) are among the strings where the answer has them.
 */
function breakages(schema: Schema): [string, (object: Json) => void, string, string][] {
  const fields = Object.entries(schema.properties ?? {})
  const required = schema.required ?? []
  const found: [string, (object: Json) => void, string, string][] = []
  const [first] = required
  if (first) found.push([`without ${first}`, (o) => delete o[first], first, `${say(schema.properties![first]!)}, got nothing`])
  for (const [field, rule] of fields.filter(([f, r]) => r.type === 'string' && (required.includes(f) || SECRET_FIELDS.includes(f))).slice(0, 3)) {
    found.push([`with ${field} a number`, (o) => (o[field] = 12345), field, `${say(rule)}, got an integer`])
  }
  const bounded = fields.find(([, r]) => r.type === 'string' && r.maxLength !== undefined)
  if (bounded) {
    const [field, rule] = bounded
    const length = rule.maxLength! + 1
    found.push([`with ${field} over its limit`, (o) => (o[field] = 'ShortSecret1-'.repeat(length).slice(0, length)), field, `${say(rule)}, got ${characters(length)}`])
  }
  const last = required.at(-1)
  if (last) found.push([`with ${last} null`, (o) => (o[last] = null), last, `${say(schema.properties![last]!)}, got null`])
  const flag = fields.find(([, r]) => r.type === 'boolean')
  if (flag) found.push([`with ${flag[0]} "yes"`, (o) => (o[flag[0]] = 'yes-it-is-enabled'), flag[0], 'true or false, got a string'])
  return found
}

const SECRET_FIELDS = ['primaryKey', 'secondaryKey']

// What the answer holds that must never be quoted: every string of every example answer.
const KEY_VALUES = [apiKey.primaryKey, apiKey.secondaryKey, 'ShortSecret1', 'yes-it-is-enabled']

let server: Loopback
let reply: unknown
let status = 200
beforeAll(async () => {
  server = await startServer((_r, res) => sendJson(res, status, reply))
})
afterAll(() => server.close())

function expectQuotesNothing(error: unknown) {
  for (const text of [(error as Error).message, JSON.stringify(error), inspect(error, { depth: 10, showHidden: true })]) {
    for (const value of KEY_VALUES) expect(text).not.toContain(value)
  }
}

describe.each(answering)('%s', (operation) => {
  const { schema } = locate(operation, answerBody(operation) as Json)
  test.each(breakages(schema))('a 2xx whose item is %s: NcpApiError naming the field, quoting nothing, not retried', async (_name, change, field, rule) => {
    const body = answerBody(operation) as Json
    const { path, object } = locate(operation, body)
    // Key values present, so that "quoting nothing" is tested against real values.
    for (const secret of SECRET_FIELDS) if (Object.hasOwn(schema.properties ?? {}, secret)) object[secret] = 'ShortSecret1'
    change(object)
    reply = body
    status = operations[operation].success
    const before = server.received.length
    const error = await calls[operation](untimedClient({ credentials, baseUrl: server.baseUrl, maxAttempts: 3 })).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(NcpApiError)
    expect(error).toMatchObject({ operation, status: operations[operation].success, retryable: false })
    expect((error as NcpApiError).excerpt).toBeUndefined()
    expect((error as Error).message).toBe(
      `${operation} failed: HTTP ${operations[operation].success} with a body that is not the documented answer (${path}${field} must be ${rule}). Check the base URL and any proxy in between.`,
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
    const error = await calls[operation](createApiKeyClient({ credentials, baseUrl: 'https://apigw.test/api/v1', fetch })).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(NcpApiError)
    expect((error as Error).message).toContain(`not the documented answer (${problem})`)
    expectQuotesNothing(error)
  })

  test.each(answering)('%s: a 2xx that is not JSON is refused without quoting it', async (operation) => {
    const { fetch } = scriptedFetch(new Response(`{"apiKey":{"primaryKey":"${apiKey.primaryKey}"`, { status: operations[operation].success }))
    const error = await calls[operation](createApiKeyClient({ credentials, baseUrl: 'https://apigw.test/api/v1', fetch })).catch((e: unknown) => e)
    expect(error).toMatchObject({ name: 'NcpApiError', status: operations[operation].success, message: expect.stringContaining('with a body that is not JSON') })
    expect((error as NcpApiError).excerpt).toBeUndefined()
    expectQuotesNothing(error)
  })

  test('fields beyond the documented ones are kept: the spec leaves answers open', async () => {
    const { fetch } = scriptedFetch(json({ ...apiKey, extra: 1 }))
    expect(await createApiKeyClient({ credentials, baseUrl: 'https://apigw.test/api/v1', fetch }).getApiKey('k')).toEqual({ ...apiKey, extra: 1 })
  })
})

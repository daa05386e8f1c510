// Validation cannot be walked around: what is validated is exactly the JSON that will be sent
// (stringified, parsed back), own properties only. Field names that objects inherit (toString,
// constructor, hasOwnProperty, __proto__), a body inheriting apiKeyName from its prototype, a
// getter or toJSON showing validation one value and JSON.stringify another: none gets through.
import { describe as say, operations } from '@ncloud-apigw/operations'
import { describe, expect, test } from 'vitest'
import { over, tooLong } from '../test/fixtures/limits.js'
import { apiKey, baseUrl, credentials, json, page, scriptedFetch } from '../test/fixtures/scripted-fetch.js'
import { NcpValidationError } from './errors.js'
import { createApiKeyClient } from './node.js'

function setup() {
  const { fetch, seen } = scriptedFetch((s) => (s.method !== 'GET' ? json({ apiKey }) : /^\/api\/v1\/api-keys(\?|$)/.test(s.path) ? json(page([])) : json(apiKey)))
  return { client: createApiKeyClient({ credentials, baseUrl, fetch }), seen }
}

const fields = 'absent: the fields are apiKeyName, apiKeyDescription'
const name = operations.createApiKey.body.properties.apiKeyName
const nameRule = say(name)

describe('names every object inherits are fields like any other', () => {
  test.each(['toString', 'constructor', 'hasOwnProperty', 'valueOf', 'isPrototypeOf'])('a body field %s is an unknown field, refused', async (name) => {
    const { client, seen } = setup()
    await expect(client.createApiKey({ apiKeyName: 'ci-bot', [name]: 'x' } as never)).rejects.toMatchObject({ name: 'NcpValidationError', field: name, limit: fields })
    expect(seen).toHaveLength(0)
  })

  test('an own __proto__ field (as JSON.parse makes one) is an unknown field, refused', async () => {
    const { client, seen } = setup()
    const body = JSON.parse('{"apiKeyName":"ci-bot","__proto__":{"isEnabled":true}}')
    expect(Object.hasOwn(body, '__proto__')).toBe(true)
    await expect(client.createApiKey(body)).rejects.toMatchObject({ field: '__proto__', limit: fields })
    expect(seen).toHaveLength(0)
  })

  test('a required field is never found on the prototype: {} lacks apiKeyName even where Object.prototype has one', async () => {
    const { client, seen } = setup()
    Object.defineProperty(Object.prototype, 'apiKeyName', { value: 'polluted', configurable: true, writable: true })
    try {
      await expect(client.createApiKey({} as never)).rejects.toMatchObject({ field: 'apiKeyName', got: 'nothing' })
    } finally {
      delete (Object.prototype as { apiKeyName?: unknown }).apiKeyName
    }
    expect(seen).toHaveLength(0)
  })

  test.each(['toString', 'constructor', 'hasOwnProperty', '__proto__'])('a query key %s is an unknown parameter, refused', async (name) => {
    const { client, seen } = setup()
    const query = JSON.parse(`{"limit":5,${JSON.stringify(name)}:1}`)
    await expect(client.listApiKeys(query)).rejects.toMatchObject({ field: name, limit: 'absent: the query parameters are offset, limit, apiKeyName' })
    expect(seen).toHaveLength(0)
  })
})

describe('own properties only', () => {
  test('a body inheriting apiKeyName from its prototype has none: refused', async () => {
    const { client, seen } = setup()
    const body = Object.create({ apiKeyName: 'inherited' }) as { apiKeyName: string }
    expect(body.apiKeyName).toBe('inherited')
    await expect(client.createApiKey(body)).rejects.toMatchObject({ field: 'apiKeyName', limit: nameRule, got: 'nothing' })
    expect(seen).toHaveLength(0)
  })

  test('an update body inheriting isEnabled: refused', async () => {
    const { client, seen } = setup()
    const body = Object.assign(Object.create({ isEnabled: true }), { apiKeyName: 'ci-bot' })
    await expect(client.updateApiKey('k', body)).rejects.toMatchObject({ field: 'isEnabled', got: 'nothing' })
    expect(seen).toHaveLength(0)
  })

  test('an inherited query parameter is neither validated nor sent', async () => {
    const { client, seen } = setup()
    await client.listApiKeys(Object.create({ limit: 0 }))
    expect(seen[0]!.path).toBe('/api/v1/api-keys')
  })
})

describe('what is validated is what is sent', () => {
  test('a getter valid when first read and invalid after: read once, and what was read is what is sent', async () => {
    const { client, seen } = setup()
    let reads = 0
    const body = {
      get apiKeyName() {
        return reads++ === 0 ? 'ci-bot' : tooLong(name)
      },
    }
    await client.createApiKey(body)
    expect(reads).toBe(1)
    expect(JSON.parse(seen[0]!.body!)).toEqual({ apiKeyName: 'ci-bot' })
  })

  test('a getter invalid when first read: refused, whatever it would say later', async () => {
    const { client, seen } = setup()
    let reads = 0
    const body = {
      get apiKeyName() {
        return reads++ === 0 ? tooLong(name) : 'ci-bot'
      },
    }
    await expect(client.createApiKey(body)).rejects.toMatchObject({ field: 'apiKeyName', length: over(name) })
    expect(seen).toHaveLength(0)
  })

  test('toJSON that sends a name over its limit behind a valid one: refused', async () => {
    const { client, seen } = setup()
    const body = { apiKeyName: 'ci-bot', toJSON: () => ({ apiKeyName: tooLong(name) }) }
    await expect(client.createApiKey(body)).rejects.toMatchObject({ field: 'apiKeyName', length: over(name) })
    expect(seen).toHaveLength(0)
  })

  test('toJSON that adds a field the API does not have: refused', async () => {
    const { client, seen } = setup()
    const body = { apiKeyName: 'ci-bot', toJSON: () => ({ apiKeyName: 'ci-bot', isEnabled: true }) }
    await expect(client.createApiKey(body)).rejects.toMatchObject({ field: 'isEnabled', limit: fields })
    expect(seen).toHaveLength(0)
  })

  test('toJSON that turns an invalid object into a valid one: the valid JSON is what is checked and sent', async () => {
    const { client, seen } = setup()
    const body = { apiKeyName: tooLong(name), toJSON: () => ({ apiKeyName: 'ci-bot' }) }
    await client.createApiKey(body)
    expect(JSON.parse(seen[0]!.body!)).toEqual({ apiKeyName: 'ci-bot' })
  })

  test('a Date or a number is judged as JSON sends it: the Date as its text, NaN as null', async () => {
    const { client, seen } = setup()
    await expect(client.updateApiKey('k', { apiKeyName: 'ci-bot', isEnabled: new Date(0) as never })).rejects.toMatchObject({
      field: 'isEnabled',
      got: 'a string',
    })
    await expect(client.createApiKey({ apiKeyName: Number.NaN as never })).rejects.toMatchObject({ field: 'apiKeyName', got: 'null' })
    expect(seen).toHaveLength(0)
  })

  test('undefined fields are left out, as JSON leaves them', async () => {
    const { client, seen } = setup()
    await client.createApiKey({ apiKeyName: 'ci-bot', apiKeyDescription: undefined } as never)
    expect(seen[0]!.body).toBe('{"apiKeyName":"ci-bot"}')
  })

  test.each([
    ['a BigInt', () => ({ apiKeyName: 1n })],
    ['a cycle', () => {
      const body: Record<string, unknown> = { apiKeyName: 'ci-bot' }
      body.self = body
      return body
    }],
    ['a toJSON that throws', () => ({ apiKeyName: 'ci-bot', toJSON: () => {
      throw new Error('no')
    } })],
  ])('a body JSON cannot carry (%s) is NcpValidationError, not a TypeError', async (_name, make) => {
    const { client, seen } = setup()
    const error = await client.createApiKey(make() as never).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(NcpValidationError)
    expect(error).toMatchObject({ field: 'the body', limit: 'a value JSON can carry' })
    expect(seen).toHaveLength(0)
  })

  test('a query getter is read once; its value is the one checked and sent', async () => {
    const { client, seen } = setup()
    let reads = 0
    const query = {
      get limit() {
        return reads++ === 0 ? 5 : 0
      },
    }
    await client.listApiKeys(query)
    expect(reads).toBe(1)
    expect(seen[0]!.path).toBe('/api/v1/api-keys?limit=5')
  })

  test('the id is checked as given and encoded as given: a String object is not a string', async () => {
    const { client, seen } = setup()
    await expect(client.getApiKey(new String('k') as never)).rejects.toMatchObject({ field: 'api-key-id', got: 'an object' })
    expect(seen).toHaveLength(0)
  })
})

describe('integers are sent as digits, or not at all', () => {
  // JSON and String write 1e21 and beyond in exponent notation (offset=1e%2B21), and integers
  // past 2^53 - 1 are rounded before they are written: neither is the number the caller meant.
  const beyond = `${say({ ...operations.listApiKeys.query.offset, maximum: Number.MAX_SAFE_INTEGER })} (a larger number is not sent as its digits: JSON writes it in exponent notation or rounded)`
  test.each([
    ['offset', 1e21, '1e+21'],
    ['offset', 2 ** 53, '9007199254740992'],
    ['limit', 1e16, '10000000000000000'],
  ])('listApiKeys({ %s: %s }) is refused, naming the field, nothing sent', async (field, value, got) => {
    const { client, seen } = setup()
    const error = await client.listApiKeys({ [field]: value }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(NcpValidationError)
    expect(error).toMatchObject({ operation: 'listApiKeys', field, got })
    expect((error as NcpValidationError).limit).toMatch(/to 9007199254740991 \(a larger number is not sent as its digits/)
    if (field === 'offset') expect((error as NcpValidationError).limit).toBe(beyond)
    expect(seen).toHaveLength(0)
  })

  test('in a body too: searchApiKeys({ offset: 1e21 }) is refused', async () => {
    const { client, seen } = setup()
    const error = await client.searchApiKeys({ productId: 'p', offset: 1e21 }).catch((e: unknown) => e)
    expect(error).toMatchObject({ name: 'NcpValidationError', field: 'offset', got: '1e+21' })
    expect(seen).toHaveLength(0)
  })

  test('the largest safe integer is sent as its digits', async () => {
    const { client, seen } = setup()
    await client.listApiKeys({ offset: Number.MAX_SAFE_INTEGER })
    expect(seen[0]!.path).toBe('/api/v1/api-keys?offset=9007199254740991')
  })
})

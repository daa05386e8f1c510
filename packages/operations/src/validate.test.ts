import { describe as group, expect, test } from 'vitest'
import { operations } from './generated/operations.js'
import { describe, problems, problemText, type Schema, valueKind } from './validate.js'

const name: Schema = { type: 'string', minLength: 1, maxLength: 20 }
const body: Schema = {
  type: 'object',
  additionalProperties: false,
  required: ['apiKeyName'],
  properties: { apiKeyName: name, apiKeyDescription: { type: 'string', maxLength: 50 }, isEnabled: { type: 'boolean' } },
}

group('describe says what a value must be', () => {
  test.each<[Schema, string]>([
    [name, 'a string of 1 to 20 characters'],
    [{ type: 'string', minLength: 0, maxLength: 50 }, 'a string of at most 50 characters'],
    [{ type: 'string', minLength: 1 }, 'a string of at least 1 character'],
    [{ type: 'string' }, 'a string'],
    [{ type: 'string', enum: ['PRIMARY', 'SECONDARY'] }, 'one of PRIMARY, SECONDARY'],
    [{ type: 'integer', minimum: 0 }, 'an integer of at least 0'],
    [{ type: 'integer', minimum: 1, maximum: 100 }, 'an integer from 1 to 100'],
    [{ type: 'boolean' }, 'true or false'],
    [{ type: ['string', 'integer'] }, 'a string or an integer'],
    [{ type: 'object' }, 'an object'],
  ])('%j: %s', (schema, text) => {
    expect(describe(schema)).toBe(text)
  })
})

group('valueKind names what a value is, never what it says', () => {
  test.each<[unknown, string]>([
    ['secret text', 'a string'],
    [3, 'an integer'],
    [1.5, 'a number'],
    [true, 'a boolean'],
    [null, 'null'],
    [[1], 'an array'],
    [{ a: 1 }, 'an object'],
  ])('%j: %s', (value, text) => {
    expect(valueKind(value)).toBe(text)
  })
})

group('problems', () => {
  test('a valid value has none', () => {
    expect(problems(body, { apiKeyName: 'ci-bot', isEnabled: false })).toEqual([])
  })

  test('lengths count code points, as JSON Schema does: 20 Korean characters or emoji are a valid name', () => {
    expect(problems(name, '키'.repeat(20))).toEqual([])
    expect(problems(name, '😀'.repeat(20))).toEqual([])
    expect(problems(name, '키'.repeat(21), 'apiKeyName')).toEqual([
      { field: 'apiKeyName', limit: 'a string of 1 to 20 characters', got: '21 characters', length: 21 },
    ])
  })

  test('names the field, the limit and what was there, never the value of a string', () => {
    const found = problems(body, { apiKeyName: 'secret-looking-value-too-long', isEnabled: 'yes' })
    expect(found.map(problemText)).toEqual([
      'apiKeyName must be a string of 1 to 20 characters, got 29 characters',
      'isEnabled must be true or false, got a string',
    ])
    expect(JSON.stringify(found)).not.toContain('secret-looking')
  })

  test('a missing required field is reported as nothing', () => {
    expect(problems(body, {}).map(problemText)).toEqual(['apiKeyName must be a string of 1 to 20 characters, got nothing'])
  })

  test('unknown fields are refused where the schema allows none, by own name only', () => {
    expect(problems(body, { apiKeyName: 'a', apiName: 'a' }).map(problemText)).toEqual([
      'apiName must be absent: the fields are apiKeyName, apiKeyDescription, isEnabled',
    ])
    // Inherited names are not fields of the body: neither known through the prototype nor sent.
    for (const inherited of ['toString', 'constructor', 'hasOwnProperty', '__proto__', 'valueOf']) {
      const value = JSON.parse(`{"apiKeyName":"a",${JSON.stringify(inherited)}:1}`)
      expect(problems(body, value).map(problemText), inherited).toEqual([
        `${inherited} must be absent: the fields are apiKeyName, apiKeyDescription, isEnabled`,
      ])
    }
  })

  test('a field inherited from a prototype does not count as present', () => {
    const inheriting = Object.create({ apiKeyName: 'from-the-prototype' }) as object
    expect(problems(body, inheriting).map(problemText)).toEqual(['apiKeyName must be a string of 1 to 20 characters, got nothing'])
  })

  test('types are JSON types: null, arrays, integers and numbers are told apart', () => {
    expect(problems(body, null).map(problemText)).toEqual(['the body must be an object, got null'])
    expect(problems(body, []).map(problemText)).toEqual(['the body must be an object, got an array'])
    expect(problems({ type: 'integer', minimum: 0 }, 1.5, 'offset').map(problemText)).toEqual(['offset must be an integer of at least 0, got a number'])
    expect(problems({ type: 'number' }, 2)).toEqual([])
    expect(problems({ type: 'integer', minimum: 1 }, 0, 'limit').map(problemText)).toEqual(['limit must be an integer of at least 1, got 0'])
  })

  test('an enum refuses other values without quoting them', () => {
    expect(problems({ type: 'string', enum: ['PRIMARY', 'SECONDARY'] }, 'TERTIARY', 'keyType').map(problemText)).toEqual([
      'keyType must be one of PRIMARY, SECONDARY',
    ])
  })

  test('nested answers are checked to the leaf, with the path to it', () => {
    const { response } = operations.listApiKeys
    const page = {
      apiKeys: [
        { apiKeyId: 'a', tenantId: 't', apiKeyName: 'ci-bot', modifier: 'm', isEnabled: true, modTime: '2024-05-07T07:08:12Z', domainCode: 'PUB' },
        { apiKeyId: 'b', tenantId: 't', apiKeyName: 'ci-bot', modifier: 'm', isEnabled: 'yes', modTime: '2024-05-07T07:08:12Z', domainCode: 'PUB', primaryKey: 7 },
      ],
      total: 2,
      initialCount: 2,
    }
    expect(problems(response, page).map(problemText)).toEqual([
      'apiKeys[1].isEnabled must be true or false, got a string',
      'apiKeys[1].primaryKey must be a string, got an integer',
    ])
  })

  test('answers may carry fields the spec does not know: the API may add some', () => {
    const { response } = operations.getApiKey
    const key = { apiKeyId: 'a', tenantId: 't', apiKeyName: 'ci-bot', primaryKey: 'p', secondaryKey: 's', modifier: 'm', isEnabled: true, modTime: 'x', domainCode: 'PUB', regTime: 'y' }
    expect(problems(response, key)).toEqual([])
    const { primaryKey: _left, ...withoutPrimary } = key
    expect(problems(response, withoutPrimary).map(problemText)).toEqual(['primaryKey must be a string, got nothing'])
  })
})

import { describe, expect, test } from 'vitest'
import { exampleRequests, operations } from './generated/operations.js'
import { operationIds } from './index.js'
import { problemText, type Schema } from './validate.js'
import { queryValues, requestProblems } from './request.js'
import { describe as limitOf } from './validate.js'

// The limits come from the table, so a limit changed in the spec changes no expectation here.
const nameRule = operations.createApiKey.body.properties.apiKeyName
const nameLimit = limitOf(nameRule)
const tooLong = (rule: { maxLength: number }) => 'x'.repeat(rule.maxLength + 1)
const idLimit = limitOf(operations.getApiKey.pathParams['api-key-id'])
const { offset, limit } = operations.listApiKeys.query

describe('requestProblems holds a request to its operation', () => {
  test('a required query parameter left out is named, whichever operation requires it', () => {
    for (const id of operationIds) {
      for (const name of operations[id].requiredQuery as readonly string[]) {
        const rule = (operations[id].query as Record<string, Schema>)[name]!
        const { query: example = {}, ...rest } = exampleRequests[id] as { query?: Record<string, unknown> }
        const { [name]: _left, ...without } = example
        expect(requestProblems(operations[id], { ...rest, query: without }).map(problemText), `${id} ${name}`).toEqual([`${name} must be ${limitOf(rule)}, got nothing`])
        expect(requestProblems(operations[id], { ...rest, query: example }), `${id} with ${name}`).toEqual([])
      }
    }
    // The spec requires one: subscription detail's productId.
    expect(operationIds.filter((id) => operations[id].requiredQuery.length > 0)).not.toEqual([])
  })

  test('a valid request of each shape has none', () => {
    expect(requestProblems(operations.createApiKey, { body: { apiKeyName: 'ci-bot' } })).toEqual([])
    expect(requestProblems(operations.getApiKey, { pathParams: { 'api-key-id': 'cvcohvd2xj' } })).toEqual([])
    expect(requestProblems(operations.listApiKeys, { query: { offset: 0, limit: 20, apiKeyName: 'a b' } })).toEqual([])
    expect(requestProblems(operations.listApiKeys, {})).toEqual([])
    expect(requestProblems(operations.deleteApiKey, { pathParams: { 'api-key-id': 'x' } })).toEqual([])
  })

  test('path parameters: missing, empty, "." and "..", and lone surrogates are refused by name', () => {
    expect(requestProblems(operations.getApiKey, {}).map(problemText)).toEqual([`api-key-id must be ${idLimit}, got nothing`])
    expect(requestProblems(operations.getApiKey, { pathParams: { 'api-key-id': '' } }).map(problemText)).toEqual([`api-key-id must be ${idLimit}, got 0 characters`])
    for (const id of ['.', '..', 'a\uD800b']) {
      expect(requestProblems(operations.deleteApiKey, { pathParams: { 'api-key-id': id } }).map((p) => p.field), id).toEqual(['api-key-id'])
    }
    expect(requestProblems(operations.getApiKey, { pathParams: { 'api-key-id': '...' } })).toEqual([])
  })

  test('query parameters: each by its rule, unknown ones refused, undefined ones ignored', () => {
    const problems = requestProblems(operations.listApiKeys, { query: { offset: offset.minimum - 1, limit: limit.minimum - 1, apiKeyName: tooLong(operations.listApiKeys.query.apiKeyName), sort: 'name', extra: undefined } })
    expect(problems.map((p) => p.field)).toEqual(['offset', 'limit', 'apiKeyName', 'sort', 'extra'])
    expect(problemText(problems[3]!)).toBe('sort must be absent: the query parameters are offset, limit, apiKeyName')
    expect(requestProblems(operations.listApiKeys, { query: { limit: undefined } })).toEqual([])
    expect(requestProblems(operations.getApiKey, { pathParams: { 'api-key-id': 'k' }, query: { x: 1 } }).map(problemText)).toEqual([
      'x must be absent: the query parameters are none',
    ])
  })

  test('a body-taking operation needs a body, holding its rules', () => {
    expect(requestProblems(operations.createApiKey, {}).map(problemText)).toEqual(['the body must be an object, got nothing'])
    expect(requestProblems(operations.createApiKey, { body: { apiKeyName: tooLong(nameRule) } }).map(problemText)).toEqual([
      `apiKeyName must be ${nameLimit}, got ${nameRule.maxLength + 1} characters`,
    ])
    expect(requestProblems(operations.regenerateApiKey, { pathParams: { 'api-key-id': 'k' }, body: { keyType: 'TERTIARY' } }).map(problemText)).toEqual([
      'keyType must be one of PRIMARY, SECONDARY',
    ])
  })
})

describe('queryValues types a received query', () => {
  test('integers become numbers, text stays text, the first of a repeated name wins', () => {
    expect(queryValues(operations.listApiKeys, new URLSearchParams('offset=10&limit=abc&apiKeyName=7&offset=3'))).toEqual({ offset: 10, limit: 'abc', apiKeyName: '7' })
    expect(requestProblems(operations.listApiKeys, { query: queryValues(operations.listApiKeys, new URLSearchParams('limit=abc')) }).map(problemText)).toEqual([
      `limit must be ${limitOf(limit)}, got a string`,
    ])
  })
})

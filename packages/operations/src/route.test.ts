import { describe, expect, test } from 'vitest'
import { operations } from './generated/operations.js'
import { operationIds } from './index.js'
import { matchOperation } from './route.js'

describe('matchOperation names the operation of a method and a path', () => {
  test.each(operationIds)('%s, on its own method and path', (id) => {
    const { method, path } = operations[id]
    const concrete = path.replace('{api-key-id}', 'a%2Fb')
    expect(matchOperation(method, concrete)).toEqual({ operationId: id, rawParams: path.includes('{') ? { 'api-key-id': 'a%2Fb' } : {} })
  })

  test('two operations on one path are told apart by their method, never guessed', () => {
    expect(matchOperation('GET', '/api-keys')?.operationId).toBe('listApiKeys')
    expect(matchOperation('POST', '/api-keys')?.operationId).toBe('createApiKey')
    expect(matchOperation('DELETE', '/api-keys/k')?.operationId).toBe('deleteApiKey')
  })

  test.each([
    ['HEAD', '/api-keys'],
    ['GET', '/api-keys/'],
    ['GET', '/api-keys/a/b'],
    ['GET', 'api-keys'],
    ['DELETE', '/api-keys'],
    ['GET', '/other'],
  ])('%s %s is no operation', (method, path) => {
    expect(matchOperation(method, path)).toBeUndefined()
  })
})

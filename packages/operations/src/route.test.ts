import { describe, expect, test } from 'vitest'
import { operations } from './generated/operations.js'
import { operationIds } from './index.js'
import { matchOperation } from './route.js'

describe('matchOperation names the operation of a method and a path', () => {
  test.each(operationIds)('%s, on its own method and path', (id) => {
    const { method, path, pathParams } = operations[id]
    // Each path parameter given a value of its own, with an encoded slash that must stay inside it.
    const values = Object.fromEntries(Object.keys(pathParams).map((name, i) => [name, `a%2Fb${i}`]))
    const concrete = path.replace(/\{([^}]+)\}/g, (_, name: string) => values[name]!)
    expect(matchOperation(method, concrete)).toEqual({ operationId: id, rawParams: values })
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

// The generated table against the bundled spec it came from, read here independently.
import { readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { documentedErrors, operationInfo, operations } from './generated/operations.js'
import { operationIds } from './index.js'

const spec = JSON.parse(readFileSync(new URL('../../../spec/dist/openapi.json', import.meta.url), 'utf8'))
const methods = ['get', 'put', 'post', 'delete', 'patch']
const specOperations = Object.entries(spec.paths).flatMap(([path, item]: [string, any]) =>
  methods.filter((m) => item[m]).map((m) => ({ path, method: m.toUpperCase(), op: item[m] })),
)

describe('the operation table', () => {
  test('has every operation of the spec, in its order', () => {
    expect(operationIds).toEqual(specOperations.map(({ op }) => op.operationId))
  })

  test.each(specOperations.map((o) => [o.op.operationId, o] as const))('%s: method, path, success, idempotency and errors as the spec says', (id, { path, method, op }) => {
    const entry = operations[id as keyof typeof operations]
    expect(entry.method).toBe(method)
    expect(entry.path).toBe(path)
    expect(String(entry.success)).toBe(Object.keys(op.responses).find((s) => s.startsWith('2')))
    expect(entry.idempotent).toBe(op['x-idempotent'])
    const info = operationInfo[id as keyof typeof operationInfo]
    expect(info.errors.map(String)).toEqual(Object.keys(op.responses).filter((s) => /^[45]/.test(s)))
    expect(info.docs).toBe(op.externalDocs.url)
  })

  test.each(specOperations.map((o) => [o.op.operationId, o] as const))(
    "%s: unwraps one-property wrappers and finds the page in the spec's own answer example",
    (id, { op }) => {
      const entry = operations[id as keyof typeof operations]
      const success = op.responses[String(entry.success)]
      const content = (success.$ref ? spec.components.responses[success.$ref.split('/').pop()] : success).content?.['application/json']
      expect(entry.response === undefined, 'no body exactly when the spec answers none').toBe(content === undefined)
      if (!content) return
      const example = Object.values(content.examples as Record<string, { $ref?: string; value?: unknown }>).map((e) =>
        e.$ref ? spec.components.examples[e.$ref.split('/').pop()!].value : e.value,
      )[0] as Record<string, unknown>
      let value: unknown = example
      for (const property of entry.unwrap as readonly string[]) {
        // Each step unwraps an object of exactly that one property.
        expect(Object.keys(value as object)).toEqual([property])
        value = (value as Record<string, unknown>)[property]
      }
      // What is handed back is not itself a one-property wrapper.
      expect(Object.keys(value as object).length).toBeGreaterThan(1)
      const page = entry.page as { items: string; total: string; in: 'query' | 'body' } | undefined
      const takesOffset = Object.hasOwn(entry.query, 'offset') || Object.hasOwn((entry.body as { properties?: object } | undefined)?.properties ?? {}, 'offset')
      expect(page !== undefined, 'a page exactly when the operation takes offset').toBe(takesOffset)
      if (!page) return
      expect(Array.isArray((value as Record<string, unknown>)[page.items])).toBe(true)
      expect(Number.isInteger((value as Record<string, unknown>)[page.total])).toBe(true)
    },
  )

  test('keeps a validator\'s rules and nothing descriptive', () => {
    const text = JSON.stringify(operations)
    expect(text).not.toContain('description')
    expect(text).not.toContain('examples')
    expect(operations.createApiKey.body.properties.apiKeyName).toEqual({
      type: 'string',
      minLength: spec.components.schemas.ApiKeyName.minLength,
      maxLength: spec.components.schemas.ApiKeyName.maxLength,
    })
    // allOf merged: a key requires its values, a list item does not.
    expect(operations.getApiKey.response.required).toContain('primaryKey')
    expect(operations.listApiKeys.response.properties.apiKeys.items.required).not.toContain('primaryKey')
  })

  test('documents every error pair of the spec\'s examples once', () => {
    const pairs = documentedErrors.map((e) => `${e.status}/${e.errorCode}`)
    expect(new Set(pairs).size).toBe(pairs.length)
    expect(pairs).toContain('404/300')
    expect(pairs).toContain('429/420')
  })
})

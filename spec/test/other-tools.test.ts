// What other tools make of the document: generators turn every description into a comment (JSDoc,
// docstrings, zod .describe()), so descriptions say what a thing is, and where a fact comes from
// lives in x-ncp-source beside it.
import { describe, expect, test } from 'vitest'
import { deref, spec, type Json } from './load.js'

/** Every `description` string of the document with its JSON pointer, extensions left out. */
function descriptions(): [string, string][] {
  const found: [string, string][] = []
  const walk = (node: Json, pointer: string) => {
    if (!node || typeof node !== 'object') return
    for (const [key, value] of Object.entries(node)) {
      if (key.startsWith('x-')) continue
      if (key === 'description' && typeof value === 'string') found.push([pointer, value])
      walk(value, `${pointer}/${key}`)
    }
  }
  walk(spec, '')
  return found
}

/** Every `x-ncp-source` of the document with its JSON pointer. */
function sources(): [string, unknown][] {
  const found: [string, unknown][] = []
  const walk = (node: Json, pointer: string) => {
    if (!node || typeof node !== 'object') return
    for (const [key, value] of Object.entries(node)) {
      if (key === 'x-ncp-source') found.push([pointer, value])
      else walk(value, `${pointer}/${key}`)
    }
  }
  walk(spec, '')
  return found
}

describe('descriptions', () => {
  test('say what a thing is, not where the fact came from (that is x-ncp-source)', () => {
    const provenance = /apigw_v1|\bexport\b|reference page|NCP's pages?\b|the page's|\btables?\b|research notes/i
    const offenders = descriptions().filter(([pointer, text]) => !pointer.endsWith('/externalDocs') && provenance.test(text))
    expect(offenders).toEqual([])
  })

  test('of schemas and parameters hold no double quote, which breaks openapi-zod-client --with-description', () => {
    const inSchemas = descriptions().filter(([pointer]) => /^\/components\/(schemas|parameters|headers)\//.test(pointer) || pointer.includes('/schema'))
    expect(inSchemas.length).toBeGreaterThan(50)
    expect(inSchemas.filter(([, text]) => text.includes('"'))).toEqual([])
  })

  test('that moved: the list no longer says its items have no key values, delete no longer says NCP answers 404', () => {
    const list = spec.paths['/api-keys'].get
    expect(list.description).not.toMatch(/carry no key values/)
    expect(list.description).toMatch(/may lack the key values/)
    const remove = spec.paths['/api-keys/{api-key-id}'].delete
    expect(remove.description).toMatch(/not documented/)
    expect(remove.description).toMatch(/assume 404/)
    expect(spec.components.schemas.ApiKeyPage.properties.initialCount.description).not.toMatch(/equal to `total`/)
  })
})

describe('x-ncp-source', () => {
  test('is a non-empty string wherever it appears, as on the servers', () => {
    const all = sources()
    expect(all.length).toBeGreaterThan(60)
    for (const [pointer, value] of all) {
      expect(typeof value, pointer).toBe('string')
      expect((value as string).trim(), pointer).not.toBe('')
    }
  })

  test('says where every success status comes from, since no page states one', () => {
    for (const [path, item] of Object.entries(spec.paths) as [string, Json][]) {
      for (const [method, op] of Object.entries(item) as [string, Json][]) {
        if (!op?.responses) continue
        for (const [status, response] of Object.entries(op.responses) as [string, Json][]) {
          if (/^2/.test(status)) expect(deref(response)['x-ncp-source'], `${method} ${path} ${status}`).toMatch(/export/)
        }
      }
    }
  })
})

describe('Retry-After', () => {
  const header = spec.components.headers.RetryAfter

  test('is a named, optional header of seconds or an HTTP date (RFC 9110)', () => {
    expect(header.required).toBe(false)
    expect(header.description).toMatch(/RFC 9110/)
    // anyOf, not oneOf: a header is text, and "30" is read as both an integer and a string, which
    // oneOf forbids (Prism's mock then refuses its own answer with a 500).
    expect(header.schema.anyOf.map((s: Json) => s.type)).toEqual(['integer', 'string'])
  })

  test('is declared on every 429 and 503 answer, and only there', () => {
    for (const [name, response] of Object.entries(spec.components.responses) as [string, Json][]) {
      const declared = response.headers?.['Retry-After']
      if (name === 'TooManyRequests' || name === 'ServiceUnavailable') expect(declared?.$ref, name).toBe('#/components/headers/RetryAfter')
      else expect(declared, name).toBeUndefined()
    }
    for (const [path, item] of Object.entries(spec.paths) as [string, Json][]) {
      for (const op of Object.values(item) as Json[]) {
        if (!op?.responses) continue
        for (const status of ['429', '503']) expect(deref(op.responses[status]).headers['Retry-After'], `${op.operationId} ${status} ${path}`).toBeDefined()
      }
    }
  })
})

describe('ApiKey', () => {
  test('gives the key values of its allOf branch the same examples as ApiKeySummary, the named examples\' values', () => {
    const branch = spec.components.schemas.ApiKey.allOf[1]
    const summary = spec.components.schemas.ApiKeySummary
    for (const field of ['primaryKey', 'secondaryKey']) {
      expect(branch.properties[field].examples, field).toEqual(summary.properties[field].examples)
      const named = Object.values(spec.components.examples).map((e: Json) => JSON.stringify(e.value))
      expect(named.some((text) => text.includes(branch.properties[field].examples[0])), field).toBe(true)
    }
  })
})

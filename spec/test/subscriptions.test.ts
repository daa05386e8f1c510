// The eight operations that put a key to use, held to what NCP's pages and NCP's export say
// (fixtures/subscription-pages.ts): every difference from a source is one the fixture records,
// with the spec's value and the reason, and the spec says it in an x-ncp-source beside it.
import { Ajv2020 } from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'
import { describe, expect, test } from 'vitest'
import {
  differences,
  exportSource,
  type FieldFacts,
  type Keyword,
  operations,
  optionalDescriptions,
  pageSlips,
  type ValueFact,
  type Where,
} from './fixtures/subscription-pages.js'
import { deref, spec, type Json } from './load.js'

const ajv = new Ajv2020({ strict: false, allErrors: true })
addFormats.default(ajv)
ajv.addSchema(spec, 'spec')
const validate = (schemaName: string, value: unknown) => {
  const check = ajv.getSchema(`spec#/components/schemas/${schemaName}`)
  if (!check) throw new Error(`no schema ${schemaName}`)
  return check(value)
}

const schemaName = (node: Json): string => {
  expect(node.$ref, 'a named schema').toMatch(/^#\/components\/schemas\//)
  return node.$ref.split('/').pop()
}

/** The value of a schema keyword as a generator reads it: through `$ref`, items for an array's enum. */
function keyword(schema: Json, name: Exclude<Keyword, 'required' | 'present'> | 'format'): unknown {
  const resolved = deref(schema)
  if (name === 'enum' && resolved.type === 'array') return deref(resolved.items).enum
  return resolved[name]
}

const differenceAt = (at: string, name: Keyword) => differences.find((d) => d.at === at && d.keyword === name)

/**
 * What the spec must have for one keyword of one field: the recorded difference if there is one,
 * else the page's value, else (the page silent) the export's.
 */
function expectedValue(at: string, facts: FieldFacts, name: Exclude<Keyword, 'present'> | 'format'): unknown {
  const difference = name === 'format' ? undefined : differenceAt(at, name)
  if (difference) return difference.spec
  const fromPage = facts.page?.[name as keyof ValueFact]
  return fromPage !== undefined ? fromPage : facts.export?.[name as keyof ValueFact]
}

const keywords = ['type', 'format', 'minLength', 'maxLength', 'minimum', 'enum'] as const

describe('the fixture records every disagreement between the page and the export', () => {
  const where = (id: string, w: Where, name: string) => `${id}.${w}.${name}`
  const cases = operations.flatMap((op) => [
    ...Object.entries(op.pathParameters).map(([name, facts]) => [where(op.operationId, 'path', name), facts] as const),
    ...Object.entries(op.query ?? {}).map(([name, facts]) => [where(op.operationId, 'query', name), facts] as const),
    ...Object.entries(op.body?.fields ?? {}).map(([name, facts]) => [where(op.operationId, 'body', name), facts] as const),
  ])
  test.each(cases)('%s', (at, facts) => {
    for (const name of ['type', 'required', 'minLength', 'maxLength', 'minimum'] as const) {
      const page = facts.page?.[name]
      const fromExport = facts.export?.[name]
      if (page !== undefined && fromExport !== undefined && page !== fromExport) {
        expect(differenceAt(at, name), `${at} ${name}: page ${String(page)}, export ${String(fromExport)}`).toBeDefined()
      }
    }
  })

  test('and each recorded difference names something the fixture knows', () => {
    for (const { at } of differences) {
      const [id, w, ...rest] = at.split('.')
      const op = operations.find((o) => o.operationId === id)
      expect(op, at).toBeDefined()
      const name = rest.join('.')
      const table = { path: op!.pathParameters, query: op!.query, body: op!.body?.fields, response: op!.response?.items }[w as Where]
      expect(table?.[name], at).toBeDefined()
    }
  })
})

describe.each(operations)('$operationId, as on $urls.en', (page) => {
  const item = deref(spec.paths[page.path])
  const op = item?.[page.method]
  const parameters: Json[] = [...(item?.parameters ?? []), ...(op?.parameters ?? [])].map(deref)
  const at = (w: Where, name: string) => `${page.operationId}.${w}.${name}`

  test(`is ${page.method.toUpperCase()} ${page.path}, tagged ${page.tag}, with its pages and x-idempotent ${page.idempotent}`, () => {
    expect(op?.operationId).toBe(page.operationId)
    expect(op.tags).toEqual([page.tag])
    expect(op.externalDocs.url).toBe(page.urls.en)
    expect(op['x-ncp-pages']).toEqual(page.urls)
    expect(op['x-idempotent']).toBe(page.idempotent)
    expect(op['x-ncp-source']).toBeTruthy()
  })

  test('takes the path parameters of the page, in the path\'s order, with their limits', () => {
    const inPath = parameters.filter((p) => p.in === 'path')
    expect(inPath.map((p) => p.name)).toEqual([...page.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]))
    expect(inPath.map((p) => p.name)).toEqual(Object.keys(page.pathParameters))
    for (const p of inPath) {
      const facts = page.pathParameters[p.name]!
      expect(p.required, p.name).toBe(true)
      for (const name of keywords) expect(keyword(p.schema, name), `${p.name} ${name}`).toEqual(expectedValue(at('path', p.name), facts, name))
    }
  })

  test('takes the query parameters of the page, in its order, required as it says, with their limits', () => {
    const inQuery = parameters.filter((p) => p.in === 'query')
    expect(inQuery.map((p) => p.name)).toEqual(Object.keys(page.query ?? {}))
    for (const p of inQuery) {
      const facts = page.query![p.name]!
      expect(p.required, p.name).toBe(expectedValue(at('query', p.name), facts, 'required'))
      for (const name of keywords) expect(keyword(p.schema, name), `${p.name} ${name}`).toEqual(expectedValue(at('query', p.name), facts, name))
    }
  })

  if (page.body) {
    const body = page.body
    test(`takes a required JSON body, ${body.exportSchema} in the export, that refuses unknown fields`, () => {
      expect(deref(op.requestBody).required).toBe(true)
      const media = deref(op.requestBody).content
      expect(Object.keys(media)).toEqual(['application/json'])
      const schema = deref(media['application/json'].schema)
      expect(schema.additionalProperties).toBe(false)
      expect(schema['x-ncp-export-schema']).toBe(body.exportSchema)
      expect(Object.keys(schema.properties)).toEqual(Object.keys(body.fields))
    })

    test.each(Object.entries(body.fields))('body field %s has the type, presence, limits and values of the page', (field, facts) => {
      const schema = deref(deref(op.requestBody).content['application/json'].schema)
      expect((schema.required ?? []).includes(field), 'required').toBe(expectedValue(at('body', field), facts, 'required'))
      for (const name of keywords) expect(keyword(schema.properties[field], name), name).toEqual(expectedValue(at('body', field), facts, name))
    })

    test('carries the request example of the page\'s curl, exactly', () => {
      const examples = Object.values(deref(op.requestBody).content['application/json'].examples).map(deref)
      expect(examples.map((e: Json) => e.value)).toEqual([page.requestExample])
      expect(examples[0]['x-ncp-source']).toContain(page.urls.en)
    })
  } else {
    test('takes no body', () => expect(op.requestBody).toBeUndefined())
  }

  test(`answers ${page.exportSuccess}, as NCP's export says (no page states it), ${page.response ? 'with a body' : 'with no body'}`, () => {
    const statuses = Object.keys(op.responses).filter((s) => /^2/.test(s))
    expect(statuses).toEqual([page.exportSuccess])
    const success = deref(op.responses[page.exportSuccess])
    expect(success['x-ncp-source']).toMatch(new RegExp(`export answers ${page.exportSuccess}`))
    if (!page.response) expect(success.content).toBeUndefined()
  })

  if (page.response) {
    const response = page.response
    const success = () => deref(op.responses[page.exportSuccess]).content['application/json']
    const pageSchema = () => response.pagePath.reduce((schema: Json, key) => deref(deref(schema).properties[key]), success().schema)
    const itemSchema = () => deref(deref(pageSchema()).properties[response.itemsField].items)

    test(`answers ${response.exportSchema} of the export, through named schemas down to its ${response.itemExportSchema} items`, () => {
      expect(deref(success().schema)['x-ncp-export-schema']).toBe(response.exportSchema)
      let schema = success().schema
      for (const key of [...response.pagePath, response.itemsField]) {
        schemaName(schema)
        expect(deref(schema).required, key).toContain(key)
        schema = deref(schema).properties[key]
      }
      schemaName(schema.items)
      expect(itemSchema()['x-ncp-export-schema']).toBe(response.itemExportSchema)
      const total = deref(pageSchema()).properties.total
      expect(total).toMatchObject({ type: 'integer', format: 'int64', minimum: 0 })
      expect(deref(pageSchema()).required).toEqual(expect.arrayContaining([response.itemsField, 'total']))
    })

    test.each(Object.entries(response.items))('item field %s is present, typed and required as the sources and the rule say', (field, facts) => {
      const item = itemSchema()
      const present = differenceAt(at('response', field), 'present')?.spec ?? true
      expect(Object.hasOwn(item.properties, field), 'present').toBe(present)
      if (!present) {
        expect(item.additionalProperties, 'answers carrying it still validate').toBeUndefined()
        expect(item['x-ncp-source'], 'says why it is left out').toContain(`\`${field}\``)
        return
      }
      const required = Boolean(facts.page && facts.export) && !(optionalDescriptions as readonly string[]).includes(field)
      expect((item.required ?? []).includes(field), 'required').toBe(required)
      // Types, formats and values; a response field's lengths are those of the request that sets it.
      for (const name of ['type', 'format', 'enum'] as const) {
        expect(keyword(item.properties[field], name), name).toEqual(expectedValue(at('response', field), facts, name))
      }
      expect(deref(item.properties[field]).description, 'described').toBeTruthy()
    })

    test('carries the page\'s response example where it was read, and says which values are illustrative', () => {
      const examples = Object.values(success().examples).map(deref)
      expect(examples).toHaveLength(1)
      const [example] = examples
      if (response.example) {
        expect(example.value).toMatchObject(response.example)
      }
      if (response.exampleNotRead) {
        expect(`${example.description} ${example['x-ncp-source']}`).toMatch(/illustrative|was not retrieved/)
        if (!response.example) expect(example.description).toMatch(/^Illustrative/)
      }
    })
  }
})

describe('recorded differences and page slips are said in the spec, beside what they concern', () => {
  const operationOf = (id: string) => {
    const page = operations.find((o) => o.operationId === id)!
    return { page, item: deref(spec.paths[page.path]), op: deref(spec.paths[page.path])[page.method] }
  }
  /** The spec element a fixture address names. */
  function element(at: string): Json {
    const [id, w, ...rest] = at.split('.')
    const { page, item, op } = operationOf(id!)
    const name = rest.join('.')
    if (!w) return op
    if (w === 'path' || w === 'query') {
      return [...(item.parameters ?? []), ...(op.parameters ?? [])].map(deref).find((p: Json) => p.in === w && p.name === name)
    }
    if (w === 'body') {
      const schema = deref(deref(op.requestBody).content['application/json'].schema)
      return Object.hasOwn(schema.properties, name) ? deref(schema.properties[name]) : schema
    }
    const body = deref(deref(op.responses[page.exportSuccess]).content['application/json'].schema)
    const pageSchema = page.response!.pagePath.reduce((schema: Json, key) => deref(schema.properties[key]), body)
    return deref(pageSchema.properties[page.response!.itemsField].items)
  }
  /** Every x-ncp-source on the element and on the schemas it names, as one text. */
  const sources = (node: Json): string =>
    [node['x-ncp-source'], node.schema?.['x-ncp-source'], deref(node.schema ?? {})['x-ncp-source']].filter(Boolean).join(' ')

  test.each(differences.map((d) => [d.at, d.keyword, d] as const))('%s (%s)', (at, _keyword, difference) => {
    const node = element(at)
    expect(node, at).toBeDefined()
    expect(sources(node), `${at}: ${difference.why}`).not.toBe('')
  })

  test.each(pageSlips.map((s) => [s.at, s] as const))('%s', (at, slip) => {
    expect(sources(element(at)), slip.why).toContain(slip.says)
  })
})

describe('the relation status', () => {
  test('is one named enum of the five values in the export\'s order, each value explained', () => {
    const status = spec.components.schemas.ApiKeyRelationStatus
    expect(status.enum).toEqual(['REQUEST', 'DENY', 'ACCEPTED', 'REJECTED', 'BLOCKED_REQUEST'])
    expect(status['x-enum-descriptions']).toEqual(['requested', 'request denied', 'approved', 'denied', 'request blocked'])
    for (const value of status.enum) expect(status.description).toContain(`\`${value}\``)
  })

  test('only ACCEPTED and REJECTED can be set', () => {
    expect(spec.components.schemas.ApiKeyRelationDecision.enum).toEqual(['ACCEPTED', 'REJECTED'])
    for (const status of ['ACCEPTED', 'REJECTED']) expect(validate('UpdateProductApiKeyStatusRequest', { status })).toBe(true)
    for (const status of ['REQUEST', 'DENY', 'BLOCKED_REQUEST', 'accepted']) expect(validate('UpdateProductApiKeyStatusRequest', { status })).toBe(false)
  })
})

describe('the request schemas refuse what the pages forbid', () => {
  const x = (n: number) => 'x'.repeat(n)
  test.each([
    ['SearchApiKeysRequest', { productId: x(10) }, true],
    ['SearchApiKeysRequest', { productId: x(1), offset: 0, limit: 1, apiKeyName: '', statusSet: ['REQUEST', 'DENY'] }, true],
    ['SearchApiKeysRequest', { productId: x(11) }, false],
    ['SearchApiKeysRequest', { productId: '' }, false],
    ['SearchApiKeysRequest', { productId: 1234567890 }, false],
    ['SearchApiKeysRequest', {}, false],
    ['SearchApiKeysRequest', { productId: 'p', limit: 0 }, false],
    ['SearchApiKeysRequest', { productId: 'p', offset: -1 }, false],
    ['SearchApiKeysRequest', { productId: 'p', apiKeyName: x(21) }, false],
    ['SearchApiKeysRequest', { productId: 'p', statusSet: 'REQUEST' }, false],
    ['SearchApiKeysRequest', { productId: 'p', statusSet: ['PENDING'] }, false],
    ['SubscribeApiKeyRequest', { productId: '*****xn0bk' }, true],
    ['SubscribeApiKeyRequest', {}, false],
    ['SubscribeApiKeyRequest', { productId: '' }, false],
    ['UnsubscribeApiKeyRequest', { productId: '*****xn0bk', extra: 1 }, false],
    ['SearchProductApiKeysRequest', {}, true],
    ['SearchProductApiKeysRequest', { apiKeyValue: 'v', apiKeyId: 'k', offset: 0, limit: 1, statusSet: ['ACCEPTED'] }, true],
    ['SearchProductApiKeysRequest', { limit: 0 }, false],
    ['UpdateApiKeyUsagePlanRequest', { usagePlanId: x(10) }, true],
    ['UpdateApiKeyUsagePlanRequest', { usagePlanId: x(11) }, false],
    ['UpdateApiKeyUsagePlanRequest', { usagePlanId: '' }, false],
    ['UpdateApiKeyUsagePlanRequest', {}, false],
  ])('%s %j is %s', (name, body, valid) => {
    expect(validate(name, body)).toBe(valid)
  })
})

describe('the secrets of the product-side key search', () => {
  test('its items carry both key values, required and each marked a secret, as ApiKey marks them', () => {
    const item = spec.components.schemas.ProductApiKey
    for (const field of ['primaryKey', 'secondaryKey']) {
      expect(item.required).toContain(field)
      expect(item.properties[field].description).toMatch(/secret/i)
    }
    expect(item.description).toMatch(/secret/i)
    expect(spec.components.schemas.SearchProductApiKeysRequest.properties.apiKeyValue.description).toMatch(/secret/i)
  })
})

describe('the export cited', () => {
  test('is the one of info.x-ncp-export', () => {
    expect(spec.info['x-ncp-export']).toMatchObject(exportSource)
  })

  test('its differences name every kind of disagreement the fixture records', () => {
    const text = (spec.info['x-ncp-export'].differences as string[]).join(' ')
    for (const needle of ['`productId`', '`statusSet`', '`isSelfProduct`', '`actionName`', '`dailyUsage`', '`usagePlanId`', 'minimum length of 0']) {
      expect(text).toContain(needle)
    }
  })
})

import { createHmac } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { Validator } from '@seriousme/openapi-schema-validator'
import { Ajv2020 } from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'
import { parse as parseYaml } from 'yaml'
import { describe, expect, test } from 'vitest'
import {
  apiKeyFields,
  deletePage,
  errorCodes,
  exportSuccess,
  listPage,
  operations as pages,
  publicBaseUrl,
  referencePages,
  seedIdempotent,
  signatureHeaders,
} from './fixtures/seed-pages.js'
import { operations as subscriptionPages } from './fixtures/subscription-pages.js'
import { bundledYamlPath, deref, spec, type Json } from './load.js'

const methods = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const

function operation(path: string, method: string): Json {
  return deref(spec.paths[path])[method]
}

function jsonBodySchema(op: Json): Json {
  return deref(deref(op.requestBody).content['application/json'].schema)
}

/** The one 2xx status of an operation. */
function successOf(op: Json): string {
  const statuses = Object.keys(op.responses).filter((status) => /^2\d\d$/.test(status))
  expect(statuses, op.operationId).toHaveLength(1)
  return statuses[0]!
}

function okSchema(op: Json): Json {
  return deref(deref(op.responses[successOf(op)]).content['application/json'].schema)
}

/** Every operation of the document, as `{ path, method, op }`. */
const allOperations = Object.entries(spec.paths).flatMap(([path, item]) =>
  methods.filter((method) => deref(item)[method]).map((method) => ({ path, method, op: deref(item)[method] as Json })),
)

// One validator for every schema check below: JSON Schema 2020-12, as OpenAPI 3.1 uses.
const ajv = new Ajv2020({ strict: false, allErrors: true })
addFormats.default(ajv)
ajv.addSchema(spec, 'spec')
const validatorFor = (schemaName: string) =>
  ajv.getSchema(`spec#/components/schemas/${schemaName}`) ??
  (() => {
    throw new Error(`no schema ${schemaName}`)
  })()

describe('the bundled document', () => {
  test('is valid OpenAPI 3.1 for an independent validator', async () => {
    const validator = new Validator()
    const result = await validator.validate(spec)
    expect(result.errors ?? []).toEqual([])
    expect(result.valid).toBe(true)
    expect(validator.version).toBe('3.1')
  })

  test('YAML and JSON bundles describe the same document', () => {
    expect(parseYaml(readFileSync(bundledYamlPath, 'utf8'))).toEqual(spec)
  })

  test('has exactly the fourteen operations of NCP\'s pages (the seed pages\' six, the subscription pages\' eight), with their ids, on their documented paths', () => {
    const found = allOperations.map(({ path, method, op }) => `${method.toUpperCase()} ${path} ${op.operationId}`)
    const documented = [...pages, listPage, deletePage, ...subscriptionPages].map((p) => `${p.method.toUpperCase()} ${p.path} ${p.operationId}`)
    expect(found).toHaveLength(14)
    expect(found.sort()).toEqual(documented.sort())
  })

  test('puts every operation under one described tag, with a summary, a description and its NCP page', () => {
    expect(spec.tags.map((t: Json) => t.name)).toEqual(['API Key', 'Product'])
    for (const tag of spec.tags) expect(tag.description, tag.name).toBeTruthy()
    const expected: Record<string, { tag: string; url: string }> = {
      ...Object.fromEntries(Object.entries(referencePages).map(([id, url]) => [id, { tag: 'API Key', url }])),
      ...Object.fromEntries(subscriptionPages.map((p) => [p.operationId, { tag: p.tag, url: p.urls.en }])),
    }
    for (const { op } of allOperations) {
      expect(op.tags, op.operationId).toEqual([expected[op.operationId]!.tag])
      expect(op.summary, op.operationId).toBeTruthy()
      expect(op.description, op.operationId).toMatch(/Classic and VPC/)
      expect(op.externalDocs?.url, op.operationId).toBe(expected[op.operationId]!.url)
    }
  })

  test('says for every operation whether it may be repeated, as the fixtures decide (an idempotent POST is allowed)', () => {
    const decided: Record<string, boolean> = { ...seedIdempotent, ...Object.fromEntries(subscriptionPages.map((p) => [p.operationId, p.idempotent])) }
    for (const { op } of allOperations) {
      expect(typeof decided[op.operationId], op.operationId).toBe('boolean')
      expect(op['x-idempotent'], op.operationId).toBe(decided[op.operationId])
    }
    // Both searches only read, though sent with POST.
    expect(operation('/api-keys/search', 'post')['x-idempotent']).toBe(true)
    expect(operation('/products/{product-id}/api-keys/search', 'post')['x-idempotent']).toBe(true)
  })

  test('keeps info short for tools that copy it, with contact, a root externalDocs and the export it relies on', () => {
    expect(spec.info.description.trim().split('\n').length).toBeLessThanOrEqual(6)
    expect(spec.info['x-ncp-source']).toBeTruthy()
    expect(spec.info.contact.url).toMatch(/^https:\/\/github\.com\/.+\/issues$/)
    expect(spec.externalDocs.url).toMatch(/^https:\/\//)
    expect(spec.info['x-ncp-export']).toMatchObject({
      repository: 'NaverCloudPlatform/terraform-plugin-codegen-openapi',
      path: 'apigw_v1.json',
      commit: '3eb6026dfcea9cdcd24dd14e20f2a5dbc84bc9bc',
    })
    expect(spec.info['x-ncp-export'].differences.length).toBeGreaterThanOrEqual(5)
  })

  test('lists the public, gov and fin sites with short descriptions and where each is documented', () => {
    expect(spec.servers.map((s: Json) => s.url)).toEqual([
      publicBaseUrl,
      'https://apigateway.apigw.gov-ntruss.com/api/v1',
      'https://apigateway.apigw.fin-ntruss.com/api/v1',
    ])
    expect(spec.servers.map((s: Json) => s.description)).toEqual(['Public site', 'Government site', 'Financial site'])
    const [pub, gov, fin] = spec.servers
    expect(pub['x-ncp-source']).toMatch(/reference pages/)
    expect(gov['x-ncp-source']).toContain('https://api-gov.ncloud-docs.com/docs/apigateway-product-getapikeylist')
    expect(fin['x-ncp-source']).toContain('https://api-fin.ncloud-docs.com/docs/apigateway-product-getapikeylist')
  })
})

describe('signature v2', () => {
  test('requires the three signature headers together on every operation', () => {
    expect(spec.security).toEqual([{ timestamp: [], accessKey: [], signature: [] }])
    const headers = Object.values(spec.components.securitySchemes).map((scheme: Json) => {
      expect(scheme.type).toBe('apiKey')
      expect(scheme.in).toBe('header')
      return scheme.name
    })
    expect(headers).toEqual([...signatureHeaders])
    for (const page of pages) {
      // No operation overrides the document-wide requirement.
      expect(operation(page.path, page.method).security).toBeUndefined()
    }
  })

  const examples: Json[] = spec.info['x-signature-v2-examples']

  test.each(examples.map((e) => [e.summary, e]))('the worked example "%s" is correct, computed independently with node:crypto', (_summary, example) => {
    const url = new URL(example.url)
    expect(example.pathWithQuery).toBe(url.pathname + url.search)
    expect(example.pathWithQuery.startsWith('/api/v1/')).toBe(true)
    const stringToSign = `${example.method} ${example.pathWithQuery}\n${example.timestamp}\n${example.accessKey}`
    expect(example.stringToSign).toBe(stringToSign)
    const signature = createHmac('sha256', example.secretKey).update(stringToSign).digest('base64')
    expect(example.signature).toBe(signature)
  })

  test('one worked example has a query, encoded as encodeURIComponent does and in the order sent', () => {
    const withQuery = examples.find((e) => e.pathWithQuery.includes('?'))
    expect(withQuery.pathWithQuery).toBe('/api/v1/api-keys?offset=0&limit=20&apiKeyName=a%20b')
    const search = new URL(withQuery.url).searchParams
    const resent = [...search].map(([name, value]) => `${name}=${encodeURIComponent(value)}`).join('&')
    expect(`/api/v1/api-keys?${resent}`).toBe(withQuery.pathWithQuery)
  })

  test('the signature scheme says what is signed, the query as sent included', () => {
    const text: string = spec.components.securitySchemes.signature.description
    expect(text).toContain('METHOD + " " + pathWithQuery + "\\n" + timestamp + "\\n" + accessKey')
    expect(text).toContain('HMAC-SHA256')
    expect(text).toMatch(/query string exactly as sent/)
    expect(text).toContain('x-signature-v2-examples')
    expect(spec.components.securitySchemes.timestamp.description).toMatch(/more than\s+5 minutes/)
  })
})

describe.each(pages)('$operationId, as on page $page', (page) => {
  const op = operation(page.path, page.method)

  if (page.pathParameter) {
    const fact = page.pathParameter
    test(`takes the path parameter ${fact.name}: ${fact.type}, required`, () => {
      const params = [...(deref(spec.paths[page.path]).parameters ?? []), ...(op.parameters ?? [])]
        .map(deref)
        .filter((p: Json) => p.in === 'path')
      expect(params).toHaveLength(1)
      expect(params[0]).toMatchObject({ name: fact.name, required: fact.required })
      expect(params[0].schema.type).toBe(fact.type)
    })
  }

  if (page.body) {
    const body = page.body
    test('takes a required JSON body that refuses unknown fields', () => {
      expect(deref(op.requestBody).required).toBe(true)
      expect(Object.keys(deref(op.requestBody).content)).toEqual(['application/json'])
      const schema = jsonBodySchema(op)
      expect(schema.type).toBe('object')
      expect(schema.additionalProperties).toBe(false)
      expect(Object.keys(schema.properties).sort()).toEqual(Object.keys(body).sort())
    })

    test.each(Object.entries(body))('field %s has the type, presence and limits of the page', (field, fact) => {
      const schema = jsonBodySchema(op)
      const property = deref(schema.properties[field])
      expect(property.type).toBe(fact.type)
      expect((schema.required ?? []).includes(field)).toBe(fact.required)
      expect(property.minLength).toBe(fact.minLength)
      expect(property.maxLength).toBe(fact.maxLength)
      expect(property.enum).toEqual(fact.enum)
    })

    test('carries the page\'s request example, exactly', () => {
      const examples = deref(op.requestBody).content['application/json'].examples
      expect(Object.values(examples).map((e) => deref(e).value)).toEqual([page.requestExample])
    })
  } else {
    test('takes no body', () => {
      expect(op.requestBody).toBeUndefined()
    })
  }

  const success = exportSuccess[page.operationId as keyof typeof exportSuccess]
  test(`answers ${success}, as NCP's export says, with the key ${page.wrapped ? 'wrapped in apiKey' : 'at the top level'}`, () => {
    expect(successOf(op)).toBe(success)
    const schema = okSchema(op)
    const keySchema = page.wrapped ? deref(schema.properties.apiKey) : schema
    if (page.wrapped) {
      expect(Object.keys(schema.properties)).toEqual(['apiKey'])
      expect(schema.required).toEqual(['apiKey'])
    }
    expect(keySchema).toBe(spec.components.schemas.ApiKey)
    expect(deref(op.responses[success])['x-ncp-source']).toMatch(/export apigw_v1\.json answers/)
  })

  test('carries the page\'s response example, exactly', () => {
    const examples = deref(op.responses[success]).content['application/json'].examples
    expect(Object.values(examples).map((e) => deref(e).value)).toEqual([page.responseExample])
  })
})

describe('listApiKeys, as on its reference page', () => {
  const op = operation(listPage.path, listPage.method)

  test('takes the page\'s three optional query parameters with their limits, in the page\'s order', () => {
    const params = op.parameters.map(deref)
    expect(params.map((p: Json) => [p.name, p.in, p.required])).toEqual(Object.keys(listPage.query).map((name) => [name, 'query', false]))
    for (const p of params) expect(p.schema, p.name).toEqual(listPage.query[p.name as keyof typeof listPage.query])
  })

  test('answers 200 with a page of summaries, carrying the page\'s example exactly', () => {
    expect(successOf(op)).toBe(exportSuccess.listApiKeys)
    const schema = okSchema(op)
    expect(schema).toBe(spec.components.schemas.ApiKeyPage)
    expect(schema.required).toEqual(['apiKeys', 'total', 'initialCount'])
    expect(deref(schema.properties.apiKeys.items)).toBe(spec.components.schemas.ApiKeySummary)
    const examples = deref(op.responses['200']).content['application/json'].examples
    expect(Object.values(examples).map((e) => deref(e).value)).toEqual([listPage.responseExample])
  })

  test('list items may lack the key values, which the page leaves out and the export has', () => {
    const summary = spec.components.schemas.ApiKeySummary
    expect(summary.required).not.toContain('primaryKey')
    expect(summary.required).not.toContain('secondaryKey')
    expect(Object.keys(summary.properties).sort()).toEqual(Object.keys(apiKeyFields).sort())
    expect(validatorFor('ApiKeySummary')(listPage.responseExample.apiKeys[0])).toBe(true)
    expect(validatorFor('ApiKey')(listPage.responseExample.apiKeys[0])).toBe(false)
  })
})

describe('deleteApiKey, as on its reference page', () => {
  const op = operation(deletePage.path, deletePage.method)

  test('takes the key id in the path and no body', () => {
    expect(op.requestBody).toBeUndefined()
    const params = [...(deref(spec.paths[deletePage.path]).parameters ?? []), ...(op.parameters ?? [])].map(deref)
    expect(params.map((p: Json) => [p.name, p.in, p.required])).toEqual([['api-key-id', 'path', true]])
  })

  test('answers 204 with no content, as NCP\'s export says', () => {
    expect(successOf(op)).toBe(exportSuccess.deleteApiKey)
    expect(deref(op.responses['204']).content).toBeUndefined()
  })
})

describe.each(allOperations.map(({ path, method, op }) => [op.operationId as string, path, method, op] as const))('%s\'s error responses', (_id, path, _method, op) => {
  const common = ['400', '401', '403', '429', '500', '503', '504']

  test('list what API Gateway can answer it, from the shared responses, and a default', () => {
    // 404 where the path names a key, a product or a stage; 413 where a body is sent.
    const expected = [...common, ...(path.includes('{') ? ['404'] : []), ...(op.requestBody ? ['413'] : [])]
    const errors = Object.keys(op.responses).filter((status) => !/^2/.test(status))
    expect(errors.sort()).toEqual([...expected, 'default'].sort())
    for (const status of errors) expect(op.responses[status].$ref, status).toMatch(/^#\/components\/responses\//)
  })

  test('every answer may carry x-ncp-trace-id, never required', () => {
    for (const [status, response] of Object.entries(op.responses)) {
      const header = deref(deref(response).headers?.['x-ncp-trace-id'])
      expect(header?.schema?.type, status).toBe('string')
      expect(header.required, status).toBe(false)
    }
  })
})

describe('the API key schema', () => {
  const summary = spec.components.schemas.ApiKeySummary

  test('has every field of the pages\' response syntax, each typed and described', () => {
    expect(Object.keys(summary.properties).sort()).toEqual(Object.keys(apiKeyFields).sort())
    for (const [field, type] of Object.entries(apiKeyFields)) {
      const property = deref(summary.properties[field])
      expect(property.type, field).toBe(type)
      expect(property.description, field).toBeTruthy()
    }
    expect(deref(summary.properties.modTime).format).toBe('date-time')
  })

  test('ApiKey is the summary with the key values required: every field the get page always shows', () => {
    const page = pages.find((p) => p.operationId === 'getApiKey')!
    expect(validatorFor('ApiKey')(page.responseExample)).toBe(true)
    for (const field of ['apiKeyId', 'apiKeyName', 'primaryKey', 'secondaryKey', 'isEnabled', 'modTime']) {
      const { [field]: _left, ...without } = page.responseExample as Record<string, unknown>
      expect(validatorFor('ApiKey')(without), field).toBe(false)
    }
    expect(validatorFor('ApiKey')({ ...(page.responseExample as object), apiKeyDescription: undefined })).toBe(true)
  })

  test('says that the tables\' apiName is apiKeyName on the wire', () => {
    expect(spec.components.schemas.ApiKeyName['x-ncp-source']).toMatch(/`apiName`.*`apiKeyName`/s)
  })
})

describe('errors', () => {
  test('every documented status and NCP code has an example in its shared response', () => {
    for (const [status, code, message] of errorCodes) {
      const response = deref({ $ref: operation('/api-keys/{api-key-id}', 'put').responses[String(status)].$ref })
      const values = Object.values(response.content['application/json'].examples).map(
        (e) => deref(e).value.error,
      )
      expect(values, `${status}/${code}`).toContainEqual({ errorCode: code, message })
      expect(response.description, `${status}/${code}`).toContain(message)
      expect(response.description, `${status}/${code}`).toContain(code)
    }
  })

  test('the inner error object is a named schema, so generators name its type', () => {
    expect(spec.components.schemas.NcpError.properties.error.$ref).toBe('#/components/schemas/NcpErrorDetail')
    expect(spec.components.schemas.NcpErrorDetail.required).toEqual(['errorCode', 'message'])
  })

  test('the error body accepts errorCode as a string or an integer, and nothing else', () => {
    const validate = validatorFor('NcpError')
    expect(validate({ error: { errorCode: '200', message: 'Authentication Failed' } })).toBe(true)
    expect(validate({ error: { errorCode: 200, message: 'Authentication Failed', details: 'x' } })).toBe(true)
    expect(validate({ error: { errorCode: true, message: 'Authentication Failed' } })).toBe(false)
    expect(validate({ error: { message: 'Authentication Failed' } })).toBe(false)
    expect(validate({ errorCode: '200', message: 'Authentication Failed' })).toBe(false)
  })
})

describe('examples', () => {
  const escape = (key: string) => key.replaceAll('~', '~0').replaceAll('/', '~1')
  // A JSON pointer for a node reached from `base`, following a `$ref` when the node is one.
  const at = (base: string, node: Json, ...keys: string[]) =>
    (node?.$ref ? node.$ref.slice(1) : base) + keys.map((k) => `/${escape(k)}`).join('')

  // Every example in the document, with a pointer to the schema it must satisfy.
  function* allExamples(): Generator<[string, string, Json]> {
    for (const [path, item] of Object.entries(spec.paths)) {
      for (const method of methods) {
        const op = deref(item)[method]
        if (!op) continue
        const opPointer = `/paths/${escape(path)}/${method}`
        const media: [string, string, Json][] = Object.entries(op.responses).map(([status, r]) => [
          status,
          at(`${opPointer}/responses/${status}`, r, 'content', 'application/json'),
          deref(r).content?.['application/json'],
        ])
        if (op.requestBody) {
          media.push([
            'request',
            at(`${opPointer}/requestBody`, op.requestBody, 'content', 'application/json'),
            deref(op.requestBody).content['application/json'],
          ])
        }
        for (const [where, pointer, content] of media) {
          for (const [name, example] of Object.entries(content?.examples ?? {})) {
            yield [`${op.operationId} ${where} ${name}`, `${pointer}/schema`, deref(example).value]
          }
        }
      }
    }
    for (const [name, schema] of Object.entries(spec.components.schemas) as [string, Json][]) {
      const pointer = `/components/schemas/${name}`
      for (const value of schema.examples ?? []) yield [`schema ${name}`, pointer, value]
      for (const [prop, sub] of Object.entries(schema.properties ?? {}) as [string, Json][]) {
        for (const value of sub.examples ?? []) {
          yield [`schema ${name}.${prop}`, `${pointer}/properties/${prop}`, value]
        }
      }
    }
    for (const [name, parameter] of Object.entries(spec.components.parameters) as [string, Json][]) {
      yield [`parameter ${name}`, `/components/parameters/${name}/schema`, parameter.example]
    }
  }

  const cases = [...allExamples()]

  test('there is one for every request and response of the pages and every error code', () => {
    const named = Object.keys(spec.components.examples)
    // A request and a response example per seed page with a body, a response per other page
    // (delete answers no body), one per error code, and a request example per subscription page
    // with a body and a response example per one that answers a body.
    const subscriptionExamples = subscriptionPages.filter((p) => p.body).length + subscriptionPages.filter((p) => p.response).length
    expect(named).toHaveLength(pages.length + pages.filter((p) => p.body).length + 1 + errorCodes.length + subscriptionExamples)
    const used = cases.filter(([where]) => !where.startsWith('schema') && !where.startsWith('parameter'))
    // Each named example is used once per operation that shares it; at least once each.
    expect(used.length).toBeGreaterThanOrEqual(named.length)
  })

  test.each(cases)('%s validates against its schema (JSON Schema 2020-12)', (_where, pointer, value) => {
    const validate = ajv.getSchema(`spec#${pointer}`)
    expect(validate, pointer).toBeTypeOf('function')
    expect(validate!(value), JSON.stringify(validate!.errors)).toBe(true)
  })
})

describe('the request schemas refuse what the pages forbid', () => {
  const at = (n: number) => 'x'.repeat(n)
  test.each([
    ['CreateApiKeyRequest', { apiKeyName: at(1) }, true],
    ['CreateApiKeyRequest', { apiKeyName: at(20), apiKeyDescription: at(50) }, true],
    ['CreateApiKeyRequest', { apiKeyName: at(20), apiKeyDescription: '' }, true],
    ['CreateApiKeyRequest', { apiKeyName: '' }, false],
    ['CreateApiKeyRequest', { apiKeyName: at(21) }, false],
    ['CreateApiKeyRequest', { apiKeyName: 'a', apiKeyDescription: at(51) }, false],
    ['CreateApiKeyRequest', { apiKeyDescription: 'no name' }, false],
    ['CreateApiKeyRequest', { apiKeyName: 'a', apiName: 'a' }, false],
    ['UpdateApiKeyRequest', { apiKeyName: 'a', isEnabled: false }, true],
    ['UpdateApiKeyRequest', { apiKeyName: 'a' }, false],
    ['UpdateApiKeyRequest', { apiKeyName: 'a', isEnabled: 'true' }, false],
    ['UpdateApiKeyRequest', { isEnabled: true }, false],
    ['UpdateApiKeyRequest', { apiKeyName: at(21), isEnabled: true }, false],
    ['RegenerateApiKeyRequest', { keyType: 'PRIMARY' }, true],
    ['RegenerateApiKeyRequest', { keyType: 'SECONDARY' }, true],
    ['RegenerateApiKeyRequest', { keyType: 'TERTIARY' }, false],
    ['RegenerateApiKeyRequest', { keyType: 'primary' }, false],
    ['RegenerateApiKeyRequest', {}, false],
  ])('%s %j is %s', (schemaName, body, valid) => {
    expect(validatorFor(schemaName)(body)).toBe(valid)
  })

  test('limits count characters, not bytes: 20 Korean characters is a valid name', () => {
    expect(validatorFor('CreateApiKeyRequest')({ apiKeyName: '키'.repeat(20) })).toBe(true)
    expect(validatorFor('CreateApiKeyRequest')({ apiKeyName: '키'.repeat(21) })).toBe(false)
  })
})

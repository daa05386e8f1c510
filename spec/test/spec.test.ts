import { createHmac } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { Validator } from '@seriousme/openapi-schema-validator'
import { Ajv2020 } from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'
import { parse as parseYaml } from 'yaml'
import { describe, expect, test } from 'vitest'
import {
  apiKeyFields,
  errorCodes,
  operations as pages,
  publicBaseUrl,
  signatureHeaders,
} from './fixtures/seed-pages.js'
import { bundledYamlPath, deref, spec, type Json } from './load.js'

const methods = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const

function operation(path: string, method: string): Json {
  return deref(spec.paths[path])[method]
}

function jsonBodySchema(op: Json): Json {
  return deref(deref(op.requestBody).content['application/json'].schema)
}

function okSchema(op: Json): Json {
  return deref(deref(op.responses['200']).content['application/json'].schema)
}

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

  test('has exactly the four operations, with their ids, on their documented paths', () => {
    const found = Object.entries(spec.paths).flatMap(([path, item]) =>
      methods
        .filter((method) => deref(item)[method])
        .map((method) => `${method.toUpperCase()} ${path} ${deref(item)[method].operationId}`),
    )
    expect(found.sort()).toEqual(
      pages.map((p) => `${p.method.toUpperCase()} ${p.path} ${p.operationId}`).sort(),
    )
  })

  test('puts every operation under one described tag, with a summary and a description', () => {
    expect(spec.tags).toHaveLength(1)
    const [tag] = spec.tags
    expect(tag.description).toBeTruthy()
    for (const page of pages) {
      const op = operation(page.path, page.method)
      expect(op.tags, page.operationId).toEqual([tag.name])
      expect(op.summary, page.operationId).toBeTruthy()
      expect(op.description, page.operationId).toMatch(/Classic and VPC/)
    }
  })

  test('lists the public, gov and fin sites, each with where it is documented', () => {
    expect(spec.servers.map((s: Json) => s.url)).toEqual([
      publicBaseUrl,
      'https://apigateway.apigw.gov-ntruss.com/api/v1',
      'https://apigateway.apigw.fin-ntruss.com/api/v1',
    ])
    const [pub, gov, fin] = spec.servers
    expect(pub.description).toMatch(/reference pages/)
    expect(gov.description).toMatch(/gov API documentation/)
    expect(fin.description).toMatch(/Terraform provider.*no NCP documentation page/s)
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

  test('the worked example is correct, computed independently with node:crypto', () => {
    const example = spec.info['x-signature-v2-example']
    const url = new URL(example.url)
    expect(example.pathWithQuery).toBe(url.pathname + url.search)
    expect(example.pathWithQuery.startsWith('/api/v1/')).toBe(true)
    const stringToSign = `${example.method} ${example.pathWithQuery}\n${example.timestamp}\n${example.accessKey}`
    expect(example.stringToSign).toBe(stringToSign)
    const signature = createHmac('sha256', example.secretKey).update(stringToSign).digest('base64')
    expect(example.signature).toBe(signature)
  })

  test('the description explains the scheme and shows the same worked example', () => {
    const text: string = spec.info.description
    const example = spec.info['x-signature-v2-example']
    expect(text).toContain('METHOD + " " + pathWithQuery + "\\n" + timestamp + "\\n" + accessKey')
    expect(text).toContain('HMAC-SHA256')
    expect(text).toContain('Base64')
    expect(text).toMatch(/milliseconds/)
    expect(text).toMatch(/more than 5 minutes/)
    expect(text).toContain('`/api/v1` base path')
    for (const value of [example.url, example.timestamp, example.accessKey, example.secretKey]) {
      expect(text).toContain(value)
    }
    expect(text).toContain('```\n' + example.stringToSign + '\n```')
    expect(text).toContain(example.signature)
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

  test(`answers 200 with the key ${page.wrapped ? 'wrapped in apiKey' : 'at the top level'}`, () => {
    const schema = okSchema(op)
    const keySchema = page.wrapped ? deref(schema.properties.apiKey) : schema
    if (page.wrapped) {
      expect(Object.keys(schema.properties)).toEqual(['apiKey'])
      expect(schema.required).toEqual(['apiKey'])
    }
    expect(keySchema).toBe(spec.components.schemas.ApiKey)
    expect(deref(op.responses['200']).description).toMatch(/200 is assumed/)
  })

  test('carries the page\'s response example, exactly', () => {
    const examples = deref(op.responses['200']).content['application/json'].examples
    expect(Object.values(examples).map((e) => deref(e).value)).toEqual([page.responseExample])
  })

  test('lists every common API Gateway error response, shared with the other operations', () => {
    const statuses = [...new Set(errorCodes.map(([status]) => String(status)))]
    for (const status of statuses) {
      expect(op.responses[status]?.$ref, status).toMatch(/^#\/components\/responses\//)
    }
    expect(Object.keys(op.responses).sort()).toEqual(['200', ...statuses].sort())
  })
})

describe('the API key schema', () => {
  const apiKey = spec.components.schemas.ApiKey

  test('has every field of the pages\' response syntax, each typed and described', () => {
    expect(Object.keys(apiKey.properties).sort()).toEqual(Object.keys(apiKeyFields).sort())
    for (const [field, type] of Object.entries(apiKeyFields)) {
      const property = deref(apiKey.properties[field])
      expect(property.type, field).toBe(type)
      expect(property.description, field).toBeTruthy()
    }
    expect(deref(apiKey.properties.modTime).format).toBe('date-time')
  })

  test('says that the tables\' apiName is apiKeyName on the wire', () => {
    expect(spec.components.schemas.ApiKeyName.description).toMatch(/`apiName`.*`apiKeyName`/s)
  })
})

describe('errors', () => {
  test('every documented status and NCP code has an example in its shared response', () => {
    for (const [status, code, message] of errorCodes) {
      const response = deref({ $ref: operation('/api-keys', 'post').responses[String(status)].$ref })
      const values = Object.values(response.content['application/json'].examples).map(
        (e) => deref(e).value.error,
      )
      expect(values, `${status}/${code}`).toContainEqual({ errorCode: code, message })
      expect(response.description, `${status}/${code}`).toContain(message)
      expect(response.description, `${status}/${code}`).toContain(code)
    }
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
    expect(named).toHaveLength(pages.length + pages.filter((p) => p.body).length + errorCodes.length)
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

#!/usr/bin/env node
// Writes the operation table of the bundled spec as a TypeScript module: per operation its
// method, path, path parameters (in the path's order) and query parameters with their rules, body
// rules, the body fields taken as positional arguments, success status and schema, what is
// unwrapped from the answer and where its page is (see spec-operations.mjs for the rules),
// whether it is idempotent; apart from it the error statuses and page of each, every documented
// error (status, NCP errorCode, message), and one valid request per operation made of the
// spec's own examples. The client, the fake API Gateway, the CLI and the tests read this one
// table, so an operation added to the spec reaches every layer.
//
// Schemas keep only what a validator acts on (type, required, properties, additionalProperties,
// items, lengths, bounds, enum), `allOf` merged and `$ref`s resolved; each component schema is
// written once, as a const the others refer to.
//
//   node ../../scripts/generate-operations.mjs src/generated/operations.ts
import { deref, writeGenerated } from './bundled-spec.mjs'
import { componentName, jsonContent, paginatorName, specOperations } from './spec-operations.mjs'

/** Component schemas in dependency order (each after those it refers to), as TypeScript source. */
const consts = new Map()
const inProgress = new Set()

/** TypeScript source for a schema node: a const's name for a component, else an inline object. */
function schemaSource(node) {
  const name = componentName(node?.$ref)
  if (name) {
    if (inProgress.has(name)) throw new Error(`schema ${name} refers to itself; the validator's rules cannot hold a cycle`)
    if (!consts.has(name)) {
      inProgress.add(name)
      const body = inline(deref(node), name)
      inProgress.delete(name)
      consts.set(name, body)
    }
    return name
  }
  return inline(deref(node), 'an inline schema')
}

const kept = ['type', 'minLength', 'maxLength', 'minimum', 'maximum', 'enum', 'additionalProperties']

function inline(schema, where) {
  if (schema.allOf) return merged(schema, where)
  if (schema.oneOf || schema.anyOf || schema.not || schema.if) throw new Error(`${where} uses a keyword the validator does not know`)
  const parts = []
  for (const key of kept) if (schema[key] !== undefined) parts.push(`${key}: ${JSON.stringify(schema[key])}`)
  if (schema.required?.length) parts.push(`required: ${JSON.stringify(schema.required)}`)
  if (schema.properties) {
    const properties = Object.entries(schema.properties).map(([field, sub]) => `${JSON.stringify(field)}: ${schemaSource(sub)}`)
    parts.push(`properties: { ${properties.join(', ')} }`)
  }
  if (schema.items) parts.push(`items: ${schemaSource(schema.items)}`)
  return `{ ${parts.join(', ')} }`
}

/** `allOf` of object schemas as one object schema: the members' properties and required fields. */
function merged(schema, where) {
  const members = schema.allOf.map((member) => ({ source: schemaSource(member), schema: deref(member) }))
  if (members.some((m) => m.schema.type !== 'object')) throw new Error(`${where}: allOf members must be object schemas`)
  const required = [...new Set(members.flatMap((m) => m.schema.required ?? []))]
  const known = members.flatMap((m) => Object.keys(m.schema.properties ?? {}))
  for (const field of required) if (!known.includes(field)) throw new Error(`${where}: allOf requires ${field}, which no member defines`)
  const properties = members.map((m) => `...${m.source}.properties`).join(', ')
  return `{ type: "object", required: ${JSON.stringify(required)}, properties: { ${properties} } }`
}

const operations = []
const ids = []
const infos = []
const examples = []
const answers = []
const errors = new Map()
for (const op of specOperations()) {
  const { id } = op
  for (const status of op.errors) {
    for (const example of Object.values(jsonContent(deref(op.raw.responses[status]).content)?.examples ?? {})) {
      const error = deref(example).value?.error
      if (!error) throw new Error(`${id}: response ${status} has an example without an error body`)
      const key = `${status}/${error.errorCode}`
      if (!errors.has(key)) errors.set(key, { status, errorCode: String(error.errorCode), message: error.message })
    }
  }
  const rules = (params) => params.map((p) => `${JSON.stringify(p.name)}: ${schemaSource(p.schema)}`).join(', ')
  const page = op.page && { items: op.page.items, total: op.page.total, in: op.page.in, paginator: paginatorName(op.id) }
  operations.push(
    `export const ${id} = {
  id: ${JSON.stringify(id)},
  method: ${JSON.stringify(op.method)},
  path: ${JSON.stringify(op.path)},
  pathParams: { ${rules(op.pathParams)} },
  query: { ${rules(op.query)} },
  requiredQuery: ${JSON.stringify(op.query.filter((p) => p.required).map((p) => p.name))},
  body: ${op.body ? schemaSource(op.body.schema) : 'undefined'},
  positional: ${JSON.stringify(op.positional)},
  success: ${op.success},
  response: ${op.response ? schemaSource(op.response) : 'undefined'},
  unwrap: ${JSON.stringify(op.unwrap)},
  page: ${JSON.stringify(page)},
  idempotent: ${op.idempotent},
  } as const`,
  )
  ids.push(id)
  infos.push(`  ${id}: { errors: ${JSON.stringify(op.errors)}, docs: ${JSON.stringify(op.docs)} },`)
  // The spec's own examples as one valid request: every parameter that has one, and the body's.
  const valuesOf = (params) => Object.fromEntries(params.filter((p) => p.example !== undefined).map((p) => [p.name, p.example]))
  for (const p of op.pathParams) if (p.example === undefined) throw new Error(`${id}: path parameter ${p.name} has no example`)
  if (op.body && op.body.example === undefined) throw new Error(`${id}: the request body has no example`)
  for (const p of op.query) if (p.required && p.example === undefined) throw new Error(`${id}: required query parameter ${p.name} has no example`)
  const example = { pathParams: valuesOf(op.pathParams), ...(op.query.length > 0 && { query: valuesOf(op.query) }), ...(op.body && { body: op.body.example }) }
  examples.push(`  ${id}: ${JSON.stringify(example)},`)
  // And one valid answer: the success response's first example (no body: undefined).
  const success = jsonContent(deref(op.raw.responses[op.success]).content)
  const answer = success && deref(Object.values(success.examples ?? {})[0])?.value
  if (success && answer === undefined) throw new Error(`${id}: the success answer has no example`)
  answers.push(`  ${id}: ${JSON.stringify(answer)},`)
}
if (errors.size === 0) throw new Error('the spec documents no error responses')

const source = `// Generated from spec/dist/openapi.json by scripts/generate-operations.mjs. Do not edit.
${[...consts].map(([name, body]) => `const ${name} = ${body} as const`).join('\n')}

${operations.join('\n')}

/** Every operation of the spec, in the spec's order. */
export const operations = { ${ids.join(', ')} } as const

/** Every operation of the spec, by its operationId. */
export type OperationId = keyof typeof operations

/**
 * What the spec says of each operation beyond what a request and its answer need: the error
 * statuses it lists (besides \`default\`) and NCP's reference page. Apart from \`operations\`, so
 * a client bundle that never reads it does not carry it.
 */
export const operationInfo = {
${infos.join('\n')}
} as const satisfies Record<OperationId, unknown>

/**
 * One valid request per operation, made of the spec's own examples: each parameter's example and
 * the request body's first example. What tests send when any valid request will do. Apart from
 * \`operations\` for the same reason as \`operationInfo\`.
 */
export const exampleRequests = {
${examples.join('\n')}
} as const satisfies Record<OperationId, unknown>

/** One valid success answer body per operation: the spec's first example of it (\`undefined\`: no body). */
export const exampleAnswers = {
${answers.join('\n')}
} as const satisfies Record<OperationId, unknown>

/** Every error response the spec documents, in the spec's order: the first of a status is its default. */
export const documentedErrors = ${JSON.stringify([...errors.values()], null, 2)} as const
`
writeGenerated('generate-operations.mjs', source)
// Each operation on its own, for a client that names the operations it uses, so that a bundler
// can leave the others out (see @ncloud-apigw/client's createApiKeyClientFor).
writeGenerated(
  'generate-operations.mjs',
  `// Generated from spec/dist/openapi.json by scripts/generate-operations.mjs. Do not edit.
export { ${ids.join(', ')} } from './operations.js'
`,
  'entries.ts',
)

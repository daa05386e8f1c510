#!/usr/bin/env node
// Writes the operation table of the bundled spec as a TypeScript module: per operation its
// method, path, path and query parameters with their rules, body rules, success status, answer
// shape and schema, whether it is idempotent, and the error statuses it documents; and every
// documented error (status, NCP errorCode, message). The client, the fake API Gateway, the CLI
// and the tests read this one table, so an operation added to the spec reaches every layer, and
// the compiler (through `Record<OperationId, ...>` maps) makes each layer handle it.
//
// Schemas keep only what a validator acts on (type, required, properties, additionalProperties,
// items, lengths, bounds, enum), `allOf` merged and `$ref`s resolved; each component schema is
// written once, as a const the others refer to.
//
//   node ../../scripts/generate-operations.mjs src/generated/operations.ts
import { deref, methods, spec, writeGenerated } from './bundled-spec.mjs'

const componentName = (ref) => /^#\/components\/schemas\/([^/]+)$/.exec(ref ?? '')?.[1]

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

const jsonContent = (content) => content?.['application/json']

/** The shape of a success answer, as the client hands it back. */
function answerShape(operationId, content) {
  const schema = content && deref(jsonContent(content)?.schema)
  if (!schema) return 'none'
  const properties = Object.entries(schema.properties ?? {})
  if (properties.length === 1 && componentName(properties[0][1].$ref) === 'ApiKey') return 'wrapped'
  if (properties.some(([, sub]) => deref(sub).type === 'array')) return 'page'
  if (componentName(jsonContent(content).schema.$ref) === 'ApiKey') return 'key'
  throw new Error(`${operationId}: the success answer is none of key, wrapped key, page or no body`)
}

const operations = []
const infos = []
const errors = new Map()
for (const [path, rawItem] of Object.entries(spec.paths)) {
  const item = deref(rawItem)
  for (const method of methods) {
    const op = item[method]
    if (!op) continue
    const id = op.operationId
    if (typeof op['x-idempotent'] !== 'boolean') throw new Error(`${id}: x-idempotent must say whether the operation may be repeated`)
    const params = { path: [], query: [] }
    for (const p of [...(item.parameters ?? []), ...(op.parameters ?? [])].map(deref)) {
      if (!params[p.in]) throw new Error(`${id}: ${p.in} parameters are not supported`)
      params[p.in].push(`${JSON.stringify(p.name)}: ${schemaSource(p.schema)}`)
    }
    const successes = Object.keys(op.responses).filter((status) => /^2\d\d$/.test(status))
    if (successes.length !== 1) throw new Error(`${id}: exactly one success status, got ${successes.join(', ')}`)
    const [success] = successes
    const answer = deref(op.responses[success])
    const shape = answerShape(id, answer.content)
    const body = op.requestBody && jsonContent(deref(op.requestBody).content)?.schema
    const statuses = Object.keys(op.responses).filter((status) => /^[45]\d\d$/.test(status))
    for (const status of statuses) {
      for (const example of Object.values(jsonContent(deref(op.responses[status]).content)?.examples ?? {})) {
        const error = deref(example).value?.error
        if (!error) throw new Error(`${id}: response ${status} has an example without an error body`)
        const key = `${status}/${error.errorCode}`
        if (!errors.has(key)) errors.set(key, { status: Number(status), errorCode: String(error.errorCode), message: error.message })
      }
    }
    operations.push(
      `  ${id}: {
    method: ${JSON.stringify(method.toUpperCase())},
    path: ${JSON.stringify(path)},
    pathParams: { ${params.path.join(', ')} },
    query: { ${params.query.join(', ')} },
    body: ${body ? schemaSource(body) : 'undefined'},
    success: ${Number(success)},
    answer: ${JSON.stringify(shape)},
    response: ${shape === 'none' ? 'undefined' : schemaSource(jsonContent(answer.content).schema)},
    idempotent: ${op['x-idempotent']},
  },`,
    )
    infos.push(`  ${id}: { errors: ${JSON.stringify(statuses.map(Number))}, docs: ${JSON.stringify(op.externalDocs?.url)} },`)
  }
}
if (errors.size === 0) throw new Error('the spec documents no error responses')

const source = `// Generated from spec/dist/openapi.json by scripts/generate-operations.mjs. Do not edit.
${[...consts].map(([name, body]) => `const ${name} = ${body} as const`).join('\n')}

/** Every operation of the spec, in the spec's order. */
export const operations = {
${operations.join('\n')}
} as const

/** Every operation of the spec: \`'listApiKeys' | 'createApiKey' | ...\`. */
export type OperationId = keyof typeof operations

/**
 * What the spec says of each operation beyond what a request and its answer need: the error
 * statuses it lists (besides \`default\`) and NCP's reference page. Apart from \`operations\`, so
 * a client bundle that never reads it does not carry it.
 */
export const operationInfo = {
${infos.join('\n')}
} as const satisfies Record<OperationId, unknown>

/** Every error response the spec documents, in the spec's order: the first of a status is its default. */
export const documentedErrors = ${JSON.stringify([...errors.values()], null, 2)} as const
`
writeGenerated('generate-operations.mjs', source)

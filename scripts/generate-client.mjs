#!/usr/bin/env node
// @ts-check
// Writes the client's per-operation surface as types: `ApiKeyClient`, one method per operation
// of the spec (the path parameters in the path's order as strings, then the body or the query
// object, then the call's options; see spec-operations.mjs), each returning the success body
// after unwrapping, and one paginator per operation that answers a page; each with its summary,
// its NCP page and an example made of the spec's own examples. At run time the client builds
// these methods from the operation table (packages/client/src/client.ts): this file holds no
// code at all.
//
//   node ../../scripts/generate-client.mjs src/generated/methods.ts [spec.json]
import { deref, jsDoc, writeGenerated } from './bundled-spec.mjs'
import { componentName, paginatorName, pascal, propertiesOf, specOperations } from './spec-operations.mjs'

/** @typedef {import('./spec-operations.mjs').Operation} Operation */

const imported = new Set()
/** A type of @ncloud-apigw/types by name, imported once. */
function named(/** @type {string} */ name) {
  imported.add(name)
  return name
}

/** The TypeScript type of a schema node: its component's alias, else `fallback` (an indexed access). */
const typeOf = (/** @type {Record<string, any> | undefined} */ node, /** @type {string} */ fallback) => {
  const name = componentName(node?.$ref)
  return name ? named(name) : fallback
}

/** `api-key-id` → `apiKeyId`. */
const camel = (/** @type {string} */ name) => name.replace(/-([a-z])/g, (_, letter) => letter.toUpperCase())

/** A value as TypeScript source: `{ offset: 0, apiKeyName: 'ci-bot' }`. */
function literal(/** @type {unknown} */ value) {
  if (typeof value === 'string') return `'${value.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`
  if (Array.isArray(value)) return `[${value.map(literal).join(', ')}]`
  if (value && typeof value === 'object') {
    const fields = Object.entries(value).map(([k, v]) => `${/^[A-Za-z_$][\w$]*$/.test(k) ? k : literal(k)}: ${literal(v)}`)
    return fields.length ? `{ ${fields.join(', ')} }` : '{}'
  }
  return String(value)
}

/** A JSDoc block from lines, indented as a member of the interface unless told otherwise. */
const doc = (/** @type {string[]} */ lines, indent = '  ') => jsDoc(lines, indent)

/** Wraps text at about 96 columns for a JSDoc block. */
function wrap(/** @type {string} */ text) {
  const lines = []
  let line = ''
  for (const word of text.trim().split(/\s+/)) {
    if (line && line.length + word.length > 95) {
      lines.push(line)
      line = word
    } else line = line ? `${line} ${word}` : word
  }
  if (line) lines.push(line)
  return lines
}

const methods = []
const pageQueries = []
for (const op of specOperations()) {
  const id = op.id
  const responseType = op.response ? typeOf(op.response, `${named('operations')}[${JSON.stringify(id)}]['responses'][${op.success}]['content']['application/json']`) : 'void'
  // The value handed back, and its type: each unwrapped property's component, or an indexed access.
  let resultType = responseType
  let node = op.response
  for (const property of op.unwrap) {
    node = propertiesOf(node)[property]
    resultType = typeOf(node, `${resultType}[${JSON.stringify(property)}]`)
  }
  const bodyType = op.body ? typeOf(op.body.schema, named(`${pascal(id)}Request`)) : undefined
  const queryType = op.query.length > 0 ? named(`${pascal(id)}Query`) : undefined
  const queryRequired = op.query.some((p) => p.required)

  const params = op.pathParams.map((p) => `${camel(p.name)}: string`)
  const example = []
  const exampleRequest = { pathParams: Object.fromEntries(op.pathParams.map((p) => [p.name, p.example])), query: op.query, body: op.body?.example }
  for (const p of op.pathParams) example.push(literal(p.example))
  if (op.positional) {
    const properties = propertiesOf(op.body?.schema)
    for (const field of op.positional) {
      params.push(`${field}: ${typeOf(properties[field], `${bodyType}[${JSON.stringify(field)}]`)}`)
      example.push(literal(/** @type {any} */ (exampleRequest.body)?.[field]))
    }
  } else if (bodyType) {
    params.push(`body: ${bodyType}`)
    example.push(literal(exampleRequest.body))
  } else if (queryType) {
    params.push(`query${queryRequired ? '' : '?'}: ${queryType}`)
    const values = Object.fromEntries(op.query.filter((p) => p.example !== undefined).map((p) => [p.name, p.example]))
    example.push(literal(values))
  }
  const call = `apigw.${id}(${example.join(', ')})`
  methods.push(
    doc([
      `${op.summary}: \`${op.method} ${op.path}\`.`,
      '',
      ...wrap(op.description),
      '',
      ...(op.docs ? [`@see ${op.docs}`] : []),
      '@example',
      '```ts',
      op.response ? `const answer = await ${call}` : `await ${call}`,
      '```',
    ]) + `  ${id}(${[...params, 'options?: CallOptions'].join(', ')}): Promise<${resultType}>`,
  )

  if (!op.page) continue
  const name = paginatorName(id)
  const source = op.page.in === 'query' ? queryType : bodyType
  const itemType = typeOf(op.page.itemSchema, `${resultType}[${JSON.stringify(op.page.items)}][number]`)
  const queryName = `${pascal(name)}Query`
  // Required when the operation requires more than offset and limit (a search's productId).
  const requires = op.page.in === 'query' ? op.query.some((p) => p.required && !['offset', 'limit'].includes(p.name)) : (deref(op.body?.schema).required ?? []).some((/** @type {string} */ f) => !['offset', 'limit'].includes(f))
  pageQueries.push(
    `${doc([`What \`${name}\` takes: the ${op.page.in} of \`${id}\` without \`offset\` and \`limit\`, and the size of each page.`], '')}export type ${queryName} = PageQuery<${source}>`,
  )
  const pageParams = [...op.pathParams.map((p) => `${camel(p.name)}: string`), `query${requires ? '' : '?'}: ${queryName}`, 'options?: CallOptions']
  methods.push(
    doc([
      `Every item of \`${id}\`, page after page: \`for await (const item of apigw.${name}(...))\`.`,
      `Asks for \`pageSize\` items at a time (default 100) by \`offset\`; stops after the \`${op.page.total}\` the first page`,
      'announces, and fails rather than loop when a page brings nothing it has not already given.',
    ]) + `  ${name}(${pageParams.join(', ')}): AsyncIterableIterator<${itemType}>`,
  )
}

writeGenerated(
  'generate-client.mjs',
  `// Generated from spec/dist/openapi.json by scripts/generate-client.mjs. Do not edit.
import type { ${[...imported].sort().join(', ')} } from '@ncloud-apigw/types'
import type { CallOptions, PageQuery } from '../options.js'

${pageQueries.join('\n\n')}

/**
 * One method per operation of the spec, named by its operationId, and one paginator per
 * operation that answers a page. Every method validates its arguments against the spec before
 * sending, signs every attempt, retries what is safe to retry and holds the answer to the spec.
 */
export interface ApiKeyClient {
${methods.join('\n\n')}
}
`,
)

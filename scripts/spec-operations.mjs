// @ts-check
// The operations of the bundled spec as the generators see them: one record per operation with
// everything that decides its code, and the rules that read shapes from schemas. Every generator
// (the operation table, the client's method types, the types' aliases) reads this one walk, so
// the table and the types can never disagree on what an operation takes or answers.
//
// The rules, each decided by the spec alone:
// - Arguments: the path parameters in the path's order, then the body or the query object
//   (never both), then the call's options. `x-client-arguments: [field, ...]` on an operation
//   takes those body fields as positional arguments instead of the body object.
// - The value handed back: the success body, unwrapped while it is an object of exactly one
//   property (`{ apiKey }` → the key, `{ apiKeyRelations: { content, total } }` → the page),
//   whatever the property's name; `undefined` when the success answer has no body.
// - A page: a value with exactly one array property and an integer `total`, of an operation that
//   takes `offset` and `limit` (in its query or its body). Its paginator walks `offset`.
// - Idempotency: the operation's `x-idempotent`, never its method.
import { deref, methods, spec } from './bundled-spec.mjs'

/** @typedef {Record<string, any>} Json */

/**
 * @typedef {object} Parameter
 * @property {string} name
 * @property {Json} schema the schema node as written (a `$ref` stays a `$ref`)
 * @property {boolean} required
 * @property {unknown} example
 */

/**
 * @typedef {object} Page
 * @property {string} items the array property of the unwrapped value
 * @property {string} total the integer property counting every item across pages
 * @property {'query' | 'body'} in where `offset` and `limit` go
 * @property {Json} itemSchema the items' schema node as written
 */

/**
 * @typedef {object} Operation
 * @property {string} id
 * @property {string} method upper case
 * @property {string} path
 * @property {string} summary
 * @property {string} description
 * @property {string | undefined} docs NCP's reference page
 * @property {boolean} idempotent
 * @property {Parameter[]} pathParams in the path's order
 * @property {Parameter[]} query
 * @property {{ schema: Json, example: unknown } | undefined} body
 * @property {string[] | undefined} positional body fields taken as positional arguments
 * @property {number} success
 * @property {Json | undefined} response the success body's schema node as written; undefined for none
 * @property {string[]} unwrap the properties unwrapped, outermost first
 * @property {Json | undefined} result the schema node of the value handed back
 * @property {Page | undefined} page
 * @property {number[]} errors the error statuses the operation lists
 * @property {Json} raw the operation object itself
 */

export const jsonContent = (/** @type {Json | undefined} */ content) => content?.['application/json']
export const componentName = (/** @type {string | undefined} */ ref) => /^#\/components\/schemas\/([^/]+)$/.exec(ref ?? '')?.[1]

/** The properties of an object schema, `allOf` members merged. */
export function propertiesOf(/** @type {Json | undefined} */ node) {
  const schema = deref(node)
  if (!schema) return {}
  if (schema.allOf) return Object.assign({}, ...schema.allOf.map(propertiesOf))
  return schema.properties ?? {}
}

/** The value handed back: the success body unwrapped while it is an object of exactly one property. */
function unwrapped(/** @type {Json | undefined} */ response) {
  const unwrap = []
  let node = response
  for (;;) {
    const schema = deref(node)
    const entries = Object.entries(propertiesOf(node))
    if (!schema || schema.type !== 'object' || schema.allOf || entries.length !== 1) break
    const [[name, inner]] = entries
    unwrap.push(name)
    node = inner
  }
  return { unwrap, result: node }
}

/**
 * The page a value is, if it is one.
 * @param {string} id
 * @param {Json | undefined} result
 * @param {Parameter[]} query
 * @param {Json | undefined} body
 * @returns {Page | undefined}
 */
function pageOf(id, result, query, body) {
  const properties = Object.entries(propertiesOf(result))
  const arrays = properties.filter(([, sub]) => deref(sub).type === 'array')
  const total = properties.find(([name, sub]) => name === 'total' && deref(sub).type === 'integer')
  const inQuery = ['offset', 'limit'].every((name) => query.some((p) => p.name === name))
  const inBody = body !== undefined && ['offset', 'limit'].every((name) => Object.hasOwn(propertiesOf(body.schema), name))
  if (!inQuery && !inBody) return undefined
  if (arrays.length !== 1 || !total) {
    throw new Error(`${id} takes offset and limit, but its answer has ${arrays.length} array properties and ${total ? 'a' : 'no'} total: a page has exactly one of each`)
  }
  const [[items, array]] = arrays
  return { items, total: 'total', in: inQuery ? 'query' : 'body', itemSchema: deref(array).items }
}

/** The first example of a media type or a parameter: `example`, else the first of `examples`. */
function exampleOf(/** @type {Json | undefined} */ holder) {
  if (!holder) return undefined
  if (holder.example !== undefined) return holder.example
  const first = Object.values(holder.examples ?? {})[0]
  return first === undefined ? undefined : deref(first).value
}

/** @returns {Operation[]} every operation of the spec, in the spec's order */
export function specOperations() {
  /** @type {Operation[]} */
  const found = []
  for (const [path, rawItem] of Object.entries(spec.paths)) {
    const item = deref(rawItem)
    for (const method of methods) {
      const op = item[method]
      if (!op) continue
      const id = op.operationId
      if (typeof op['x-idempotent'] !== 'boolean') throw new Error(`${id}: x-idempotent must say whether the operation may be repeated`)
      /** @type {{ path: Parameter[], query: Parameter[] }} */
      const params = { path: [], query: [] }
      for (const p of [...(item.parameters ?? []), ...(op.parameters ?? [])].map(deref)) {
        if (!(p.in in params)) throw new Error(`${id}: ${p.in} parameters are not supported`)
        params[/** @type {'path' | 'query'} */ (p.in)].push({ name: p.name, schema: p.schema, required: p.required === true, example: exampleOf(p) })
      }
      // Path parameters in the order the path names them: the order of the method's arguments.
      const order = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1])
      if (order.length !== params.path.length || !order.every((name) => params.path.some((p) => p.name === name))) {
        throw new Error(`${id}: the path names ${order.join(', ') || 'no parameter'}, the parameters are ${params.path.map((p) => p.name).join(', ') || 'none'}`)
      }
      params.path.sort((a, b) => order.indexOf(a.name) - order.indexOf(b.name))
      const media = op.requestBody && jsonContent(deref(op.requestBody).content)
      const body = media ? { schema: media.schema, example: exampleOf(media) } : undefined
      if (body && params.query.length > 0) throw new Error(`${id}: a body and a query both; the client's arguments take one or the other`)
      const positional = op['x-client-arguments']
      if (positional !== undefined) {
        const fields = propertiesOf(body?.schema)
        if (!Array.isArray(positional) || positional.some((f) => !Object.hasOwn(fields, f))) {
          throw new Error(`${id}: x-client-arguments must list fields of the body, got ${JSON.stringify(positional)}`)
        }
      }
      const successes = Object.keys(op.responses).filter((status) => /^2\d\d$/.test(status))
      if (successes.length !== 1) throw new Error(`${id}: exactly one success status, got ${successes.join(', ')}`)
      const [success] = successes
      const response = jsonContent(deref(op.responses[success]).content)?.schema
      const { unwrap, result } = unwrapped(response)
      found.push({
        id,
        method: method.toUpperCase(),
        path,
        summary: op.summary,
        description: op.description,
        docs: op.externalDocs?.url,
        idempotent: op['x-idempotent'],
        pathParams: params.path,
        query: params.query,
        body,
        positional,
        success: Number(success),
        response,
        unwrap,
        result,
        page: pageOf(id, result, params.query, body),
        errors: Object.keys(op.responses).filter((status) => /^[45]\d\d$/.test(status)).map(Number),
        raw: op,
      })
    }
  }
  return found
}

/** `listApiKeys` → `ListApiKeys`. */
export const pascal = (/** @type {string} */ id) => id[0].toUpperCase() + id.slice(1)

/** The paginator of a page operation: `listApiKeys` → `paginateApiKeys`, `searchApiKeys` → `paginateSearchApiKeys`. */
export const paginatorName = (/** @type {string} */ id) => `paginate${pascal(id.replace(/^list(?=[A-Z])/, ''))}`

import type { operations } from './generated/operations.js'
import { describe, type Problem, problems, type Schema } from './validate.js'

/** One operation's entry in the table (`operations[id]`). */
export type Operation = (typeof operations)[keyof typeof operations]

/** The parts of a request the spec has rules for, before they are put into a URL and a body. */
export interface RequestParts {
  /** Path parameters by name, as given (not encoded). */
  readonly pathParams?: Readonly<Record<string, unknown>>
  /** Query parameters by name; `undefined` ones are not sent. */
  readonly query?: Readonly<Record<string, unknown>> | undefined
  /** The body as it will be sent: parse what you serialise, so that what is checked is what is sent. */
  readonly body?: unknown
}

// `.` and `..` are resolved away by URL parsing, and a lone surrogate cannot be percent-encoded,
// so neither can arrive as the one path segment a parameter names. With the u flag a surrogate
// pair is one code point, so \p{Cs} finds only lone surrogates.
const unsendableSegment = /^\.\.?$|\p{Cs}/u

/**
 * Every rule of the operation that the request breaks, parameters first, then the body. Takes
 * the operation's entry, not its id, so that a program holding a few entries carries no others.
 */
export function requestProblems(op: Operation, { pathParams = {}, query = {}, body }: RequestParts): Problem[] {
  const found: Problem[] = []
  // Every call comes through here: plain loops, no arrays of entries built and thrown away.
  const names = op.pathParams as Record<string, Schema>
  for (const name in names) {
    const schema = names[name]!
    const value = Object.hasOwn(pathParams, name) ? pathParams[name] : undefined
    if (value === undefined) {
      found.push({ field: name, limit: describe(schema), got: 'nothing' })
      continue
    }
    const broken = problems(schema, value, name)
    if (broken.length > 0) found.push(...broken)
    else if (unsendableSegment.test(value as string)) found.push({ field: name, limit: 'well-formed text other than "." and ".."' })
  }
  const rules = op.query as Record<string, Schema>
  for (const name of op.requiredQuery as readonly string[]) {
    if (!Object.hasOwn(query, name) || query[name] === undefined) found.push({ field: name, limit: describe(rules[name]!), got: 'nothing' })
  }
  for (const name in query) {
    if (!Object.hasOwn(query, name)) continue
    if (!Object.hasOwn(rules, name)) {
      found.push({ field: name, limit: `absent: the query parameters are ${Object.keys(rules).join(', ') || 'none'}` })
    } else if (query![name] !== undefined) {
      found.push(...problems(rules[name]!, query![name], name))
    }
  }
  if (op.body) {
    found.push(...(body === undefined ? [{ field: 'the body', limit: 'an object', got: 'nothing' }] : problems(op.body, body)))
  }
  return found
}

/**
 * Query values as the spec types them, from a query string as received (a `URLSearchParams`): an integer parameter's
 * decimal digits become a number, anything else stays text (and then fails validation, naming
 * the parameter). A repeated parameter keeps its first value.
 */
export function queryValues(op: Operation, search: Iterable<readonly [string, string]>): Record<string, unknown> {
  const rules = op.query as Record<string, Schema>
  const values: Record<string, unknown> = {}
  for (const [name, text] of search) {
    if (Object.hasOwn(values, name)) continue
    const type = rules[name]?.type
    // Any run of digits becomes a number, however long, so the validator says a number too large
    // rather than "a string".
    values[name] = (type === 'integer' || type === 'number') && /^-?\d+$/.test(text) ? Number(text) : text
  }
  return values
}

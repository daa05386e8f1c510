/**
 * The one validator of this project: the client holds what it sends and what it is answered to
 * it, the fake API Gateway holds what it receives. It knows the part of JSON Schema the
 * generated rules keep (type, required, properties, additionalProperties, items, lengths, bounds,
 * enum), and reads own properties only, so an inherited or prototype field is never taken for
 * one that would be sent.
 */

/** A schema as the generated table keeps it. */
export interface Schema {
  readonly type?: string | readonly string[]
  readonly minLength?: number
  readonly maxLength?: number
  readonly minimum?: number
  readonly maximum?: number
  readonly enum?: readonly (string | number)[]
  readonly required?: readonly string[]
  readonly properties?: { readonly [field: string]: Schema }
  readonly additionalProperties?: boolean
  readonly items?: Schema
}

/** One broken rule: where, what it must be and what was there, never the value of a string. */
export interface Problem {
  /** The field (`apiKeyName`), a path into the body (`apiKey.primaryKey`, `apiKeys[2].isEnabled`) or a parameter (`limit`). */
  readonly field: string
  /** What it must be, in words: `a string of 1 to 20 characters`, `one of PRIMARY, SECONDARY`. */
  readonly limit: string
  /** What was there instead: `21 characters`, `a number`, `nothing`, `0`; absent when that says nothing useful. */
  readonly got?: string
  /** The length in characters of a string that broke a length limit. */
  readonly length?: number
}

const article = (word: string) => `${/^[aeiou]/.test(word) ? 'an' : 'a'} ${word}`
const characters = (n: number) => `${n} character${n === 1 ? '' : 's'}`

/** The JSON type of a value, as JSON Schema names it. */
export function jsonType(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'array'
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number'
  return typeof value
}

/** What a value is, for a message, by its JSON type alone (never its text): `a string`, `an integer`, `null`. */
export function valueKind(value: unknown): string {
  const type = jsonType(value)
  return type === 'null' ? 'null' : article(type)
}

/** What a string's length must be: `1 to 20 characters`, `at most 50 characters`, or '' for any. */
export function lengthLimit({ minLength = 0, maxLength }: Schema): string {
  if (maxLength === undefined) return minLength > 0 ? `at least ${characters(minLength)}` : ''
  return minLength > 0 ? `${minLength} to ${characters(maxLength)}` : `at most ${characters(maxLength)}`
}

/** What a value must be, in words, as messages and help texts say it. */
export function describe(schema: Schema): string {
  if (schema.enum) return `one of ${schema.enum.join(', ')}`
  const types = typeof schema.type === 'string' ? [schema.type] : (schema.type ?? [])
  return types
    .map((type) => {
      if (type === 'boolean') return 'true or false'
      if (type === 'string') {
        const length = lengthLimit(schema)
        return length ? `a string of ${length}` : 'a string'
      }
      if (type === 'integer' || type === 'number') {
        const { minimum: min, maximum: max } = schema
        const bounds = min !== undefined && max !== undefined ? ` from ${min} to ${max}` : min !== undefined ? ` of at least ${min}` : max !== undefined ? ` of at most ${max}` : ''
        return article(type) + bounds
      }
      return article(type)
    })
    .join(' or ')
}

// Every call checks a few of these, so neither allocates: no array for a single type.
function hasType({ type }: Schema, actual: string): boolean {
  if (type === undefined) return true
  if (typeof type === 'string') return type === actual || (actual === 'integer' && type === 'number')
  return type.includes(actual) || (actual === 'integer' && type.includes('number'))
}

/** Every rule of `schema` that `value` breaks; empty when it is valid. */
export function problems(schema: Schema, value: unknown, field = ''): Problem[] {
  const found: Problem[] = []
  check(schema, value, field, found)
  return found
}

/** The largest integer a number holds exactly, and JSON writes as its digits. */
const SAFE = Number.MAX_SAFE_INTEGER

function check(schema: Schema, value: unknown, field: string, found: Problem[]): void {
  const name = field || 'the body'
  const type = jsonType(value)
  if (!hasType(schema, type)) {
    found.push({ field: name, limit: describe(schema), got: valueKind(value) })
    return
  }
  if (schema.enum) {
    if (!schema.enum.includes(value as string)) found.push({ field: name, limit: describe(schema) })
    return
  }
  if (type === 'string') {
    const min = schema.minLength ?? 0
    const max = schema.maxLength ?? Infinity
    // JSON Schema counts code points; a string of n UTF-16 units has n/2 to n of them, so they
    // are counted only when the units alone cannot settle it.
    const units = (value as string).length
    if (units > max || Math.ceil(units / 2) < min) {
      const length = [...(value as string)].length
      if (length < min || length > max) found.push({ field: name, limit: describe(schema), got: characters(length), length })
    }
  } else if (type === 'integer' || type === 'number') {
    if (Math.abs(value as number) > SAFE) {
      // JSON and String write 1e21 and beyond in exponent notation (offset=1e%2B21) and round
      // integers past 2^53 - 1: such a number would not be sent as the digits it was given.
      const bounded = { ...schema, minimum: Math.max(schema.minimum ?? -SAFE, -SAFE), maximum: Math.min(schema.maximum ?? SAFE, SAFE) }
      found.push({ field: name, limit: `${describe(bounded)} (a larger number is not sent as its digits: JSON writes it in exponent notation or rounded)`, got: String(value) })
    } else if ((value as number) < (schema.minimum ?? -Infinity) || (value as number) > (schema.maximum ?? Infinity)) {
      found.push({ field: name, limit: describe(schema), got: String(value) })
    }
  } else if (type === 'array' && schema.items) {
    ;(value as unknown[]).forEach((item, i) => check(schema.items!, item, `${name}[${i}]`, found))
  } else if (type === 'object') {
    const object = value as Record<string, unknown>
    const properties = schema.properties ?? {}
    const prefix = field ? `${field}.` : ''
    if (schema.required) {
      for (const key of schema.required) {
        if (!Object.hasOwn(object, key) || object[key] === undefined) found.push({ field: prefix + key, limit: describe(properties[key] ?? {}), got: 'nothing' })
      }
    }
    for (const key of Object.keys(object)) {
      if (Object.hasOwn(properties, key)) {
        if (object[key] !== undefined) check(properties[key]!, object[key], prefix + key, found)
      } else if (schema.additionalProperties === false) {
        found.push({ field: prefix + key, limit: `absent: the fields are ${Object.keys(properties).join(', ')}` })
      }
    }
  }
}

/** `apiKeyName must be a string of 1 to 20 characters, got 21 characters`. */
export function problemText({ field, limit, got }: Problem): string {
  return `${field} must be ${limit}${got === undefined ? '' : `, got ${got}`}`
}

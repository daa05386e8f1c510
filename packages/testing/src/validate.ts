import { operations, type OperationId } from './generated/limits.js'

interface FieldLimits {
  readonly type: string
  readonly required: boolean
  readonly minLength?: number
  readonly maxLength?: number
  readonly enum?: readonly string[]
}

interface BodyLimits {
  readonly additionalProperties: boolean
  readonly properties: Readonly<Record<string, FieldLimits>>
}

function typeOf(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'array'
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number'
  return typeof value
}

function isType(value: unknown, type: string): boolean {
  const actual = typeOf(value)
  return actual === type || (type === 'number' && actual === 'integer')
}

/** A value short enough to quote in an error (it is never a secret: it is the caller's own input). */
function quote(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value)
  return text.length > 40 ? `${text.slice(0, 37)}...` : text
}

/**
 * What is wrong with a parsed request body, against the spec's limits for the operation (one
 * line per problem, naming the field and the limit); empty when the body is valid. Lengths count
 * Unicode code points, as JSON Schema does.
 */
export function bodyProblems(operationId: OperationId, body: unknown): string[] {
  const limits = (operations[operationId] as { body?: BodyLimits }).body
  if (limits === undefined) return []
  if (typeOf(body) !== 'object') return [`the request body must be a JSON object, got ${typeOf(body)}`]
  const fields = body as Record<string, unknown>
  const problems: string[] = []
  for (const [name, field] of Object.entries(limits.properties)) {
    const value = fields[name]
    if (value === undefined) {
      if (field.required) problems.push(`${name} is required`)
      continue
    }
    if (!isType(value, field.type)) {
      problems.push(`${name} must be a ${field.type}, got ${typeOf(value)}`)
      continue
    }
    if (typeof value === 'string') {
      const length = [...value].length
      const { minLength = 0, maxLength = Infinity } = field
      if (length < minLength || length > maxLength) {
        const range = maxLength === Infinity ? `at least ${minLength}` : `${minLength} to ${maxLength}`
        problems.push(`${name} must be ${range} characters, got ${length}`)
      }
    }
    if (field.enum !== undefined && !field.enum.includes(value as string)) {
      problems.push(`${name} must be one of ${field.enum.join(', ')}, got ${quote(value)}`)
    }
  }
  if (!limits.additionalProperties) {
    const known = Object.keys(limits.properties)
    for (const name of Object.keys(fields)) {
      if (!known.includes(name)) problems.push(`unknown field ${quote(name)} (allowed: ${known.join(', ')})`)
    }
  }
  return problems
}

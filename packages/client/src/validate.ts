import { NcpValidationError } from './errors.js'
import { type OperationId, operations } from './generated/limits.js'

interface Rule {
  type?: string
  required: boolean
  minLength?: number
  maxLength?: number
  enum?: readonly string[]
}

// JSON Schema counts characters as code points, as do Prism and the spec's "1 to 20 characters".
function codePoints(value: string): number {
  let n = 0
  for (const _ of value) n++
  return n
}

function lengthLimit({ minLength: min, maxLength: max }: Rule): string {
  return min !== undefined && max !== undefined ? `${min} to ${max} characters` : max !== undefined ? `at most ${max} characters` : `at least ${min} characters`
}

function check(operation: OperationId, field: string, rule: Rule, value: unknown): void {
  if (value === undefined) {
    if (rule.required) throw new NcpValidationError(field, `given (it is required)`, operation)
    return
  }
  if (rule.enum) {
    if (!rule.enum.includes(value as string)) throw new NcpValidationError(field, `one of ${rule.enum.join(', ')}`, operation)
    return
  }
  if (rule.type === 'boolean' && typeof value !== 'boolean') throw new NcpValidationError(field, 'a boolean', operation)
  if (rule.type === 'string') {
    if (typeof value !== 'string') throw new NcpValidationError(field, `a string of ${lengthLimit(rule)}`, operation)
    const length = codePoints(value)
    if ((rule.minLength !== undefined && length < rule.minLength) || (rule.maxLength !== undefined && length > rule.maxLength)) {
      throw new NcpValidationError(field, lengthLimit(rule), operation, length)
    }
  }
}

/** Holds a request body to the spec's constraints (generated from it at build time). */
export function validateBody(operation: OperationId, body: unknown): void {
  const schema = (operations[operation] as { body?: { additionalProperties: boolean; properties: Record<string, Rule> } }).body
  if (!schema) return
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new NcpValidationError('body', 'an object', operation)
  for (const field in schema.properties) check(operation, field, schema.properties[field] as Rule, (body as Record<string, unknown>)[field])
  if (!schema.additionalProperties) {
    for (const field in body) if (!(field in schema.properties)) throw new NcpValidationError(field, `absent: it is not a field of this request (fields: ${Object.keys(schema.properties).join(', ')})`, operation)
  }
}

/**
 * Holds the `api-key-id` path parameter to the spec, and refuses what could not arrive as the
 * one path segment it names: `.` and `..` (URL resolution removes them) and text that cannot be
 * percent-encoded (lone surrogates).
 */
export function validateApiKeyId(operation: OperationId, apiKeyId: unknown): void {
  const rule = (operations[operation].parameters as Record<string, Rule>)['api-key-id'] as Rule
  check(operation, 'api-key-id', rule, apiKeyId)
  if (apiKeyId === '.' || apiKeyId === '..') throw new NcpValidationError('api-key-id', 'an ID other than "." or ".." (URL resolution would remove it from the path)', operation)
  try {
    encodeURIComponent(apiKeyId as string)
  } catch {
    throw new NcpValidationError('api-key-id', 'well-formed Unicode (it has a lone surrogate)', operation)
  }
}

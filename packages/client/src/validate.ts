import { NcpValidationError } from './errors.js'
import { type OperationId, operations } from './generated/limits.js'

interface Rule {
  type?: string
  required: boolean
  minLength?: number
  maxLength?: number
  enum?: readonly string[]
}

/** Holds one value to its rule from the spec; the error names the field, the limit and the length, never the value. */
function check(operation: OperationId, field: string, rule: Rule, value: unknown): void {
  const { minLength = 0, maxLength = Infinity } = rule
  // JSON Schema counts characters as code points, as do Prism and the spec's "1 to 20 characters".
  const length = typeof value === 'string' ? [...value].length : undefined
  const valid =
    value === undefined
      ? !rule.required
      : rule.enum
        ? rule.enum.includes(value as string)
        : typeof value === rule.type && !(length! < minLength || length! > maxLength)
  if (!valid) {
    const limit = rule.enum
      ? `one of ${rule.enum.join(', ')}`
      : rule.type === 'string'
        ? `a string of ${minLength} to ${maxLength} characters`
        : `a ${rule.type}`
    throw new NcpValidationError(field, limit, operation, rule.type === 'string' ? length : undefined)
  }
}

/** Holds a request body to the spec's constraints (generated from it at build time). */
export function validateBody(operation: OperationId, body: unknown): void {
  const schema = (operations[operation] as { body?: { additionalProperties: boolean; properties: Record<string, Rule> } }).body
  if (!schema) return
  if (typeof body !== 'object' || !body || Array.isArray(body)) throw new NcpValidationError('body', 'an object', operation)
  for (const field in schema.properties) check(operation, field, schema.properties[field]!, (body as Record<string, unknown>)[field])
  for (const field in body) {
    if (!schema.additionalProperties && !(field in schema.properties)) throw new NcpValidationError(field, 'absent: no such field', operation)
  }
}

/**
 * Holds the `api-key-id` path parameter to the spec, and refuses what could not arrive as the
 * one path segment it names: `.` and `..` (URL resolution removes them) and text that cannot be
 * percent-encoded (lone surrogates).
 */
export function validateApiKeyId(operation: OperationId, apiKeyId: unknown): void {
  check(operation, 'api-key-id', (operations[operation].parameters as Record<string, Rule>)['api-key-id']!, apiKeyId)
  // With the u flag a surrogate pair is one code point, so \p{Cs} finds only lone surrogates.
  if (/^\.\.?$|\p{Cs}/u.test(apiKeyId as string)) throw new NcpValidationError('api-key-id', 'well-formed Unicode, other than "." and ".."', operation)
}

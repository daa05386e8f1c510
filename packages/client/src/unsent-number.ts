import { describe, type Problem, type Schema } from '@ncloud-apigw/operations'

const SAFE = Number.MAX_SAFE_INTEGER

/**
 * A number the request would not send as the digits the caller wrote, with the rule it breaks:
 * JSON and `String` write 1e21 and beyond in exponent notation (`offset=1e%2B21`), and integers
 * past 2^53 − 1 are rounded before they are written. Every number the spec takes is an integer,
 * so any beyond the safe range is refused, named by its path as the validator names fields.
 * (The rule belongs in the operations package's validator, where the client would find it.)
 */
export function unsentNumber(value: unknown, rule: Schema | undefined, field: string): Problem | undefined {
  if (typeof value === 'number') {
    if (Math.abs(value) <= SAFE) return undefined
    const bounded = { type: 'integer', ...rule, minimum: Math.max(rule?.minimum ?? -SAFE, -SAFE), maximum: Math.min(rule?.maximum ?? SAFE, SAFE) }
    return { field, limit: `${describe(bounded)} (a larger number is not sent as its digits: JSON writes it in exponent notation or rounded)`, got: String(value) }
  }
  if (value === null || typeof value !== 'object') return undefined
  const array = Array.isArray(value)
  for (const [key, inner] of Object.entries(value)) {
    const problem = unsentNumber(inner, array ? rule?.items : rule?.properties?.[key], array ? `${field}[${key}]` : field ? `${field}.${key}` : key)
    if (problem) return problem
  }
  return undefined
}

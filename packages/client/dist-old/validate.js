import { NcpValidationError } from './errors.js';
import { operations } from './generated/limits.js';
/** Holds one value to its rule from the spec; the error names the field, the limit and the length, never the value. */
function check(operation, field, rule, value) {
    const { minLength = 0, maxLength = Infinity } = rule;
    // JSON Schema counts characters as code points, as do Prism and the spec's "1 to 20 characters".
    const length = typeof value === 'string' ? [...value].length : undefined;
    const valid = value === undefined
        ? !rule.required
        : rule.enum
            ? rule.enum.includes(value)
            : typeof value === rule.type && !(length < minLength || length > maxLength);
    if (!valid) {
        const limit = rule.enum
            ? `one of ${rule.enum.join(', ')}`
            : rule.type === 'string'
                ? `a string of ${minLength} to ${maxLength} characters`
                : `a ${rule.type}`;
        throw new NcpValidationError(field, limit, operation, rule.type === 'string' ? length : undefined);
    }
}
/** Holds a request body to the spec's constraints (generated from it at build time). */
export function validateBody(operation, body) {
    const schema = operations[operation].body;
    if (!schema)
        return;
    if (typeof body !== 'object' || !body || Array.isArray(body))
        throw new NcpValidationError('body', 'an object', operation);
    for (const field in schema.properties)
        check(operation, field, schema.properties[field], body[field]);
    for (const field in body) {
        if (!schema.additionalProperties && !(field in schema.properties))
            throw new NcpValidationError(field, 'absent: no such field', operation);
    }
}
/**
 * Holds the `api-key-id` path parameter to the spec, and refuses what could not arrive as the
 * one path segment it names: `.` and `..` (URL resolution removes them) and text that cannot be
 * percent-encoded (lone surrogates).
 */
export function validateApiKeyId(operation, apiKeyId) {
    check(operation, 'api-key-id', operations[operation].parameters['api-key-id'], apiKeyId);
    let encodable = true;
    try {
        encodeURIComponent(apiKeyId);
    }
    catch {
        encodable = false;
    }
    if (!encodable || apiKeyId === '.' || apiKeyId === '..') {
        throw new NcpValidationError('api-key-id', 'well-formed Unicode, other than "." and ".."', operation);
    }
}

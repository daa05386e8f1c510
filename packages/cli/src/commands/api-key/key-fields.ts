/**
 * The order an API key's fields are shown in, as `field  value` lines: what identifies it, its
 * state, its values, then bookkeeping. Fields the API adds later follow in the order it sends them.
 */
export const keyFields = ['apiKeyId', 'apiKeyName', 'apiKeyDescription', 'isEnabled', 'primaryKey', 'secondaryKey', 'domainCode', 'tenantId', 'modifier', 'modTime'] as const

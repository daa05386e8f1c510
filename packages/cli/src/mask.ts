/** The fields of an API key that callers of an API send: secrets, masked unless asked for. */
export const secretFields = ['primaryKey', 'secondaryKey'] as const

// Four characters are enough to tell keys apart in a listing and too few to guess the rest
// of NCP's 40-character values; a value so short that four characters would be much of it
// is hidden whole.
const shown = 4
const shortest = 16

/** `AbCd****`: the first four characters of a key value, or only `****` for a short one. */
export function maskSecret(value: string): string {
  const characters = [...value]
  return characters.length < shortest ? '****' : `${characters.slice(0, shown).join('')}****`
}

/**
 * A secret field's value as it may be printed. By field, whatever the type: a server that sends a
 * key value as an array, an object or a number gets `****`, since any part of it may be the
 * value. Only `null` says nothing and stays.
 */
export function maskValue(value: unknown): unknown {
  if (value === null) return null
  return typeof value === 'string' ? maskSecret(value) : '****'
}

/** The API key (or key summary) with `primaryKey` and `secondaryKey` masked, if present; the other fields as they are. */
export function maskApiKey<T extends object>(key: T): T {
  const masked = { ...key } as Record<string, unknown>
  for (const field of secretFields) if (Object.hasOwn(masked, field) && masked[field] !== undefined) masked[field] = maskValue(masked[field])
  return masked as T
}

/** A page (or the whole list) of keys with each key masked; the page's other fields as they are. */
export function maskList<T extends { apiKeys: readonly object[] }>(list: T): T {
  return { ...list, apiKeys: Array.isArray(list.apiKeys) ? list.apiKeys.map((key) => maskApiKey(key)) : list.apiKeys }
}

import type { ApiKey } from '@ncloud-apigw/client'

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

/** The API key with `primaryKey` and `secondaryKey` masked; the other fields as they are. */
export function maskApiKey(key: ApiKey): ApiKey {
  const masked = { ...key }
  for (const field of secretFields) if (typeof masked[field] === 'string') masked[field] = maskSecret(masked[field])
  return masked
}

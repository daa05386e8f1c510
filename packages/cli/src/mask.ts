import { isSecretName } from '@ncloud-apigw/client'
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

/** A value with its secrets masked, and the names of the fields that were. */
export interface Masked<T> {
  readonly value: T
  /** The secret-named fields found (and masked), in the order first met: `primaryKey`, ... */
  readonly masked: readonly string[]
}

/**
 * `value` with every secret-named field masked, at every depth: in nested objects
 * (`previousKeys.primaryKey`) and in arrays (`apiKeys[3].primaryKey`). Everything else as it is;
 * `value` itself is left unchanged.
 */
export function maskSecrets<T>(value: T): Masked<T> {
  const masked = new Set<string>()
  const walk = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(walk)
    if (node === null || typeof node !== 'object') return node
    const copy: Record<string, unknown> = {}
    for (const [name, field] of Object.entries(node)) {
      // The client's rule of secret names: key values, secret keys, signatures, passwords.
      if (isSecretName(name) && field !== undefined && field !== null) {
        masked.add(name)
        copy[name] = maskValue(field)
      } else {
        copy[name] = walk(field)
      }
    }
    return copy
  }
  const result = walk(value) as T
  return { value: result, masked: [...masked] }
}

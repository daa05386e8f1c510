/**
 * Field names whose value is a secret: key values (`primaryKey`, `secondaryKey`, `apiKeyValue`,
 * the `x-ncp-apigw-api-key` header), secret keys, passwords, tokens and signatures. Matched against
 * a whole field name, at any depth of what is printed or logged.
 *
 * The CLI's copy of the client's rule of secret names (`SECRET_NAME` in client/src/redact.ts,
 * which is not exported and matches inside text rather than whole names): to be replaced by the
 * client's once it exports a whole-name test.
 */
export const secretName =
  /^(?:(?:primary|secondary|secret|access[_-]?secret)[_-]?key(?:[_-]?value)?|api[_-]?key[_-]?value|x-ncp-apigw-api-key|x-ncp-apigw-signature-v2|secret|password|passwd|token|authorization|cookie|signature[\w-]*)$/i

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
      if (secretName.test(name) && field !== undefined && field !== null) {
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

const encoder = new TextEncoder()

// importKey costs about as much as the signature itself, so keys are kept per secret. The bound
// keeps a process that cycles through many secrets from growing without limit.
const MAX_CACHED_KEYS = 16
// Spelled through `crypto.subtle` so the type holds with DOM or Node typings alike.
type ImportedKey = ReturnType<typeof crypto.subtle.importKey>
const keys = new Map<string, ImportedKey>()

function importedKey(secretKey: string): ImportedKey {
  let key = keys.get(secretKey)
  if (!key) {
    key = crypto.subtle.importKey('raw', encoder.encode(secretKey), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign'])
    if (keys.size >= MAX_CACHED_KEYS) keys.delete(keys.keys().next().value as string)
    keys.set(secretKey, key)
    key.catch(() => keys.delete(secretKey))
  }
  return key
}

/** HMAC-SHA256 with Web Crypto (`crypto.subtle`), for browsers, Deno, Bun and edge workers. */
export async function hmacSha256Base64(secretKey: string, message: string): Promise<string> {
  const signature = await crypto.subtle.sign('HMAC', await importedKey(secretKey), encoder.encode(message))
  return btoa(String.fromCharCode(...new Uint8Array(signature)))
}

import { SIGNATURE_HEADERS } from './headers.js'
import { stringToSign } from './string-to-sign.js'
import type { HmacSha256Base64, SignatureHeaders, SignInput, SignRequestInput } from './types.js'

// Web Crypto refuses a zero-length HMAC key while node:crypto accepts one; refusing it in both
// keeps the two entries' results identical, and an empty secret is always a mistake.
function requireSecret(secretKey: string): void {
  if (!secretKey || typeof secretKey !== 'string') throw new TypeError('secretKey must be a non-empty string')
}

/** Base64 HMAC-SHA256 of the string to sign, computed with the given HMAC implementation. */
export async function signWith(hmac: HmacSha256Base64, input: SignInput): Promise<string> {
  requireSecret(input.secretKey)
  return hmac(input.secretKey, stringToSign(input))
}

/**
 * Signature headers for a request to `url`. The signed path is the URL's serialised path and
 * query, which is exactly what `fetch` puts on the wire (the fragment is never sent).
 */
export async function signRequestWith(
  hmac: HmacSha256Base64,
  { method, url, accessKey, secretKey, now = Date.now, apiKey }: SignRequestInput,
): Promise<SignatureHeaders> {
  requireSecret(secretKey)
  const { pathname, search } = typeof url === 'string' ? new URL(url) : url
  const timestamp = String(Math.floor(now()))
  const headers: SignatureHeaders = {
    [SIGNATURE_HEADERS.timestamp]: timestamp,
    [SIGNATURE_HEADERS.accessKey]: accessKey,
    [SIGNATURE_HEADERS.signature]: await hmac(secretKey, stringToSign({ method, pathWithQuery: pathname + search, timestamp, accessKey })),
  }
  if (apiKey !== undefined) headers[SIGNATURE_HEADERS.apiKey] = apiKey
  return headers
}

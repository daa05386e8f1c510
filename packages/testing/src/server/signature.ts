import { SIGNATURE_HEADERS } from '@ncloud-apigw/signer'
import { createHmac, timingSafeEqual } from 'node:crypto'

// The header names are the signer's; the string to sign and the HMAC below are the fake's own,
// so that it checks the client's signatures independently of the code that makes them.
const { timestamp: TIMESTAMP_HEADER, accessKey: ACCESS_KEY_HEADER, signature: SIGNATURE_HEADER } = SIGNATURE_HEADERS
export { SIGNATURE_HEADER }

/** API Gateway refuses a timestamp more than 5 minutes from its clock (API Gateway overview page). */
const TIMESTAMP_WINDOW_MS = 5 * 60 * 1000

/** What is signed of a request. */
interface SignedRequest {
  /** Upper-case HTTP method as received. */
  readonly method: string
  /** The request target exactly as received: path and raw query, never decoded or re-encoded. */
  readonly pathWithQuery: string
  /** Lower-case header names. */
  readonly headers: Readonly<Record<string, string | undefined>>
}

export type SignatureCheck =
  | { readonly valid: true; readonly accessKey: string }
  | { readonly valid: false; readonly details: string }

/**
 * Checks NCP signature v2 the way API Gateway does. The details of a failure say what to fix and
 * never contain a secret key or the expected signature; the string to sign is safe to show (it is
 * made of the method, the path, the timestamp and the access key) and is what a client author
 * needs to compare against their own.
 */
export function verifySignature(
  request: SignedRequest,
  serverNow: number,
  secretFor: (accessKey: string) => string | undefined,
): SignatureCheck {
  const timestamp = request.headers[TIMESTAMP_HEADER]
  const accessKey = request.headers[ACCESS_KEY_HEADER]
  const signature = request.headers[SIGNATURE_HEADER]
  const missing = [
    [TIMESTAMP_HEADER, timestamp],
    [ACCESS_KEY_HEADER, accessKey],
    [SIGNATURE_HEADER, signature],
  ].flatMap(([name, value]) => (value ? [] : [name]))
  if (timestamp === undefined || accessKey === undefined || signature === undefined || missing.length > 0) {
    return { valid: false, details: `missing header${missing.length > 1 ? 's' : ''}: ${missing.join(', ')}` }
  }
  if (!/^\d{1,16}$/.test(timestamp)) {
    return {
      valid: false,
      details: `${TIMESTAMP_HEADER} must be the time in milliseconds since 1970-01-01T00:00:00Z, as decimal digits`,
    }
  }
  const secretKey = secretFor(accessKey)
  if (secretKey === undefined) return { valid: false, details: 'unknown access key' }

  const skew = Number(timestamp) - serverNow
  if (Math.abs(skew) > TIMESTAMP_WINDOW_MS) {
    const looksLikeSeconds = timestamp.length <= 10 ? ' (it looks like seconds; send milliseconds)' : ''
    return {
      valid: false,
      details:
        `timestamp outside the 5-minute window: ${TIMESTAMP_HEADER} is ${Math.abs(skew)} ms ` +
        `${skew < 0 ? 'behind' : 'ahead of'} the server clock${looksLikeSeconds}; ` +
        'correct the local clock with the Date header of this response',
    }
  }

  const stringToSign = `${request.method} ${request.pathWithQuery}\n${timestamp}\n${accessKey}`
  const expected = createHmac('sha256', secretKey).update(stringToSign).digest()
  // Compare decoded bytes in constant time; Buffer.from(…, 'base64') is lenient, so the
  // re-encoded form must also equal what was sent (no padding games, no stray characters).
  const given = Buffer.from(signature, 'base64')
  const matches =
    given.length === expected.length && timingSafeEqual(given, expected) && given.toString('base64') === signature
  if (!matches) {
    return {
      valid: false,
      details: `signature mismatch: the signature does not match the string to sign ${JSON.stringify(stringToSign)}`,
    }
  }
  return { valid: true, accessKey }
}

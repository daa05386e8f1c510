import type { SIGNATURE_HEADERS } from './headers.js'

/** An NCP access key and its secret key (portal or Sub Account). */
export interface Credentials {
  accessKey: string
  secretKey: string
}

/** The three values NCP's signature v2 covers, besides the method. */
export interface StringToSignInput {
  /** HTTP method; signed in upper case. */
  method: string
  /**
   * The request path exactly as sent, `/api/v1` included, percent-encoding preserved, with `?`
   * and the raw query string when there is one.
   */
  pathWithQuery: string
  /** Milliseconds since the epoch; the same value as the `x-ncp-apigw-timestamp` header. */
  timestamp: string | number
  /** The access key ID. */
  accessKey: string
}

export interface SignInput extends StringToSignInput {
  /** The secret key that belongs to `accessKey`. */
  secretKey: string
}

export interface SignRequestInput {
  method: string
  /** The absolute URL the request goes to; the signed path and query are taken from it. */
  url: string | URL
  accessKey: string
  secretKey: string
  /** Clock in epoch milliseconds; defaults to `Date.now`. Pass a corrected clock to fix skew. */
  now?: () => number
  /** An API Gateway API key, sent as `x-ncp-apigw-api-key` when given. */
  apiKey?: string
}

/**
 * The headers that authenticate a request to an NCP API: the three of signature v2, and
 * `x-ncp-apigw-api-key` when `apiKey` was given.
 *
 * A type with an index signature, not an interface, so that it is a `HeadersInit` and a
 * `Record<string, string>` as it is: `fetch(url, { headers })`, `new Headers(headers)`, undici and
 * axios take it unchanged. The API key header is reached through the index signature rather than
 * as an optional named key, which would be `string | undefined` (not a header value) wherever
 * `exactOptionalPropertyTypes` is off.
 */
export type SignatureHeaders = {
  /** `x-ncp-apigw-timestamp`: milliseconds since the epoch, as signed. */
  [SIGNATURE_HEADERS.timestamp]: string
  /** `x-ncp-iam-access-key`: the access key ID. */
  [SIGNATURE_HEADERS.accessKey]: string
  /** `x-ncp-apigw-signature-v2`: Base64 HMAC-SHA256 of the string to sign. */
  [SIGNATURE_HEADERS.signature]: string
  /** Every value is a string: `x-ncp-apigw-api-key` is present when `apiKey` was given. */
  [header: string]: string
}

/** Base64 HMAC-SHA256 of `message` keyed with `secretKey` (UTF-8 both). */
export type HmacSha256Base64 = (secretKey: string, message: string) => string | Promise<string>

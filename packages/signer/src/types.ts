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

/** The headers that authenticate a request to an NCP API. */
export interface SignatureHeaders {
  'x-ncp-apigw-timestamp': string
  'x-ncp-iam-access-key': string
  'x-ncp-apigw-signature-v2': string
  'x-ncp-apigw-api-key'?: string
}

/** Base64 HMAC-SHA256 of `message` keyed with `secretKey` (UTF-8 both). */
export type HmacSha256Base64 = (secretKey: string, message: string) => string | Promise<string>

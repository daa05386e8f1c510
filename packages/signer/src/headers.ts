/**
 * The names of the headers NCP signature v2 sends, written once: the signer builds its headers
 * from them, and the client (and anything else that reads or writes these headers) imports them
 * rather than spell them again.
 */
export const SIGNATURE_HEADERS = {
  /** Milliseconds since the epoch, as signed. */
  timestamp: 'x-ncp-apigw-timestamp',
  /** The access key ID. */
  accessKey: 'x-ncp-iam-access-key',
  /** Base64 HMAC-SHA256 of the string to sign: a credential for its method and path for five minutes. */
  signature: 'x-ncp-apigw-signature-v2',
  /** An API Gateway API key, for APIs published through API Gateway that require one. */
  apiKey: 'x-ncp-apigw-api-key',
} as const

/**
 * NCP signature v2 with node:crypto: the entry Node resolves through the `node` export
 * condition. Same API and results as the Web Crypto entry (`index.ts`).
 */
import { hmacSha256Base64 } from './hmac-node.js'
import { signRequestWith, signWith } from './signing.js'
import type { SignatureHeaders, SignInput, SignRequestInput } from './types.js'

export { stringToSign } from './string-to-sign.js'
export { SIGNATURE_HEADERS } from './headers.js'
export type { Credentials, SignatureHeaders, SignInput, SignRequestInput, StringToSignInput } from './types.js'

/** Base64 HMAC-SHA256 of the string to sign, keyed with the secret key. */
export function sign(input: SignInput): Promise<string> {
  return signWith(hmacSha256Base64, input)
}

/** The `x-ncp-apigw-*` and `x-ncp-iam-access-key` headers that authenticate a request to `url`. */
export function signRequest(input: SignRequestInput): Promise<SignatureHeaders> {
  return signRequestWith(hmacSha256Base64, input)
}

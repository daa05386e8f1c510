import { type SignatureHeaders, sign, signRequest } from '@ncloud-apigw/signer'
import type { Middleware } from 'openapi-fetch'
import { HEADER_SAFE } from './config.js'
import { NcpCredentialsError } from './errors.js'
import type { Credentials, CredentialsProvider } from './options.js'

// The access key is a header value: fetch trims surrounding whitespace and refuses control
// characters and anything beyond Latin-1, while the signature covers the key as given, so a key
// with any of those would be signed as one thing and sent as another (or not sent at all).
const where = ['the credentials option']

/**
 * Credentials that can be signed with and sent: an access key a header can carry as it is and a
 * non-empty secret key, both strings. The error never quotes either.
 */
export function checkCredentials(credentials: unknown): Credentials {
  const { accessKey, secretKey } = (credentials ?? {}) as Partial<Record<keyof Credentials, unknown>>
  if (typeof accessKey !== 'string' || typeof secretKey !== 'string' || !accessKey || !secretKey) {
    throw new NcpCredentialsError('The credentials lack an accessKey or a secretKey that is a non-empty string; pass both, as strings.', where)
  }
  if (!HEADER_SAFE.test(accessKey)) {
    throw new NcpCredentialsError(
      'The access key has characters an HTTP header cannot carry as they are (spaces around it, control characters such as CR or LF, or non-ASCII); copy it again from the NCP portal.',
      where,
    )
  }
  // The values checked, not the object: a getter could show the check one key and the signer another.
  return { accessKey, secretKey }
}

/**
 * The credentials for one attempt: an object as it is, a provider's answer once it settles.
 * `signal` (the attempt's timeout and the caller's signal) stops a provider that never answers.
 */
export async function resolveCredentials(credentials: Credentials | CredentialsProvider, signal?: AbortSignal): Promise<Credentials> {
  if (typeof credentials !== 'function') return checkCredentials(credentials)
  if (!signal) return checkCredentials(await credentials())
  signal.throwIfAborted()
  let onAbort!: () => void
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(signal.reason)
    signal.addEventListener('abort', onAbort, { once: true })
  })
  try {
    return checkCredentials(await Promise.race([credentials(), aborted]))
  } finally {
    signal.removeEventListener('abort', onAbort)
  }
}

/**
 * The signature v2 headers of one attempt, over the path and query exactly as sent. The
 * transport's one way to sign (the middleware's is `signatureHeaders`), so both go through here.
 */
export async function signedHeaders(method: string, pathWithQuery: string, timestamp: string, { accessKey, secretKey }: Credentials): Promise<SignatureHeaders> {
  const signature = await sign({ method, pathWithQuery, timestamp, accessKey, secretKey })
  return { 'x-ncp-apigw-timestamp': timestamp, 'x-ncp-iam-access-key': accessKey, 'x-ncp-apigw-signature-v2': signature }
}

/** Signature headers for a request to `url` with resolved credentials; what the middleware uses. */
export async function signatureHeaders(method: string, url: string, credentials: Credentials | CredentialsProvider, now: () => number): Promise<SignatureHeaders> {
  const { accessKey, secretKey } = await resolveCredentials(credentials)
  return signRequest({ method, url, accessKey, secretKey, now })
}

export interface SigningMiddlewareOptions {
  credentials: Credentials | CredentialsProvider
  /** Clock in epoch milliseconds; default `Date.now`. */
  now?: () => number
}

/**
 * openapi-fetch middleware that adds NCP signature v2 headers, for an openapi-fetch client of
 * this or any other NCP API. It signs once per call; `createRawClient` instead sends through the
 * client's transport, which signs every attempt, retries and corrects the clock.
 */
export function createSigningMiddleware({ credentials, now = Date.now }: SigningMiddlewareOptions): Middleware {
  return {
    async onRequest({ request }) {
      const headers = await signatureHeaders(request.method, request.url, credentials, now)
      for (const [name, value] of Object.entries(headers)) request.headers.set(name, value)
      return request
    },
  }
}

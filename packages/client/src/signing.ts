import { SIGNATURE_HEADERS, type SignatureHeaders, sign } from '@ncloud-apigw/signer'
import type { Middleware } from 'openapi-fetch'
import { NcpCredentialsError } from './errors.js'
import type { Credentials, CredentialsProvider } from './options.js'

// NCP's keys are ASCII letters and digits. The access key is a header value, which fetch trims
// and refuses control characters and anything beyond Latin-1 in, while the signature covers the
// key as given; the secret key keys every signature. A key holding anything but printable ASCII
// (a space, a line break, a character from a mis-encoded file) would be signed as one thing and
// sent as another, or refused by NCP on every call: one rule for both keys, wherever they come
// from (the option, a provider, the environment, ~/.ncloud/configure).
const UNUSABLE = /[^!-~]/u

/**
 * Why `value`, an access key or a secret key, cannot be used (naming the first bad character by
 * its code point, never the value), or `undefined` when it can: the one rule for a usable key.
 */
export function keyProblem(which: 'access key' | 'secret key', value: string): string | undefined {
  const bad = UNUSABLE.exec(value)?.[0]
  if (bad === undefined) return undefined
  const code = `U+${bad.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`
  return which === 'access key'
    ? `holds a character that no HTTP header can carry (${code}), so it cannot be sent`
    : `holds a character that no NCP secret key has (${code}), so NCP would refuse every signature made with it`
}

const where = ['the credentials option']

/**
 * Credentials that can be signed with and sent: both keys non-empty strings that `keyProblem`
 * passes. The error never quotes either.
 */
export function checkCredentials(credentials: unknown): Credentials {
  const { accessKey, secretKey } = (credentials ?? {}) as Partial<Record<keyof Credentials, unknown>>
  if (typeof accessKey !== 'string' || typeof secretKey !== 'string' || !accessKey || !secretKey) {
    throw new NcpCredentialsError('The credentials lack an accessKey or a secretKey that is a non-empty string; pass both, as strings.', where)
  }
  for (const [which, value] of [['access key', accessKey], ['secret key', secretKey]] as const) {
    const problem = keyProblem(which, value)
    if (problem) throw new NcpCredentialsError(`The ${which} given ${problem}. Copy the ${which} again from the NCP console; the value is not shown here.`, where)
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
 * The signature v2 headers of a request, over the path and query exactly as sent: the client's
 * one way to sign, for the transport's every attempt and for the middleware alike.
 */
export async function signedHeaders(method: string, pathWithQuery: string, timestamp: string, { accessKey, secretKey }: Credentials): Promise<SignatureHeaders> {
  const signature = await sign({ method, pathWithQuery, timestamp, accessKey, secretKey })
  return { [SIGNATURE_HEADERS.timestamp]: timestamp, [SIGNATURE_HEADERS.accessKey]: accessKey, [SIGNATURE_HEADERS.signature]: signature }
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
      // The path and query as fetch sends them (the URL parser's serialisation), never the fragment.
      const { pathname, search } = new URL(request.url)
      const headers = await signedHeaders(request.method, pathname + search, String(Math.floor(now())), await resolveCredentials(credentials))
      for (const [name, value] of Object.entries(headers)) request.headers.set(name, value)
      return request
    },
  }
}

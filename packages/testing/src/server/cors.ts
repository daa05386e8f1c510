import { SIGNATURE_HEADERS } from '@ncloud-apigw/signer'
import type { IncomingHttpHeaders } from 'node:http'
import { operationIds, operations } from '@ncloud-apigw/operations'

/** The headers a browser page must be able to send: content type and NCP's signing headers. */
const ALLOWED_HEADERS =
  ['content-type', ...Object.values(SIGNATURE_HEADERS), 'x-ncp-lang'].join(', ')

/** Every method of the API, from the operation table, and OPTIONS for the preflight itself. */
const ALLOWED_METHODS = [...new Set<string>(operationIds.map((id) => operations[id].method)), 'OPTIONS'].join(', ')

/** A page served from this machine: http(s) on 127.0.0.0/8, `localhost` or `[::1]`, any port. */
function isLoopbackPage(origin: string): boolean {
  let url: URL
  try {
    url = new URL(origin)
  } catch {
    return false
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false
  return url.hostname === 'localhost' || url.hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(url.hostname)
}

/** Refuses what no browser sends as an origin, so a typo fails at start rather than as a blocked page. */
function checkOrigin(origin: unknown, i: number): string {
  if (origin === '*' || origin === 'null') return origin
  let parsed: string | undefined
  try {
    parsed = typeof origin === 'string' ? new URL(origin).origin : undefined
  } catch {
    parsed = undefined
  }
  if (parsed === undefined || parsed === 'null' || parsed !== origin) {
    throw new TypeError(`corsOrigins[${i}] must be an origin such as 'https://app.example' (scheme, host, port; no path or trailing slash), 'null' or '*', got ${JSON.stringify(origin)}`)
  }
  return parsed
}

/**
 * Which pages on other origins may read the fake's answers: loopback pages (a test's page on
 * another port) and the origins a test names. Other pages get no CORS headers, so a browser
 * keeps them from reading anything, as any site the tester visits would be kept out.
 */
export class CorsPolicy {
  readonly #origins: ReadonlySet<string>

  constructor(origins: readonly string[] = []) {
    if (!Array.isArray(origins)) throw new TypeError('corsOrigins must be an array of origins')
    this.#origins = new Set(origins.map(checkOrigin))
  }

  #allows(origin: string | undefined): origin is string {
    return origin !== undefined && (this.#origins.has('*') || this.#origins.has(origin) || isLoopbackPage(origin))
  }

  /**
   * Headers for an answer to a request from `origin`: if allowed, the page may read the body and
   * the headers a client learns from (`Date` for clock skew, `Retry-After`, `x-ncp-trace-id`).
   */
  headers(origin: string | undefined): Record<string, string> {
    if (origin === undefined) return {}
    if (!this.#allows(origin)) return { vary: 'Origin' }
    return {
      'access-control-allow-origin': origin,
      'access-control-expose-headers': 'Date, Retry-After, x-ncp-trace-id',
      vary: 'Origin',
    }
  }

  /** The answer to a preflight: every method of the API and whatever headers the page asks for, if allowed. */
  preflight(requestHeaders: IncomingHttpHeaders): Record<string, string> {
    const origin = requestHeaders.origin
    if (!this.#allows(origin)) return this.headers(origin)
    return {
      ...this.headers(origin),
      'access-control-allow-methods': ALLOWED_METHODS,
      'access-control-allow-headers': requestHeaders['access-control-request-headers'] || ALLOWED_HEADERS,
      'access-control-max-age': '600',
    }
  }
}

import type { IncomingHttpHeaders } from 'node:http'
import { operationIds, operations } from '@ncloud-apigw/operations'

/** The headers a browser page must be able to send: content type and NCP's signing headers. */
const ALLOWED_HEADERS =
  'content-type, x-ncp-apigw-timestamp, x-ncp-iam-access-key, x-ncp-apigw-signature-v2, x-ncp-apigw-api-key, x-ncp-lang'

/**
 * Headers on every response, so a page on another origin (such as another loopback port) can
 * read the answer and the headers a client learns from: `Date` for clock skew, `Retry-After`,
 * and `x-ncp-trace-id`, none of which a browser exposes by default.
 */
export const corsHeaders: Readonly<Record<string, string>> = Object.freeze({
  'access-control-allow-origin': '*',
  'access-control-expose-headers': 'Date, Retry-After, x-ncp-trace-id',
})

/** Every method of the API, from the operation table, and OPTIONS for the preflight itself. */
export const ALLOWED_METHODS = [...new Set<string>(operationIds.map((id) => operations[id].method)), 'OPTIONS'].join(', ')

/** The answer to a CORS preflight: every method of the API, and whatever headers the page asks for. */
export function preflightHeaders(requestHeaders: IncomingHttpHeaders): Record<string, string> {
  return {
    ...corsHeaders,
    'access-control-allow-methods': ALLOWED_METHODS,
    'access-control-allow-headers': requestHeaders['access-control-request-headers'] || ALLOWED_HEADERS,
    'access-control-max-age': '600',
  }
}

import { matchOperation, operations } from '@ncloud-apigw/operations'
import type { paths } from '@ncloud-apigw/types'
import createClient, { type Client } from 'openapi-fetch'
import { NcpValidationError } from './errors.js'
import { internals } from './internals.js'
import type { ApiKeyClient } from './options.js'

/**
 * The typed openapi-fetch client of the whole spec (`GET`, `POST`, ... by path), sending through
 * `apigw`'s transport: signed every attempt, retried, timed, corrected for clock skew, never
 * redirected and bounded in size exactly as the methods are. It answers openapi-fetch's
 * `{ data, error, response }` with the documented shapes and does not validate them; the methods
 * do. A separate import, so programs that only use the methods do not carry openapi-fetch.
 */
export function createRawClient(apigw: ApiKeyClient): Client<paths, 'application/json'> {
  const client = internals.get(apigw)
  if (!client) throw new NcpValidationError({ field: 'apigw', limit: 'a client made by createApiKeyClient' })
  const { baseUrl, send, timeoutMs, maxAttempts } = client
  return createClient<paths>({
    baseUrl,
    async fetch(request: Request) {
      const { href } = new URL(request.url)
      const target = href.slice(baseUrl.length)
      // A middleware may have pointed the request elsewhere: only the client's base URL is signed for.
      if (!href.startsWith(baseUrl) || !/^([/?]|$)/.test(target)) {
        throw new NcpValidationError({ field: 'the request URL', limit: "under the client's base URL" })
      }
      // The table names the operation from its method and path, as the fake routes it; a path it
      // does not describe is sent as it is and never repeated.
      const route = target.startsWith('/') ? matchOperation(request.method, target.split('?')[0]!) : undefined
      const op = route && operations[route.operationId]
      const headers: Record<string, string> = {}
      request.headers.forEach((value, name) => (headers[name] = value))
      const text = request.body ? await request.text() : undefined
      const answer = await send({
        operation: route?.operationId,
        method: request.method,
        target,
        body: text,
        idempotent: op?.idempotent ?? false,
        headers,
        signal: request.signal,
        timeoutMs,
        maxAttempts,
      })
      // The text is already decoded: its encoding and compressed length no longer describe it.
      const answerHeaders = new Headers(answer.headers)
      answerHeaders.delete('content-encoding')
      answerHeaders.delete('content-length')
      const empty = answer.status === 204 || answer.status === 205 || answer.status === 304
      return new Response(empty ? null : answer.text, { status: answer.status, headers: answerHeaders })
    },
  })
}

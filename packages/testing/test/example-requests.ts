// The one set of valid requests the tests send: each operation's example request from the spec
// (`exampleRequests` of the operation table), sent to a fake holding the examples' world. A new
// operation brings its example along: no test here needs a hand edit for it.
import { exampleRequests, operationIds, operations, type OperationId } from '@ncloud-apigw/operations'
import { ncpFetch, type CallOptions } from './ncp-fetch.js'
import { TEST_CREDENTIALS, type FakeApiGateway } from '../src/index.js'

export { exampleRequests, operationIds, operations, type OperationId }

/** A request as the tests send it: method, the path below the base path (query included), body. */
export interface Call {
  readonly id: OperationId
  readonly method: string
  readonly path: string
  readonly body?: unknown
}

/** The path template filled in, each parameter percent-encoded as one segment. */
export function fillPath(id: OperationId, pathParams: Readonly<Record<string, unknown>>): string {
  return operations[id].path.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(String(pathParams[name])))
}

/** The example request of `id`, with `change` applied: other path parameters, another query or body. */
export function exampleCall(
  id: OperationId,
  change: { pathParams?: Readonly<Record<string, string>>; query?: Readonly<Record<string, unknown>>; body?: unknown } = {},
): Call {
  const example = exampleRequests[id] as { pathParams: Record<string, string>; query?: Record<string, unknown>; body?: unknown }
  const query = 'query' in change ? change.query : example.query
  const search = new URLSearchParams(Object.entries(query ?? {}).map(([k, v]) => [k, String(v)] as [string, string])).toString()
  const body = 'body' in change ? change.body : example.body
  return {
    id,
    method: operations[id].method,
    path: fillPath(id, { ...example.pathParams, ...change.pathParams }) + (search ? `?${search}` : ''),
    ...(body === undefined ? {} : { body }),
  }
}

/** Sends a call, signed with the test credentials. */
export function send(gw: FakeApiGateway, call: Call, options: Omit<CallOptions, 'body'> = {}): Promise<Response> {
  return ncpFetch(gw.url, TEST_CREDENTIALS, call.method, call.path, { ...options, ...(call.body === undefined ? {} : { body: call.body }) })
}

/** The operations with path parameters, and with a body. */
export const withPathParams = operationIds.filter((id) => Object.keys(operations[id].pathParams).length > 0)
export const withBody = operationIds.filter((id) => operations[id].body !== undefined)

/** Every operation in the spec's order, those that DELETE last: one fake can then take each once. */
export const deletesLast = [...operationIds].sort((a, b) => Number(operations[a].method === 'DELETE') - Number(operations[b].method === 'DELETE'))

/** What a fake holds that a request can change: its keys and its subscriptions. */
export function state(gw: FakeApiGateway): string {
  return JSON.stringify([[...gw.keys.values()], gw.subscriptions])
}

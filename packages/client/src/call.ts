import { type Operation, problemText, problems, type RequestParts, requestProblems } from '@ncloud-apigw/operations'
import { apiErrorFrom } from './api-error.js'
import { callLimits } from './config.js'
import { NcpApiError, NcpValidationError } from './errors.js'
import type { CallOptions } from './options.js'
import { traceIdOf } from './attempt.js'
import type { Send } from './exchange.js'

// Each operation's path split once around its parameters: ['/api-keys/', 'api-key-id', ''].
const pathPieces = new WeakMap<Operation, string[]>()
const piecesOf = (op: Operation) => pathPieces.get(op) ?? pathPieces.set(op, op.path.split(/\{([^}]+)\}/)).get(op)!

/** The path and query after the base path, each value percent-encoded as it is sent and signed. */
function targetOf(op: Operation, { pathParams = {}, query }: RequestParts): string {
  const pieces = piecesOf(op)
  let target = pieces[0]!
  for (let i = 1; i < pieces.length; i += 2) target += encodeURIComponent(pathParams[pieces[i]!] as string) + pieces[i + 1]
  let separator = '?'
  // In the spec's order, so the signed query is the same whatever order the caller wrote.
  for (const name in op.query) {
    const value = query?.[name]
    if (value === undefined) continue
    // encodeURIComponent leaves ' alone, which the URL parser encodes in a query: encode it here,
    // so the target is already what fetch sends and signs.
    target += `${separator}${name}=${encodeURIComponent(String(value)).replaceAll("'", '%27')}`
    separator = '&'
  }
  return target
}

/**
 * The body as the JSON text that will be sent, parsed back: what is validated is exactly what is
 * sent, so getters, toJSON and inherited fields cannot show the validator one thing and the wire
 * another. A body JSON cannot carry (a BigInt, a cycle, a throwing toJSON) is refused as input.
 */
function serialise(operation: string, body: unknown): { text: string | undefined; sent: unknown } {
  let text: string | undefined
  try {
    text = body === undefined ? undefined : JSON.stringify(body)
  } catch (cause) {
    throw new NcpValidationError({ field: 'the body', limit: 'a value JSON can carry', got: `one JSON.stringify refuses (${(cause as Error)?.name})` }, operation)
  }
  return { text, sent: text === undefined ? undefined : JSON.parse(text) }
}

/**
 * A method's arguments as its request, by the table alone: the path parameters in the path's
 * order, then the body fields the spec takes positionally, or the body, or the query; then the
 * call's options.
 */
export function requestOf(op: Operation, args: readonly unknown[]): { parts: RequestParts; options: CallOptions | undefined } {
  const pathParams: Record<string, unknown> = {}
  let i = 0
  for (const name in op.pathParams) pathParams[name] = args[i++]
  const parts: { pathParams: Record<string, unknown>; body?: unknown; query?: unknown } = { pathParams }
  const positional = op.positional as readonly string[] | undefined
  if (positional) {
    const body: Record<string, unknown> = {}
    for (const field of positional) body[field] = args[i++]
    parts.body = body
  } else if (op.body) {
    parts.body = args[i++]
  } else if (Object.keys(op.query).length > 0) {
    parts.query = args[i++]
  }
  return { parts: parts as RequestParts, options: args[i] as CallOptions | undefined }
}

/** What every call of one client shares. */
export interface CallContext {
  send: Send
  timeoutMs: number
  maxAttempts: number
}

/** One operation: validated from the spec, sent, its answer held to the spec and unwrapped. */
export async function call(context: CallContext, op: Operation, parts: RequestParts, callOptions: CallOptions | undefined): Promise<unknown> {
  const operation = op.id
  const limits = callLimits(callOptions, context.timeoutMs, context.maxAttempts)
  const { query } = parts
  if (query !== undefined && (typeof query !== 'object' || query === null || Array.isArray(query))) {
    throw new NcpValidationError({ field: 'the query', limit: 'an object of query parameters' }, operation)
  }
  const body = serialise(operation, parts.body)
  // Own properties only, each read once: the values checked are the values sent. A call with
  // neither query nor body has only the client's own { pathParams } to check.
  const sentParts = query === undefined && parts.body === undefined ? parts : { ...parts, query: query && { ...query }, body: body.sent }
  const [problem] = requestProblems(op, sentParts)
  if (problem) throw new NcpValidationError(problem, operation)
  const answer = await context.send({
    operation,
    method: op.method,
    target: targetOf(op, sentParts),
    body: body.text,
    idempotent: op.idempotent,
    headers: undefined,
    ...limits,
  })
  const { status, headers, text, secrets } = answer
  const fields = () => ({ operation, status, traceId: traceIdOf(headers, secrets) })
  if (status < 200 || status > 299) {
    // An earlier attempt that may have reached the API did delete what it named: this one found it gone.
    if (status === 404 && op.method === 'DELETE' && answer.reached) return undefined
    const { attempts, retryAfterMs, retryable } = answer
    throw apiErrorFrom({ ...fields(), attempts, retryAfterMs, retryable }, text, answer.errorBody, secrets, Object.keys(op.pathParams), answer.advice)
  }
  if (op.response === undefined) return undefined
  // A success body holds key values: never quoted, only the field at fault is named.
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    throw new NcpApiError({ ...fields(), retryable: false }, 'with a body that is not JSON', 'Check the base URL and any proxy in between.')
  }
  const [wrong] = problems(op.response, parsed)
  if (wrong) throw new NcpApiError({ ...fields(), retryable: false }, `with a body that is not the documented answer (${problemText(wrong)})`, 'Check the base URL and any proxy in between.')
  // The value inside a one-property wrapper (`{ apiKey }`), whatever its name; the validator has
  // held every wrapper to the schema, so each step finds an object.
  let value = parsed
  for (const property of op.unwrap as readonly string[]) value = (value as Record<string, unknown>)[property]
  return value
}

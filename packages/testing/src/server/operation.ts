import { describe, operations, problems, problemText, queryValues, requestProblems, type OperationId, type Schema } from '@ncloud-apigw/operations'
import { Refusal, type Api, type Handler, type PathParamName } from '../handler.js'
import type { FakeResponse } from '../types.js'
import { errorResponse, jsonResponse } from './ncp-error.js'
import { isJsonContentType, type ParsedBody, type ReadBody } from './read-body.js'
import type { MutableRecord } from './record.js'
import { decodeParams, routeList, splitTarget } from './routes.js'
import type { SignatureCheck } from './signature.js'

/** Bodies above this size are refused with 413 (NCP code 430), as API Gateway refuses them. */
export const MAX_BODY_BYTES = 1024 * 1024

/** One request as the pipeline knows it once it is routed, its signature checked and its body read. */
export interface Incoming {
  readonly record: MutableRecord
  readonly signature: SignatureCheck
  readonly body: ReadBody
  /** The body parsed once; `undefined` when it is empty or was not kept whole. */
  readonly parsed: ParsedBody | undefined
  /** The path parameters as they appear in the path, still percent-encoded. */
  readonly rawParams: Readonly<Record<string, string>>
}

/** The request body as the operation receives it, or why it cannot be read (which comes before what it holds). */
function bodyInput(operationId: OperationId, { record, body, parsed }: Incoming): { input?: unknown; unreadable?: string } {
  if (operations[operationId].body === undefined || body.bytes.length === 0) return {}
  const contentType = record.headers['content-type']
  if (!isJsonContentType(contentType)) return { unreadable: `Content-Type must be application/json, got ${JSON.stringify(contentType ?? '')}` }
  if (parsed === undefined) return {}
  return 'value' in parsed ? { input: parsed.value } : { unreadable: parsed.problem }
}

/** What is wrong with a handler's answer against the table's success schema. */
function answerProblems(operationId: OperationId, answer: unknown): string[] {
  const { response } = operations[operationId]
  if (response === undefined) return answer === undefined ? [] : ['the operation answers no body, yet the handler gave one']
  if (answer === undefined) return [`the body must be ${describe(response)}, got nothing`]
  return problems(response as Schema, answer).map(problemText)
}

/**
 * What API Gateway would answer, changing state where the request asks it to: the checks in
 * order (route, signature, size, path parameters, query and body against the table, every path
 * parameter naming something that exists), the handler, then its answer held to the table's
 * success schema, so a handler that breaks it fails its test with a 500 naming the field.
 */
export function processRequest(incoming: Incoming, api: Api, basePath: string): FakeResponse {
  const { record, signature, body, rawParams } = incoming
  const { operationId } = record
  if (operationId === undefined) {
    return errorResponse(404, `no route for ${record.method} ${splitTarget(record.path).path}; the API has ${routeList(basePath)}`)
  }
  if (!signature.valid) return errorResponse(401, signature.details)
  if (body.tooLarge) return errorResponse(413, `the request body is larger than ${MAX_BODY_BYTES} bytes`)

  const { params, undecodable } = decodeParams(rawParams)
  if (undecodable.length > 0) return errorResponse(400, undecodable.map((name) => `${name}: the path segment is not valid percent-encoded UTF-8`).join('; '))
  const query = queryValues(operations[operationId], new URLSearchParams(splitTarget(record.path).query))
  const { input, unreadable } = bodyInput(operationId, incoming)
  const found = requestProblems(operations[operationId], { pathParams: params, query, body: input }).map((problem) =>
    unreadable !== undefined && problem.field === 'the body' && problem.got === 'nothing' ? unreadable : problemText(problem),
  )
  if (found.length > 0) return errorResponse(400, found.join('; '))

  // In the path's order, so the first missing one is named: a product before its stage.
  for (const name of Object.keys(operations[operationId].pathParams) as PathParamName[]) {
    const value = params[name] as string
    const owner = api.owners[name]
    if (!owner.exists(value, params)) return errorResponse(404, `no ${owner.noun} with ${name} ${JSON.stringify(value)}`)
  }

  let answer: unknown
  try {
    const handler = api.handlers[operationId] as Handler<OperationId>
    answer = handler({ params, query, body: input, accessKey: signature.accessKey } as never)
  } catch (error) {
    if (error instanceof Refusal) return errorResponse(error.status, error.details)
    throw error
  }
  const broken = answerProblems(operationId, answer)
  if (broken.length > 0) return errorResponse(500, `the fake's ${operationId} handler broke the answer's schema: ${broken.join('; ')}`)
  const { success, response } = operations[operationId]
  return response === undefined ? { status: success, headers: {}, body: undefined } : jsonResponse(success, answer)
}

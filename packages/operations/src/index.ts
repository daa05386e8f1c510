/**
 * The operations of the API Key API as data, generated from the spec at build time, and the one
 * validator that holds requests and answers to them. The client, the fake API Gateway, the CLI
 * and the tests all read this table: a new operation in the spec reaches each of them.
 */
import { type OperationId, operations } from './generated/operations.js'

export { documentedErrors, exampleAnswers, exampleRequests, type OperationId, operationInfo, operations } from './generated/operations.js'
export { matchOperation, type Route } from './route.js'
export { type Operation, queryValues, requestProblems, type RequestParts } from './request.js'
export { describe, jsonType, lengthLimit, type Problem, problems, problemText, type Schema, valueKind } from './validate.js'

/** The ids of the operations, in the spec's order. */
export const operationIds = /* @__PURE__ */ Object.keys(operations) as OperationId[]

/**
 * The operations of the API Key API as data, generated from the spec at build time, and the one
 * validator that holds requests and answers to them. The client, the fake API Gateway, the CLI
 * and the tests all read this table: a new operation in the spec reaches each of them, and each
 * `Record<OperationId, ...>` map in their code fails to compile until it handles it.
 */
import { type OperationId, operations } from './generated/operations.js'

export { documentedErrors, type OperationId, operationInfo, operations } from './generated/operations.js'
export { matchOperation, type Route } from './route.js'
export { queryValues, requestProblems, type RequestParts } from './request.js'
export { describe, jsonType, lengthLimit, type Problem, problems, problemText, type Schema, valueKind } from './validate.js'

/** One operation's entry in the table. */
export type Operation = (typeof operations)[OperationId]
/** How an operation's success answer is handed back: the key, the key unwrapped from `{ apiKey }`, a page of keys, or nothing. */
export type AnswerShape = Operation['answer']
/** The ids of the operations, in the spec's order. */
export const operationIds = Object.keys(operations) as OperationId[]

// The contract between the generic machinery and the resource modules: what a handler gets, what
// it answers, and how a path parameter is known to name something that exists. Nothing here names
// an operation or a resource; the types are read from the operation table and the spec.
import type { OperationId, operations } from '@ncloud-apigw/operations'
import type { operations as Spec } from '@ncloud-apigw/types'

type Table = typeof operations
type JsonContent<T> = T extends { content: { 'application/json': infer B } } ? B : undefined
type OrEmpty<T> = [T] extends [never] ? Record<string, never> : T
type SuccessOf<Responses, Status> = Status extends keyof Responses ? JsonContent<Responses[Status]> : never

/** The body of an operation's request as the spec types it; `undefined` for one without a body. */
export type BodyOf<Id extends OperationId> = JsonContent<Spec[Id]['requestBody']>
/** The query of an operation as the spec types it; `{}` for one without query parameters. */
export type QueryOf<Id extends OperationId> = OrEmpty<Exclude<Spec[Id]['parameters']['query'], undefined>>
/** The path parameters of an operation by their names in the path, decoded. */
export type ParamsOf<Id extends OperationId> = { readonly [Name in keyof Table[Id]['pathParams']]: string }
/** The body of an operation's success answer (the status the table names); `void` for none. */
export type AnswerOf<Id extends OperationId> =
  SuccessOf<Spec[Id]['responses'], Table[Id]['success']> extends infer A ? ([A] extends [undefined] ? void : A) : never

/** A request that passed every check: signed, within the limits, valid, every path parameter found. */
export interface HandlerInput<Id extends OperationId> {
  readonly params: ParamsOf<Id>
  readonly query: QueryOf<Id>
  readonly body: BodyOf<Id>
  /** The access key that signed the request. */
  readonly accessKey: string
}

/** Does what the operation asks for and gives the body of its success answer, or throws a {@link Refusal}. */
export type Handler<Id extends OperationId> = (input: HandlerInput<Id>) => AnswerOf<Id>

/** One handler per operation of the table. */
export type Handlers = { readonly [Id in OperationId]: Handler<Id> }

/** Every path parameter name the table has, across its operations. */
export type PathParamName = { [Id in OperationId]: keyof Table[Id]['pathParams'] }[OperationId]

/** How to tell whether a path parameter names something that exists. */
export interface PathParamOwner {
  /** What the parameter names, for the 404's details: `API key`, `stage of the product`. */
  readonly noun: string
  /** Whether `value` exists; `params` holds the request's other path parameters, decoded. */
  exists(value: string, params: Readonly<Record<string, string>>): boolean
}

/** One owner per path parameter of the table: a parameter without one does not compile. */
export type PathParamOwners = { readonly [Name in PathParamName]: PathParamOwner }

/** What the machinery serves: the operations' handlers and the path parameters' owners. */
export interface Api {
  readonly handlers: Handlers
  readonly owners: PathParamOwners
}

/** Thrown by a handler for an NCP error answer, such as a 404 for something a body names. */
export class Refusal extends Error {
  constructor(
    readonly status: number,
    readonly details: string,
  ) {
    super(details)
    this.name = 'Refusal'
  }
}

import type { OperationId, operations } from '@ncloud-apigw/operations'
import type { ApiKey, ApiKeySummary, operations as Spec } from '@ncloud-apigw/types'
import type { KeyStore } from './key-store.js'

type JsonContent<T> = T extends { content: { 'application/json': infer B } } ? B : undefined
type OrEmpty<T> = [T] extends [never] ? Record<string, never> : T

/** The body of an operation's request as the spec types it; `undefined` for one without a body. */
export type BodyOf<Id extends OperationId> = JsonContent<Spec[Id]['requestBody']>
/** The query of an operation as the spec types it; `{}` for one without query parameters. */
export type QueryOf<Id extends OperationId> = OrEmpty<Exclude<Spec[Id]['parameters']['query'], undefined>>
/** The body of an operation's success answer (the status the table names); `undefined` for none. */
export type AnswerOf<Id extends OperationId> = SuccessOf<Spec[Id]['responses'], (typeof operations)[Id]['success']>
type SuccessOf<Responses, Status> = Status extends keyof Responses ? JsonContent<Responses[Status]> : never

/** A request that passed every check: signed, within the limits, valid, its key (if any) found. */
export interface HandlerInput<Id extends OperationId> {
  readonly store: KeyStore
  readonly body: BodyOf<Id>
  readonly query: QueryOf<Id>
  /** The `api-key-id` path parameter, decoded; the key exists (the fake answers 404 before a handler runs). */
  readonly apiKeyId: string
  /** Who is recorded as `modifier` on a key this request changes. */
  readonly modifier: string
}

/** Does what the operation asks for and gives the body of its success answer. */
export type Handler<Id extends OperationId> = (input: HandlerInput<Id>) => AnswerOf<Id>

/** A key as a list shows it: NCP's list page shows no `primaryKey` or `secondaryKey`. */
function summary({ primaryKey: _primary, secondaryKey: _secondary, ...rest }: ApiKey): ApiKeySummary {
  return rest
}

/**
 * One handler per operation of the table: an operation added to the spec fails the build here
 * until the fake handles it. Status, content type and the checks before a handler are the
 * gateway's, from the same table.
 */
export const handlers = {
  /**
   * Keys oldest first (NCP does not document an order). `apiKeyName` matches as a case-sensitive
   * substring, the broadest reading of NCP's undocumented match, so code tested here cannot come
   * to rely on a narrower one. No `limit`: every remaining key (NCP documents no default).
   * `total` counts the keys that match, across pages; `initialCount`, which NCP does not describe,
   * is taken to be the number of keys before the filter.
   */
  listApiKeys: ({ store, query: { offset = 0, limit, apiKeyName = '' } }) => {
    const all = [...store.all()]
    const matching = all.filter((key) => key.apiKeyName.includes(apiKeyName))
    const page = matching.slice(offset, limit === undefined ? undefined : offset + limit)
    return { apiKeys: page.map(summary), total: matching.length, initialCount: all.length }
  },
  createApiKey: ({ store, body, modifier }) => ({ apiKey: store.create(body, modifier) }),
  getApiKey: ({ store, apiKeyId }) => store.get(apiKeyId) as ApiKey,
  updateApiKey: ({ store, body, apiKeyId, modifier }) => ({ apiKey: store.update(apiKeyId, body, modifier) as ApiKey }),
  deleteApiKey: ({ store, apiKeyId }) => {
    store.delete(apiKeyId)
    return undefined
  },
  regenerateApiKey: ({ store, body, apiKeyId, modifier }) => ({
    apiKey: store.regenerate(apiKeyId, body.keyType, modifier) as ApiKey,
  }),
} satisfies { readonly [Id in OperationId]: Handler<Id> }

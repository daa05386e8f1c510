// A world holding every entity the spec's examples name, so that each example request succeeds on
// a fake started with it. Derived from the examples by what each parameter or field names, never
// from a copy of their ids: a new example, or a new operation's, brings its entities along.
import { exampleAnswers, exampleRequests } from '@ncloud-apigw/operations'
import type { FakeProduct, FakeStage, FakeSubscriptionSeed, FakeWorld } from '../types.js'

/** What a path parameter, query parameter or body field names, by its name wherever it appears. */
const roles: Readonly<Record<string, Role>> = {
  'api-key-id': 'apiKey',
  apiKeyId: 'apiKey',
  'product-id': 'product',
  productId: 'product',
  'stage-id': 'stage',
  stageId: 'stage',
  apiId: 'api',
  usagePlanId: 'usagePlan',
}
type Role = 'apiKey' | 'product' | 'stage' | 'api' | 'usagePlan'

/** One example request: its parts by name. */
export interface ExampleRequest {
  readonly pathParams: Readonly<Record<string, unknown>>
  readonly query?: Readonly<Record<string, unknown>>
  readonly body?: unknown
}

/** Every `[name, value]` of an object and of the objects and arrays in it. */
function* fields(value: unknown): Generator<[string, unknown]> {
  if (typeof value !== 'object' || value === null) return
  for (const [name, inner] of Object.entries(value)) {
    yield [name, inner]
    yield* fields(inner)
  }
}

/** The ids one request names, by role, in order of appearance. */
function idsIn(request: ExampleRequest): Map<Role, string[]> {
  const ids = new Map<Role, string[]>()
  for (const [name, value] of fields(request)) {
    const role = roles[name]
    if (role !== undefined && typeof value === 'string') ids.set(role, [...(ids.get(role) ?? []), value])
  }
  return ids
}

/** The name (and description) the example answers give each id: `{ stageId, stageName }` names a stage. */
function namesIn(answers: Readonly<Record<string, unknown>>): Map<string, { name: string; description?: string }> {
  const names = new Map<string, { name: string; description?: string }>()
  for (const [, object] of fields({ answers })) {
    if (typeof object !== 'object' || object === null || Array.isArray(object)) continue
    const record = object as Record<string, unknown>
    for (const role of new Set(Object.values(roles))) {
      const [id, name, description] = [record[`${role}Id`], record[`${role}Name`], record[`${role}Description`]]
      if (typeof id !== 'string' || typeof name !== 'string' || names.has(`${role} ${id}`)) continue
      names.set(`${role} ${id}`, { name, ...(typeof description === 'string' ? { description } : {}) })
    }
  }
  return names
}

const unique = (values: Iterable<string>) => [...new Set(values)]

/**
 * The world of a set of example requests (and the answers that name their ids): each key, product,
 * stage (with its API) and usage plan they name; every product holding every stage, every stage
 * every usage plan; products `PUBLIC`; each key related to each product one request names with it.
 */
export function worldOf(requests: Readonly<Record<string, ExampleRequest>>, answers: Readonly<Record<string, unknown>> = {}): Required<FakeWorld> {
  const perRequest = Object.values(requests).map(idsIn)
  const all = (role: Role) => unique(perRequest.flatMap((ids) => ids.get(role) ?? []))
  const names = namesIn(answers)
  const nameOf = (role: Role, id: string, fallback: string) => names.get(`${role} ${id}`) ?? { name: fallback }
  const apis = all('api')
  const apiOfStage = (stageId: string) =>
    perRequest.find((ids) => ids.get('stage')?.includes(stageId) && ids.has('api'))?.get('api')?.[0] ?? apis[0] ?? stageId
  const usagePlans = all('usagePlan').map((usagePlanId) => ({ usagePlanId, usagePlanName: nameOf('usagePlan', usagePlanId, usagePlanId).name }))
  const stages: FakeStage[] = all('stage').map((stageId) => {
    const apiId = apiOfStage(stageId)
    return { apiId, apiName: nameOf('api', apiId, apiId).name, stageId, stageName: nameOf('stage', stageId, stageId).name, usagePlans }
  })
  const products: FakeProduct[] = all('product').map((productId) => {
    const { name, description } = nameOf('product', productId, productId)
    return { productId, productName: name, ...(description === undefined ? {} : { productDescription: description }), subscriptionCode: 'PUBLIC', stages }
  })
  const keys = all('apiKey').map((apiKeyId) => {
    const { name, description } = nameOf('apiKey', apiKeyId, 'example-key')
    return { apiKeyId, apiKeyName: name, ...(description === undefined ? {} : { apiKeyDescription: description }) }
  })
  const pairs = perRequest.flatMap((ids) => (ids.get('apiKey') ?? []).flatMap((apiKeyId) => (ids.get('product') ?? []).map((productId) => JSON.stringify([apiKeyId, productId]))))
  const subscriptions: FakeSubscriptionSeed[] = unique(pairs).map((pair) => {
    const [apiKeyId, productId] = JSON.parse(pair) as [string, string]
    return { apiKeyId, productId }
  })
  return { keys, products, subscriptions }
}

/**
 * What a fake needs to hold every API key, product, stage and usage plan the spec's examples
 * name, so that each operation's example request (`exampleRequests` of `@ncloud-apigw/operations`)
 * succeeds on it: `startFakeApiGateway({ ...exampleWorld() })`. A fresh copy on every call.
 */
export function exampleWorld(): Required<FakeWorld> {
  return worldOf(exampleRequests, exampleAnswers)
}

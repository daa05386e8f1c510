// The resources of one fake, joined into the one `Api` the machinery serves. The compiler holds
// the join to the table: an operation without a handler, or a path parameter without an owner,
// does not build.
import type { Api, Handlers, PathParamOwners } from '../handler.js'
import type { FakeWorld } from '../types.js'
import { ApiKeys, type ResourceContext } from './api-keys.js'
import { Products } from './products.js'

export interface Resources {
  readonly api: Api
  readonly keys: ApiKeys
  readonly products: Products
}

/** The resources, holding what `world` seeds: keys, then products, then the relations between them. */
export function createResources(context: ResourceContext, world: FakeWorld): Resources {
  const keys = new ApiKeys(context)
  if (world.keys !== undefined && !Array.isArray(world.keys)) throw new TypeError('keys must be an array of API keys')
  world.keys?.forEach((fields, i) => keys.seed(fields, `keys[${i}]`))
  const products = new Products(context, keys, world.products)
  if (world.subscriptions !== undefined && !Array.isArray(world.subscriptions)) throw new TypeError('subscriptions must be an array')
  world.subscriptions?.forEach((seed, i) => products.seed(seed, `subscriptions[${i}]`))
  const handlers = { ...keys.handlers, ...products.handlers } satisfies Handlers
  const owners = { 'api-key-id': keys.owner, ...products.owners } satisfies PathParamOwners
  return { api: { handlers, owners }, keys, products }
}

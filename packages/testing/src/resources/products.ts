// The account's products (their APIs' stages and each stage's usage plans) and each key's relation
// to each product: their state, and the handlers of the operations on them. Where NCP's pages are
// silent the choices are the README's "Products and subscriptions", each tested.
import { operations } from '@ncloud-apigw/operations'
import type { ApiKey, ApiKeyRelationStatus } from '@ncloud-apigw/types'
import { Refusal, type Handler, type PathParamOwner } from '../handler.js'
import type { FakeProduct, FakeStage, FakeSubscription, FakeSubscriptionSeed } from '../types.js'
import type { ApiKeys, ResourceContext } from './api-keys.js'
import { inSet, pageOf } from './page.js'
import { checkProducts, type SeedRules } from './product-seed.js'
import { readonlyView } from './readonly-view.js'
import { checkSubscription } from './subscription-seed.js'

/** The table's rules for what a seed holds, where each field travels: so a seeded thing can be asked for and answered. */
const subscriptionItem = operations.listApiKeySubscriptions.response.properties.apiKeyRelations.properties.content.items.properties
const productItem = operations.listApiKeyProducts.response.properties.apiKeyRelateProductDtos.items.properties
const seedRules: SeedRules = {
  productId: operations.searchProductApiKeys.pathParams['product-id'],
  productName: productItem.productName,
  productDescription: productItem.productDescription,
  apiId: operations.listApiKeySubscriptions.query.apiId,
  apiName: subscriptionItem.apiName,
  stageId: operations.updateApiKeyUsagePlan.pathParams['stage-id'],
  stageName: subscriptionItem.stageName,
  usagePlanId: operations.updateApiKeyUsagePlan.body.properties.usagePlanId,
  usagePlanName: subscriptionItem.usagePlanName,
}
/** Every relation status there is. */
const statuses: readonly string[] = operations.searchApiKeys.body.properties.statusSet.items.enum

const notFound = (details: string) => new Refusal(404, details)
/** One relation per key and product; JSON so no id, whatever it holds, can make two pairs one. */
const pairOf = (productId: string, apiKeyId: string) => JSON.stringify([productId, apiKeyId])
const nonEmpty = (filter: string | undefined) => (filter === '' ? undefined : filter)

export class Products {
  readonly #products = new Map<string, FakeProduct>()
  /** Oldest first: the order every list and search of relations answers in. */
  readonly #relations = new Map<string, FakeSubscription>()
  readonly #keys: ApiKeys
  readonly #context: ResourceContext
  /** The products by id, read-only; each is frozen. */
  readonly view = readonlyView(this.#products)
  /** `product-id` names a product of the account, `stage-id` a stage of that product. */
  readonly owners = {
    'product-id': { noun: 'product', exists: (id) => this.#products.has(id) },
    'stage-id': { noun: 'stage in the product', exists: (id, params) => this.#stageOf(params['product-id'] ?? '', id) !== undefined },
  } satisfies Record<string, PathParamOwner>

  constructor(context: ResourceContext, keys: ApiKeys, products: unknown = []) {
    this.#context = context
    this.#keys = keys
    for (const product of checkProducts(products, seedRules)) this.#products.set(product.productId, product)
    // A deleted key takes its relations with it.
    keys.onDelete((apiKeyId) => {
      for (const [pair, relation] of this.#relations) if (relation.apiKeyId === apiKeyId) this.#relations.delete(pair)
    })
  }

  /** Every relation, oldest first, each a frozen snapshot. */
  get subscriptions(): FakeSubscription[] {
    return [...this.#relations.values()]
  }

  /** Holds a relation from the start, checked against the keys and products already there. */
  seed(seed: FakeSubscriptionSeed, where: string): void {
    const product = this.#products.get(seed?.productId)
    checkSubscription(seed, where, { key: this.#keys.get(seed?.apiKeyId), product, exists: (productId, apiKeyId) => this.#relations.has(pairOf(productId, apiKeyId)), statuses })
    const relation = this.#subscribe(seed.apiKeyId, product as FakeProduct, seed.status)
    if (seed.usagePlans !== undefined) this.#store({ ...relation, usagePlans: Object.freeze({ ...relation.usagePlans, ...seed.usagePlans }) })
  }

  #stageOf(productId: string, stageId: string): FakeStage | undefined {
    return this.#products.get(productId)?.stages.find((stage) => stage.stageId === stageId)
  }

  #product(productId: string): FakeProduct {
    const product = this.#products.get(productId)
    if (product === undefined) throw notFound(`no product with productId ${JSON.stringify(productId)}`)
    return product
  }

  #relation(productId: string, apiKeyId: string): FakeSubscription {
    const relation = this.#relations.get(pairOf(productId, apiKeyId))
    if (relation === undefined) throw notFound(`the API key ${JSON.stringify(apiKeyId)} is not subscribed to the product ${JSON.stringify(productId)}`)
    return relation
  }

  #relationsWhere(match: (relation: FakeSubscription) => boolean): { relation: FakeSubscription; key: ApiKey }[] {
    return [...this.#relations.values()].filter(match).map((relation) => ({ relation, key: this.#keys.get(relation.apiKeyId) as ApiKey }))
  }

  #store(relation: FakeSubscription): FakeSubscription {
    const stored = Object.freeze(relation)
    this.#relations.set(pairOf(relation.productId, relation.apiKeyId), stored)
    return stored
  }

  /** A new relation: `REQUEST` on a PROTECTED product, `ACCEPTED` on a PUBLIC one, each stage on its first usage plan. */
  #subscribe(apiKeyId: string, product: FakeProduct, status?: ApiKeyRelationStatus): FakeSubscription {
    const usagePlans: Record<string, string> = {}
    for (const stage of product.stages) if (stage.usagePlans[0] !== undefined) usagePlans[stage.stageId] = stage.usagePlans[0].usagePlanId
    const time = this.#context.clock.isoAfter()
    const { productId, subscriptionCode } = product
    return this.#store({ apiKeyId, productId, status: status ?? (subscriptionCode === 'PUBLIC' ? 'ACCEPTED' : 'REQUEST'), usagePlans: Object.freeze(usagePlans), regTime: time, modTime: time })
  }

  /** A change to a relation moves its `modTime`; a change to what it already is changes nothing. */
  #change(relation: FakeSubscription, change: Partial<Pick<FakeSubscription, 'status' | 'usagePlans'>>): void {
    const next = { ...relation, ...change }
    if (next.status === relation.status && JSON.stringify(next.usagePlans) === JSON.stringify(relation.usagePlans)) return
    this.#store({ ...next, modTime: this.#context.clock.isoAfter(relation.modTime) })
  }

  /** The operations of the relations between keys and products. Path parameters are checked to exist before a handler runs. */
  readonly handlers = {
    /** The product's relations, oldest first, whose key's name contains `apiKeyName` and whose status is in `statusSet`. */
    searchApiKeys: ({ body: { productId, apiKeyName = '', statusSet, offset, limit } }) => {
      this.#product(productId)
      const found = this.#relationsWhere((r) => r.productId === productId && inSet(r.status, statusSet))
        .filter(({ key }) => key.apiKeyName.includes(apiKeyName))
        .map(({ relation, key }) => ({ apiKeyId: key.apiKeyId, apiKeyName: key.apiKeyName, ...(key.apiKeyDescription === undefined ? {} : { apiKeyDescription: key.apiKeyDescription }), status: relation.status }))
      return { apiKeys: pageOf(found, offset, limit), total: found.length }
    },
    /** The key's relations, oldest first. Seeded products are the account's own: `publisherId` is its tenant, `isSelfProduct` true. */
    listApiKeyProducts: ({ params, query: { offset, limit } }) => {
      const found = this.#relationsWhere((r) => r.apiKeyId === params['api-key-id']).map(({ relation }) => {
        const { productId, productName, productDescription } = this.#product(relation.productId)
        const { status, regTime, modTime } = relation
        const description = productDescription === undefined ? {} : { productDescription }
        return { productId, productName, ...description, publisherId: this.#context.tenantId, status, regTime, modTime, isSelfProduct: true }
      })
      return { apiKeyRelateProductDtos: pageOf(found, offset, limit), total: found.length }
    },
    /** A second subscribe to the same product changes nothing: the relation asked for is there. */
    subscribeApiKey: ({ params, body: { productId } }) => {
      const product = this.#product(productId)
      if (!this.#relations.has(pairOf(productId, params['api-key-id']))) this.#subscribe(params['api-key-id'], product)
    },
    unsubscribeApiKey: ({ params, body: { productId } }) => {
      this.#product(productId)
      // A 404 when the key is not subscribed.
      this.#relation(productId, params['api-key-id'])
      this.#relations.delete(pairOf(productId, params['api-key-id']))
    },
    /** One item per stage of the product on which the key has a usage plan, in the product's order; none without a relation. */
    listApiKeySubscriptions: ({ params, query: { productId, apiId, stageId, offset, limit } }) => {
      const product = this.#product(productId)
      const relation = this.#relations.get(pairOf(productId, params['api-key-id']))
      if (relation === undefined) return { apiKeyRelations: { content: [], total: 0 } }
      const key = this.#keys.get(params['api-key-id']) as ApiKey
      const [api, only] = [nonEmpty(apiId), nonEmpty(stageId)]
      const stages = product.stages.filter((s) => (api === undefined || s.apiId === api) && (only === undefined || s.stageId === only))
      const found = stages.flatMap(({ usagePlans, ...stage }) => {
        const plan = usagePlans.find((p) => p.usagePlanId === relation.usagePlans[stage.stageId])
        if (plan === undefined) return []
        const { regTime, modTime } = relation
        return [{ ...stage, apiKeyId: key.apiKeyId, apiKeyName: key.apiKeyName, ...plan, regTime, modTime, dayCallCount: 0, monthCallCount: 0, domainCode: key.domainCode }]
      })
      return { apiKeyRelations: { content: pageOf(found, offset, limit), total: found.length } }
    },
    /** The product's relations, oldest first; `apiKeyId` and `apiKeyValue` (either value of the key) match exactly, `''` as absent. */
    searchProductApiKeys: ({ params, body: { apiKeyId, apiKeyValue, statusSet, offset, limit } }) => {
      const [id, value] = [nonEmpty(apiKeyId), nonEmpty(apiKeyValue)]
      const found = this.#relationsWhere((r) => r.productId === params['product-id'] && inSet(r.status, statusSet))
        .filter(({ key }) => (id === undefined || key.apiKeyId === id) && (value === undefined || key.primaryKey === value || key.secondaryKey === value))
        .map(({ relation, key }) => {
          const { status, regTime, modTime } = relation
          return { apiKeyId: key.apiKeyId, apiKeyName: key.apiKeyName, primaryKey: key.primaryKey, secondaryKey: key.secondaryKey, status, regTime, modTime, domainCode: key.domainCode }
        })
      return { apiKeyPage: { content: pageOf(found, offset, limit), total: found.length } }
    },
    /** Sets `ACCEPTED` or `REJECTED` from any status; a key with no relation to the product is a 404. */
    updateProductApiKeyStatus: ({ params, body: { status } }) => {
      this.#change(this.#relation(params['product-id'], params['api-key-id']), { status })
    },
    /** One of the stage's usage plans, whatever the relation's status; a key with no relation, or a plan of no such id on the stage, is a 404. */
    updateApiKeyUsagePlan: ({ params, body: { usagePlanId } }) => {
      const relation = this.#relation(params['product-id'], params['api-key-id'])
      const stage = this.#stageOf(params['product-id'], params['stage-id']) as FakeStage
      if (!stage.usagePlans.some((plan) => plan.usagePlanId === usagePlanId)) {
        const plans = stage.usagePlans.map((plan) => plan.usagePlanId).join(', ') || 'none'
        throw notFound(`the stage ${JSON.stringify(stage.stageId)} has no usage plan with usagePlanId ${JSON.stringify(usagePlanId)}; its usage plans are ${plans}`)
      }
      this.#change(relation, { usagePlans: Object.freeze({ ...relation.usagePlans, [stage.stageId]: usagePlanId }) })
    },
  } satisfies {
    readonly [Id in 'searchApiKeys' | 'listApiKeyProducts' | 'subscribeApiKey' | 'unsubscribeApiKey' | 'listApiKeySubscriptions' | 'searchProductApiKeys' | 'updateProductApiKeyStatus' | 'updateApiKeyUsagePlan']: Handler<Id>
  }
}

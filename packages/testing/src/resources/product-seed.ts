// The checks of a `products` seed: its ids and names held to the rules the table gives them where
// they travel (a path parameter, a query parameter, a field of an answer), so whatever is seeded
// can be asked for and answered; and ids unique where the API looks them up.
import { operations, problems, problemText, type Schema } from '@ncloud-apigw/operations'
import type { FakeProduct } from '../types.js'

const subscription = operations.listApiKeySubscriptions.response.properties.apiKeyRelations.properties.content.items.properties
const related = operations.listApiKeyProducts.response.properties.apiKeyRelateProductDtos.items.properties
const named = (rule: Schema): Schema => ({ ...rule, minLength: 1 })

const usagePlanSchema: Schema = {
  type: 'object',
  additionalProperties: false,
  required: ['usagePlanId', 'usagePlanName'],
  properties: {
    usagePlanId: operations.updateApiKeyUsagePlan.body.properties.usagePlanId,
    usagePlanName: named(subscription.usagePlanName),
  },
}

const stageSchema: Schema = {
  type: 'object',
  additionalProperties: false,
  required: ['apiId', 'apiName', 'stageId', 'stageName', 'usagePlans'],
  properties: {
    apiId: named(operations.listApiKeySubscriptions.query.apiId),
    apiName: named(subscription.apiName),
    stageId: operations.updateApiKeyUsagePlan.pathParams['stage-id'],
    stageName: named(subscription.stageName),
    usagePlans: { type: 'array', items: usagePlanSchema },
  },
}

const productSchema: Schema = {
  type: 'object',
  additionalProperties: false,
  required: ['productId', 'productName', 'subscriptionCode', 'stages'],
  properties: {
    productId: operations.searchProductApiKeys.pathParams['product-id'],
    productName: named(related.productName),
    productDescription: related.productDescription,
    subscriptionCode: { type: 'string', enum: ['PUBLIC', 'PROTECTED'] },
    stages: { type: 'array', items: stageSchema },
  },
}

/** The first value seen twice, if any. */
function repeated(values: readonly string[]): string | undefined {
  return values.find((value, i) => values.indexOf(value) !== i)
}

/** Refuses ids that the API could not tell apart: a product's, a stage's within its product, a plan's within its stage. */
function checkUnique(products: readonly FakeProduct[], where: string): void {
  const fail = (message: string): never => {
    throw new RangeError(`${where}${message}`)
  }
  const productId = repeated(products.map((p) => p.productId))
  if (productId !== undefined) fail(`: productId ${JSON.stringify(productId)} is given twice`)
  products.forEach((product, i) => {
    const stageId = repeated(product.stages.map((s) => s.stageId))
    if (stageId !== undefined) fail(`[${i}].stages: stageId ${JSON.stringify(stageId)} is given twice in the product`)
    product.stages.forEach((stage, j) => {
      const other = product.stages.find((s) => s.apiId === stage.apiId && s.apiName !== stage.apiName)
      if (other !== undefined) fail(`[${i}].stages[${j}].apiName: the API ${JSON.stringify(stage.apiId)} is named both ${JSON.stringify(other.apiName)} and ${JSON.stringify(stage.apiName)}`)
      const planId = repeated(stage.usagePlans.map((u) => u.usagePlanId))
      if (planId !== undefined) fail(`[${i}].stages[${j}].usagePlans: usagePlanId ${JSON.stringify(planId)} is given twice in the stage`)
    })
  })
}

/** A deep, frozen copy of what was checked, with only the fields of the seed. */
function frozenCopy(product: FakeProduct): FakeProduct {
  const stages = product.stages.map((stage) =>
    Object.freeze({ ...stage, usagePlans: Object.freeze(stage.usagePlans.map((plan) => Object.freeze({ ...plan }))) }),
  )
  return Object.freeze({ ...product, stages: Object.freeze(stages) })
}

/** The products of a seed, checked, naming the field that is wrong (`products[0].stages[1].stageId must be ...`). */
export function checkProducts(products: unknown, where = 'products'): FakeProduct[] {
  if (!Array.isArray(products)) throw new TypeError(`${where} must be an array of products, got ${products === null ? 'null' : typeof products}`)
  const broken = problems({ type: 'array', items: productSchema }, products, where).map(problemText)
  if (broken.length > 0) throw new TypeError(broken.join('; '))
  checkUnique(products as FakeProduct[], where)
  return (products as FakeProduct[]).map(frozenCopy)
}

// The checks of a `products` seed: its ids and names held to the rules the table gives them where
// they travel (a path parameter, a query parameter, a field of an answer), so whatever is seeded
// can be asked for and answered; and ids unique where the API looks them up.
import { problems, problemText, type Schema } from '@ncloud-apigw/operations'
import type { FakeProduct } from '../types.js'

/** The table's rules for each field of a seed, where the field travels (products.ts takes them from the table). */
export interface SeedRules {
  readonly productId: Schema
  readonly productName: Schema
  readonly productDescription: Schema
  readonly apiId: Schema
  readonly apiName: Schema
  readonly stageId: Schema
  readonly stageName: Schema
  readonly usagePlanId: Schema
  readonly usagePlanName: Schema
}

const named = (rule: Schema): Schema => ({ ...rule, minLength: 1 })

/** What a seed of products must be, by the table's rules. */
function productSchema(rules: SeedRules): Schema {
  const usagePlanSchema: Schema = {
    type: 'object',
    additionalProperties: false,
    required: ['usagePlanId', 'usagePlanName'],
    properties: { usagePlanId: rules.usagePlanId, usagePlanName: named(rules.usagePlanName) },
  }
  const stageSchema: Schema = {
    type: 'object',
    additionalProperties: false,
    required: ['apiId', 'apiName', 'stageId', 'stageName', 'usagePlans'],
    properties: {
      apiId: named(rules.apiId),
      apiName: named(rules.apiName),
      stageId: rules.stageId,
      stageName: named(rules.stageName),
      usagePlans: { type: 'array', items: usagePlanSchema },
    },
  }
  return {
    type: 'object',
    additionalProperties: false,
    required: ['productId', 'productName', 'subscriptionCode', 'stages'],
    properties: {
      productId: rules.productId,
      productName: named(rules.productName),
      productDescription: rules.productDescription,
      subscriptionCode: { type: 'string', enum: ['PUBLIC', 'PROTECTED'] },
      stages: { type: 'array', items: stageSchema },
    },
  }
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
export function checkProducts(products: unknown, rules: SeedRules, where = 'products'): FakeProduct[] {
  if (!Array.isArray(products)) throw new TypeError(`${where} must be an array of products, got ${products === null ? 'null' : typeof products}`)
  const broken = problems({ type: 'array', items: productSchema(rules) }, products, where).map(problemText)
  if (broken.length > 0) throw new TypeError(broken.join('; '))
  checkUnique(products as FakeProduct[], where)
  return (products as FakeProduct[]).map(frozenCopy)
}

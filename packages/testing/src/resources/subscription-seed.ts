import type { ApiKey } from '@ncloud-apigw/types'
import type { FakeProduct, FakeSubscriptionSeed } from '../types.js'

interface Found {
  /** Every relation status there is, from the table. */
  readonly statuses: readonly string[]
  readonly key: ApiKey | undefined
  readonly product: FakeProduct | undefined
  readonly exists: (productId: string, apiKeyId: string) => boolean
}

/** Refuses a seeded relation the fake could not hold, naming the field (`subscriptions[0].usagePlans["s1"]`). */
export function checkSubscription(seed: FakeSubscriptionSeed, where: string, { key, product, exists, statuses }: Found): void {
  const fail = (field: string, message: string): never => {
    throw new RangeError(`${where}${field}: ${message}`)
  }
  if (typeof seed !== 'object' || seed === null) fail('', 'must be an object { apiKeyId, productId, status?, usagePlans? }')
  const unknown = Object.keys(seed).find((field) => !['apiKeyId', 'productId', 'status', 'usagePlans'].includes(field))
  if (unknown !== undefined) fail(`.${unknown}`, 'must be absent: the fields are apiKeyId, productId, status, usagePlans')
  if (key === undefined) fail('.apiKeyId', `no API key with apiKeyId ${JSON.stringify(seed.apiKeyId)}: seed it first (the keys option)`)
  if (product === undefined) fail('.productId', `no product with productId ${JSON.stringify(seed.productId)} among the products`)
  if (exists(seed.productId, seed.apiKeyId)) fail('', `the API key ${JSON.stringify(seed.apiKeyId)} is given twice for the product ${JSON.stringify(seed.productId)}`)
  if (seed.status !== undefined && !statuses.includes(seed.status)) fail('.status', `must be one of ${statuses.join(', ')}, got ${JSON.stringify(seed.status)}`)
  if (seed.usagePlans === undefined) return
  if (typeof seed.usagePlans !== 'object' || seed.usagePlans === null) fail('.usagePlans', 'must be an object of usagePlanId by stageId')
  for (const [stageId, usagePlanId] of Object.entries(seed.usagePlans)) {
    const stage = product?.stages.find((s) => s.stageId === stageId)
    if (stage === undefined) fail(`.usagePlans[${JSON.stringify(stageId)}]`, `the product has no stage with stageId ${JSON.stringify(stageId)}`)
    if (!stage?.usagePlans.some((plan) => plan.usagePlanId === usagePlanId)) {
      fail(`.usagePlans[${JSON.stringify(stageId)}]`, `the stage has no usage plan with usagePlanId ${JSON.stringify(usagePlanId)}`)
    }
  }
}

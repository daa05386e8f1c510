import { exampleRequests, operations, type OperationId } from '@ncloud-apigw/operations'
import { startFakeApiGateway, type FakeApiGateway, type FakeApiGatewayOptions } from '@ncloud-apigw/testing'

/**
 * A product as `startFakeApiGateway({ products })` is seeded with. Written out here while the
 * fake's own type for it is on its way; drop it for the fake's once that is published.
 */
export interface ProductSeed {
  productId: string
  productName: string
  productDescription?: string
  subscriptionCode: 'PUBLIC' | 'PROTECTED'
  stages: {
    apiId: string
    apiName: string
    stageId: string
    stageName: string
    usagePlans: { usagePlanId: string; usagePlanName: string }[]
  }[]
}

/** Starts the fake API Gateway holding these products (and whatever else the options say). */
export function startWithProducts(products: ProductSeed[], options: FakeApiGatewayOptions = {}): Promise<FakeApiGateway> {
  // Not a literal: the fake's options type gains `products` with the fake's next version.
  const seeded = { ...options, products }
  return startFakeApiGateway(seeded)
}

const { listApiKeySubscriptions: detail, subscribeApiKey: subscribe, updateApiKeyUsagePlan: usagePlan } = exampleRequests

/**
 * The products the operation samples name, with the IDs of the spec's examples, which the
 * samples use: the product a key subscribes to (PROTECTED, so its publisher approves each key),
 * the product whose subscribed stages the subscription sample lists, and the product whose keys
 * the product-side samples search, approve and give a usage plan (a stage with two plans, so
 * that a change of plan shows).
 */
export const sampleProducts: ProductSeed[] = [
  { productId: subscribe.body.productId, productName: 'orders', subscriptionCode: 'PROTECTED', stages: [] },
  {
    productId: detail.query.productId,
    productName: 'weather',
    subscriptionCode: 'PROTECTED',
    stages: [
      {
        apiId: detail.query.apiId,
        apiName: 'weather-api',
        stageId: detail.query.stageId,
        stageName: 'v1',
        usagePlans: [{ usagePlanId: 'basic00001', usagePlanName: 'basic' }],
      },
    ],
  },
  {
    productId: usagePlan.pathParams['product-id'],
    productName: 'maps',
    productDescription: 'Map tiles',
    subscriptionCode: 'PROTECTED',
    stages: [
      {
        apiId: 'mapsapi001',
        apiName: 'maps-api',
        stageId: usagePlan.pathParams['stage-id'],
        stageName: 'prod',
        usagePlans: [
          { usagePlanId: 'basic00002', usagePlanName: 'basic' },
          { usagePlanId: usagePlan.body.usagePlanId, usagePlanName: 'premium' },
        ],
      },
    ],
  },
]

/**
 * Whether an operation is about products (a product in its path, query or body, or in what it
 * answers, as the products of a key): its sample needs the fake to hold the sample products.
 */
export function involvesProducts(operationId: OperationId): boolean {
  const { pathParams, query, body, response } = operations[operationId]
  return 'product-id' in pathParams || 'productId' in query || names(body, 'productId') || names(response, 'productId')
}

/** Whether a schema of the table has a property of that name, at any depth. */
function names(schema: unknown, field: string): boolean {
  if (typeof schema !== 'object' || schema === null) return false
  const { properties, items } = schema as { properties?: Record<string, unknown>; items?: unknown }
  return (properties !== undefined && (field in properties || Object.values(properties).some((p) => names(p, field)))) || names(items, field)
}

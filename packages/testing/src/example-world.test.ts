// The world of the spec's examples: derived from `exampleRequests`, so each example request (and
// every one of them in turn, on one fake) succeeds. operations.test.ts sends each to a fresh one.
import { exampleAnswers } from '@ncloud-apigw/operations'
import { afterEach, describe, expect, test } from 'vitest'
import { deletesLast, exampleCall, exampleRequests, operations, send } from '../test/example-requests.js'
import { exampleWorld, startFakeApiGateway, type FakeApiGateway } from './index.js'
import { worldOf } from './resources/example-world.js'

let gw: FakeApiGateway | undefined
afterEach(async () => {
  await gw?.close()
  gw = undefined
})

/** Every object in `value`, itself first, then depth first. */
function* objectsIn(value: unknown): Generator<Record<string, unknown>> {
  if (typeof value !== 'object' || value === null) return
  yield value as Record<string, unknown>
  for (const inner of Object.values(value)) yield* objectsIn(inner)
}

/** Every value the examples give a parameter or field of this name, anywhere in a request. */
function valuesOf(name: string): string[] {
  return [...new Set([...objectsIn(exampleRequests)].map((o) => o[name]).filter((v): v is string => typeof v === 'string'))]
}

describe('exampleWorld()', () => {
  test('one fake takes every example request once, in the spec\'s order, the one that deletes last', async () => {
    gw = await startFakeApiGateway(exampleWorld())
    for (const id of deletesLast) {
      const res = await send(gw, exampleCall(id))
      expect(res.status, `${id}: ${await res.clone().text()}`).toBe(operations[id].success)
      await res.arrayBuffer()
    }
    expect(gw.requests.map((r) => r.operationId)).toEqual(deletesLast)
  })

  test('it holds every key, product, stage and usage plan the examples name, wherever they name it', async () => {
    gw = await startFakeApiGateway(exampleWorld())
    const products = [...gw.products.values()]
    const stages = products.flatMap((p) => p.stages)
    for (const id of [...valuesOf('api-key-id'), ...valuesOf('apiKeyId')]) expect(gw.keys.has(id), id).toBe(true)
    for (const id of [...valuesOf('product-id'), ...valuesOf('productId')]) expect(gw.products.has(id), id).toBe(true)
    for (const id of [...valuesOf('stage-id'), ...valuesOf('stageId')]) expect(products.every((p) => p.stages.some((s) => s.stageId === id)), id).toBe(true)
    for (const id of valuesOf('apiId')) expect(stages.some((s) => s.apiId === id), id).toBe(true)
    for (const id of valuesOf('usagePlanId')) expect(stages.every((s) => s.usagePlans.some((u) => u.usagePlanId === id)), id).toBe(true)
    // Each key related to each product one request names with it: what unsubscribing, approving and changing a plan need.
    for (const request of Object.values(exampleRequests) as { pathParams: Record<string, string>; body?: { productId?: string } }[]) {
      const apiKeyId = request.pathParams['api-key-id']
      const productId = request.pathParams['product-id'] ?? request.body?.productId
      if (apiKeyId !== undefined && productId !== undefined) expect(gw.subscriptions).toContainEqual(expect.objectContaining({ apiKeyId, productId }))
    }
  })

  test('names come from the example answers that name the same id', async () => {
    const world = exampleWorld()
    const answered = [...objectsIn(exampleAnswers)]
    for (const key of world.keys) {
      const named = answered.find((o) => o.apiKeyId === key.apiKeyId && typeof o.apiKeyName === 'string')
      expect(key.apiKeyName).toBe(named?.apiKeyName ?? 'example-key')
    }
    for (const product of world.products) {
      const named = answered.find((o) => o.productId === product.productId && typeof o.productName === 'string')
      expect(product.productName).toBe(named?.productName ?? product.productId)
    }
    expect(world.products.every((p) => p.subscriptionCode === 'PUBLIC')).toBe(true)
  })

  test('a new example brings its own entities: the world follows the requests, not a copy of their ids', () => {
    const world = worldOf({
      someNewOperation: { pathParams: { 'product-id': 'new0000001', 'api-key-id': 'key0000009', 'stage-id': 'stg0000009' }, body: { usagePlanId: 'pln0000009' } },
    })
    expect(world.keys.map((k) => k.apiKeyId)).toEqual(['key0000009'])
    expect(world.products).toMatchObject([{ productId: 'new0000001', stages: [{ stageId: 'stg0000009', usagePlans: [{ usagePlanId: 'pln0000009' }] }] }])
    expect(world.subscriptions).toEqual([{ apiKeyId: 'key0000009', productId: 'new0000001' }])
  })

  test('each call returns a fresh copy', () => {
    const first = exampleWorld()
    ;(first.keys as { apiKeyName?: string }[]).forEach((key) => (key.apiKeyName = 'changed'))
    expect(exampleWorld().keys.some((key) => key.apiKeyName === 'changed')).toBe(false)
  })
})

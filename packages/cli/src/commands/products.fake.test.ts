import type { FakeProduct } from '@ncloud-apigw/testing'
import { describe, expect, test } from 'vitest'
import { type FakeOptions, masked, noSecretsLeaked, parsed, useFakeCli } from '../../test/fake-cli.js'
import { exitCodes } from '../exit-codes.js'

// A key put to use against the fake API Gateway's products: subscribe, approve or reject, usage
// plans, unsubscribe. The fake is seeded with products as `startFakeApiGateway({ products })`
// takes them. The same commands are tested against a scripted gateway in
// api-key/relations.test.ts and product/product.test.ts.
const stage = (n: number) => ({
  apiId: `api${n}`,
  apiName: `api-${n}`,
  stageId: `stage${n}`,
  stageName: `stage-${n}`,
  usagePlans: [
    { usagePlanId: `plan${n}a`, usagePlanName: `plan ${n} a` },
    { usagePlanId: `plan${n}b`, usagePlanName: `plan ${n} b` },
  ],
})
const products: FakeProduct[] = [
  { productId: 'public001', productName: 'open', subscriptionCode: 'PUBLIC', stages: [stage(1)] },
  { productId: 'protect01', productName: 'guarded', productDescription: 'asks first', subscriptionCode: 'PROTECTED', stages: [stage(2), stage(3)] },
]
const seeded: FakeOptions = { products }

describe('a key put to use against the fake API Gateway', () => {
  const harness = useFakeCli(seeded)
  const { cli } = harness
  const gw = () => harness.gw
  const statusOn = async (apiKeyId: string, productId: string) =>
    parsed<{ apiKeyRelateProductDtos: { productId: string; status: string }[] }>(await cli(['api-key', 'products', apiKeyId, '--all']), '').apiKeyRelateProductDtos.find(
      (product) => product.productId === productId,
    )?.status

  test('subscribing to a public product accepts the key at once; products and search show it', async () => {
    const key = gw().seedKey({ apiKeyName: 'to-public' })
    expect(parsed(await cli(['api-key', 'subscribe', key.apiKeyId, '--product', 'public001']), '')).toEqual({ apiKeyId: key.apiKeyId, productId: 'public001', subscribed: true })
    expect(await statusOn(key.apiKeyId, 'public001')).toBe('ACCEPTED')
    const found = parsed<{ apiKeys: { apiKeyId: string; status: string }[] }>(await cli(['api-key', 'search', '--product', 'public001', '--all']), '')
    expect(found.apiKeys).toContainEqual(expect.objectContaining({ apiKeyId: key.apiKeyId, status: 'ACCEPTED' }))
  })

  test('a protected product waits for approval: REQUEST, then approve makes it ACCEPTED and reject REJECTED', async () => {
    const key = gw().seedKey({ apiKeyName: 'to-protected' })
    parsed(await cli(['api-key', 'subscribe', key.apiKeyId, '--product', 'protect01']), '')
    expect(await statusOn(key.apiKeyId, 'protect01')).toBe('REQUEST')
    // The publisher's view: the waiting key with its values, masked.
    const waiting = parsed<{ content: { apiKeyId: string; primaryKey: string; secondaryKey: string }[] }>(await cli(['product', 'api-keys', 'protect01', '--status', 'REQUEST', '--all']))
    expect(waiting.content).toContainEqual(expect.objectContaining({ apiKeyId: key.apiKeyId, primaryKey: masked(key.primaryKey), secondaryKey: masked(key.secondaryKey) }))
    expect(parsed(await cli(['product', 'approve', 'protect01', key.apiKeyId]), '')).toEqual({ productId: 'protect01', apiKeyId: key.apiKeyId, status: 'ACCEPTED' })
    expect(await statusOn(key.apiKeyId, 'protect01')).toBe('ACCEPTED')
    parsed(await cli(['product', 'reject', 'protect01', key.apiKeyId]), '')
    expect(await statusOn(key.apiKeyId, 'protect01')).toBe('REJECTED')
  })

  test('product api-keys --key-value finds the key by a value, and --show-secrets prints the values', async () => {
    const key = gw().seedKey({ apiKeyName: 'by-value' })
    parsed(await cli(['api-key', 'subscribe', key.apiKeyId, '--product', 'public001']), '')
    const found = parsed<{ content: { apiKeyId: string; primaryKey: string }[] }>(await cli(['product', 'api-keys', 'public001', '--key-value', key.secondaryKey, '--show-secrets']), '')
    expect(found.content).toEqual([expect.objectContaining({ apiKeyId: key.apiKeyId, primaryKey: key.primaryKey })])
  })

  test('subscriptions lists the stages with a usage plan; usage-plan changes it, only to one of the stage\'s plans', async () => {
    const key = gw().seedKey({ apiKeyName: 'planned' })
    parsed(await cli(['api-key', 'subscribe', key.apiKeyId, '--product', 'protect01']), '')
    parsed(await cli(['product', 'approve', 'protect01', key.apiKeyId]), '')
    const stages = parsed<{ content: { stageId: string; usagePlanId: string; dayCallCount: number }[] }>(await cli(['api-key', 'subscriptions', key.apiKeyId, '--product', 'protect01', '--all']), '')
    expect(stages.content.map((s) => s.stageId).sort()).toEqual(['stage2', 'stage3'])
    expect(stages.content.every((s) => s.dayCallCount === 0)).toBe(true)
    parsed(await cli(['product', 'usage-plan', 'protect01', key.apiKeyId, 'stage3', '--plan', 'plan3b']), '')
    const after = parsed<{ content: { stageId: string; usagePlanId: string }[] }>(await cli(['api-key', 'subscriptions', key.apiKeyId, '--product', 'protect01', '--stage', 'stage3']), '')
    expect(after.content).toEqual([expect.objectContaining({ stageId: 'stage3', usagePlanId: 'plan3b' })])
    const wrong = await cli(['product', 'usage-plan', 'protect01', key.apiKeyId, 'stage3', '--plan', 'plan2a'])
    expect(wrong.code).toBe(exitCodes.api)
  })

  test('unsubscribe --yes ends the relation; an unknown product is the API\'s 404', async () => {
    const key = gw().seedKey({ apiKeyName: 'leaving' })
    parsed(await cli(['api-key', 'subscribe', key.apiKeyId, '--product', 'public001']), '')
    expect(parsed(await cli(['api-key', 'unsubscribe', key.apiKeyId, '--product', 'public001', '--yes']), '')).toEqual({ apiKeyId: key.apiKeyId, productId: 'public001', unsubscribed: true })
    expect(await statusOn(key.apiKeyId, 'public001')).toBeUndefined()
    const unknown = await cli(['api-key', 'subscribe', key.apiKeyId, '--product', 'nosuchprod'])
    expect(unknown.code).toBe(exitCodes.api)
    expect(JSON.parse(unknown.stderr).error).toMatchObject({ status: 404 })
  })

  noSecretsLeaked(harness, { runs: 15, shown: true })
})

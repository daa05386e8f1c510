// What a fake holds from the start (keys, products, subscriptions), how a test sees it, and how a
// seed the API could not serve is refused, naming the field.
import { afterEach, describe, expect, test } from 'vitest'
import { payments, weather } from '../test/products.js'
import { startFakeApiGateway, type FakeApiGateway, type FakeApiGatewayOptions, type FakeProduct } from './index.js'

let gw: FakeApiGateway | undefined
afterEach(async () => {
  await gw?.close()
  gw = undefined
})

const start = async (options: FakeApiGatewayOptions) => {
  gw = await startFakeApiGateway(options)
  return { gw }
}

describe('seeded from the options', () => {
  test('products, keys and subscriptions are there from the start, read-only and frozen', async () => {
    const fake = await start({
      products: [weather, payments],
      keys: [{ apiKeyId: 'key0000001', apiKeyName: 'ci-bot' }, { apiKeyId: 'key0000002', apiKeyName: 'web' }],
      subscriptions: [
        { apiKeyId: 'key0000001', productId: 'payments01' },
        { apiKeyId: 'key0000002', productId: 'weather001', status: 'REJECTED', usagePlans: { 'fc-prod': 'premium' } },
      ],
    })
    const { gw } = fake
    expect([...gw.products.keys()]).toEqual(['weather001', 'payments01'])
    expect(gw.products.get('payments01')).toEqual(payments)
    expect(gw.products.get('payments01')).not.toBe(payments)
    expect(Object.isFrozen(gw.products.get('weather001')?.stages[0]?.usagePlans[0])).toBe(true)
    expect('set' in gw.products).toBe(false)
    expect([...gw.keys.keys()]).toEqual(['key0000001', 'key0000002'])
    expect(gw.subscriptions).toMatchObject([
      { apiKeyId: 'key0000001', productId: 'payments01', status: 'REQUEST', usagePlans: { 'pay-prod': 'metered' } },
      { apiKeyId: 'key0000002', productId: 'weather001', status: 'REJECTED', usagePlans: { 'fc-prod': 'premium', 'al-prod': 'alerts' } },
    ])
    // A snapshot per read: a test's copy never changes under it.
    const snapshot = gw.subscriptions
    gw.seedKey()
    expect(gw.subscriptions).not.toBe(snapshot)
    expect(Object.isFrozen(snapshot[0])).toBe(true)
  })

  test('without options a fake holds nothing', async () => {
    const fake = await start({})
    expect([fake.gw.keys.size, fake.gw.products.size, fake.gw.subscriptions]).toEqual([0, 0, []])
  })
})

const product = (change: object): FakeProduct => ({ ...weather, ...change }) as FakeProduct
const stage = (change: object) => product({ stages: [{ ...weather.stages[0], ...change }] })

describe('a seed the API could not serve is refused when starting, naming the field', () => {
  test.each<[string, FakeApiGatewayOptions, RegExp]>([
    ['products that are not an array', { products: {} as never }, /^products must be an array of products, got object$/],
    ['a product without an id', { products: [product({ productId: undefined })] }, /^products\[0\]\.productId must be a string of 1 to 10 characters, got nothing$/],
    ['a product id too long for its path parameter', { products: [product({ productId: 'x'.repeat(11) })] }, /^products\[0\]\.productId must be a string of 1 to 10 characters, got 11 characters$/],
    ['a subscription code NCP does not have', { products: [product({ subscriptionCode: 'PRIVATE' })] }, /^products\[0\]\.subscriptionCode must be one of PUBLIC, PROTECTED$/],
    ['an empty product name', { products: [product({ productName: '' })] }, /^products\[0\]\.productName must be a string of at least 1 character, got 0 characters$/],
    ['a field the seed does not have', { products: [product({ publisherId: 'me' })] }, /^products\[0\]\.publisherId must be absent: the fields are productId, productName, productDescription, subscriptionCode, stages$/],
    ['a stage without an id', { products: [stage({ stageId: undefined })] }, /^products\[0\]\.stages\[0\]\.stageId must be a string of 1 to 10 characters, got nothing$/],
    ['a usage plan id too long', { products: [stage({ usagePlans: [{ usagePlanId: 'x'.repeat(11), usagePlanName: 'n' }] })] }, /^products\[0\]\.stages\[0\]\.usagePlans\[0\]\.usagePlanId must be a string of 1 to 10 characters, got 11 characters$/],
    ['a product id given twice', { products: [weather, weather] }, /^products: productId "weather001" is given twice$/],
    ['a stage id given twice in a product', { products: [product({ stages: [weather.stages[0], weather.stages[0]] })] }, /^products\[0\]\.stages: stageId "fc-prod" is given twice in the product$/],
    ['one API with two names', { products: [product({ stages: [weather.stages[0], { ...weather.stages[1], apiName: 'other' }] })] }, /^products\[0\]\.stages\[0\]\.apiName: the API "forecast01" is named both "other" and "forecast"$/],
    ['a usage plan given twice in a stage', { products: [stage({ usagePlans: [{ usagePlanId: 'p', usagePlanName: 'a' }, { usagePlanId: 'p', usagePlanName: 'b' }] })] }, /usagePlans: usagePlanId "p" is given twice in the stage$/],
    ['a key the API could not answer', { keys: [{ apiKeyName: 'x'.repeat(21) }] }, /^keys\[0\]: apiKeyName must be a string of 1 to 20 characters, got 21 characters$/],
    ['a subscription of an unknown key', { products: [weather], subscriptions: [{ apiKeyId: 'nosuch', productId: 'weather001' }] }, /^subscriptions\[0\]\.apiKeyId: no API key with apiKeyId "nosuch": seed it first \(the keys option\)$/],
    ['a subscription to an unknown product', { keys: [{ apiKeyId: 'k' }], subscriptions: [{ apiKeyId: 'k', productId: 'nosuch' }] }, /^subscriptions\[0\]\.productId: no product with productId "nosuch" among the products$/],
    ['a status NCP does not have', { keys: [{ apiKeyId: 'k' }], products: [weather], subscriptions: [{ apiKeyId: 'k', productId: 'weather001', status: 'OK' as never }] }, /^subscriptions\[0\]\.status: must be one of REQUEST, DENY, ACCEPTED, REJECTED, BLOCKED_REQUEST, got "OK"$/],
    ['a usage plan of another stage', { keys: [{ apiKeyId: 'k' }], products: [weather], subscriptions: [{ apiKeyId: 'k', productId: 'weather001', usagePlans: { 'fc-prod': 'alerts' } }] }, /^subscriptions\[0\]\.usagePlans\["fc-prod"\]: the stage has no usage plan with usagePlanId "alerts"$/],
    ['a usage plan of an unknown stage', { keys: [{ apiKeyId: 'k' }], products: [weather], subscriptions: [{ apiKeyId: 'k', productId: 'weather001', usagePlans: { nosuch: 'basic' } }] }, /^subscriptions\[0\]\.usagePlans\["nosuch"\]: the product has no stage with stageId "nosuch"$/],
    ['a subscription given twice', { keys: [{ apiKeyId: 'k' }], products: [weather], subscriptions: [{ apiKeyId: 'k', productId: 'weather001' }, { apiKeyId: 'k', productId: 'weather001' }] }, /^subscriptions\[1\]: the API key "k" is given twice for the product "weather001"$/],
  ])('%s', async (_what, options, message) => {
    await expect(startFakeApiGateway(options)).rejects.toThrow(message)
  })

  test('seedKey refuses a key the API could not answer, naming the field', async () => {
    const fake = await start({})
    expect(() => fake.gw.seedKey({ isEnabled: 'yes' as never })).toThrow(/^seedKey: isEnabled must be true or false, got a string$/)
    expect(fake.gw.keys.size).toBe(0)
  })
})

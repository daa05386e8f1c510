// The products resource: subscriptions, approval and usage plans, and every choice the fake makes
// where NCP's pages are silent (each one the README lists under "Products and subscriptions").
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { ncpFetch } from '../test/ncp-fetch.js'
import { payments, weather } from '../test/products.js'
import { startFakeApiGateway, TEST_CREDENTIALS, type FakeApiGateway } from './index.js'

let gw: FakeApiGateway
let clock: number
beforeEach(async () => {
  clock = Date.UTC(2024, 4, 7, 8, 8, 51)
  gw = await startFakeApiGateway({ now: () => clock, products: [weather, payments] })
})
afterEach(async () => {
  await gw.close()
})

const at = (ms: number) => new Date(ms).toISOString()
async function call(method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> {
  const res = await ncpFetch(gw.url, TEST_CREDENTIALS, method, path, { timestamp: String(clock), ...(body === undefined ? {} : { body }) })
  const text = await res.text()
  return { status: res.status, body: text === '' ? undefined : JSON.parse(text) }
}
const subscribe = (apiKeyId: string, productId: string) => call('POST', `/api-keys/${apiKeyId}/subscribe`, { productId })
const unsubscribe = (apiKeyId: string, productId: string) => call('POST', `/api-keys/${apiKeyId}/unsubscribe`, { productId })
const decide = (productId: string, apiKeyId: string, status: string) => call('PATCH', `/products/${productId}/api-keys/${apiKeyId}`, { status })
const plan = (productId: string, apiKeyId: string, stageId: string, usagePlanId: string) =>
  call('PUT', `/products/${productId}/api-keys/${apiKeyId}/stages/${stageId}`, { usagePlanId })
const details = (answer: { body: any }) => (answer.body as { error: { details: string } }).error.details

describe('subscribing', () => {
  test('to a PUBLIC product: 200 with no body, the relation ACCEPTED, each stage on its first usage plan', async () => {
    const key = gw.seedKey()
    expect(await subscribe(key.apiKeyId, 'weather001')).toEqual({ status: 200, body: undefined })
    expect(gw.subscriptions).toEqual([
      { apiKeyId: key.apiKeyId, productId: 'weather001', status: 'ACCEPTED', usagePlans: { 'fc-prod': 'basic', 'al-prod': 'alerts' }, regTime: at(clock), modTime: at(clock) },
    ])
    expect(Object.isFrozen(gw.subscriptions[0])).toBe(true)
  })

  test('to a PROTECTED product: the relation waits for approval, REQUEST', async () => {
    const key = gw.seedKey()
    await subscribe(key.apiKeyId, 'payments01')
    expect(gw.subscriptions).toMatchObject([{ productId: 'payments01', status: 'REQUEST', usagePlans: { 'pay-prod': 'metered' } }])
  })

  test('to an unknown product: 404 naming productId, nothing changes', async () => {
    const key = gw.seedKey()
    const answer = await subscribe(key.apiKeyId, 'nosuch')
    expect(answer.status).toBe(404)
    expect(answer.body.error).toEqual({ errorCode: '300', message: 'Not Found Exception', details: 'no product with productId "nosuch"' })
    expect(gw.subscriptions).toEqual([])
  })

  test('a second subscribe to the same product answers 200 and changes nothing, even a rejected relation', async () => {
    const key = gw.seedKey()
    await subscribe(key.apiKeyId, 'payments01')
    clock += 1_000
    await decide('payments01', key.apiKeyId, 'REJECTED')
    const before = gw.subscriptions
    clock += 1_000
    expect((await subscribe(key.apiKeyId, 'payments01')).status).toBe(200)
    expect(gw.subscriptions).toEqual(before)
    expect(gw.subscriptions[0]?.status).toBe('REJECTED')
  })

  test('unsubscribing removes the relation; a key that is not subscribed is a 404; subscribing again starts afresh, last in order', async () => {
    const [a, b] = [gw.seedKey(), gw.seedKey()]
    await subscribe(a.apiKeyId, 'weather001')
    await subscribe(b.apiKeyId, 'weather001')
    expect(await unsubscribe(a.apiKeyId, 'weather001')).toEqual({ status: 200, body: undefined })
    expect(gw.subscriptions.map((s) => s.apiKeyId)).toEqual([b.apiKeyId])
    const again = await unsubscribe(a.apiKeyId, 'weather001')
    expect(again.status).toBe(404)
    expect(details(again)).toBe(`the API key "${a.apiKeyId}" is not subscribed to the product "weather001"`)
    expect(details(await unsubscribe(a.apiKeyId, 'nosuch'))).toBe('no product with productId "nosuch"')
    clock += 5_000
    await subscribe(a.apiKeyId, 'weather001')
    expect(gw.subscriptions.map((s) => [s.apiKeyId, s.regTime])).toEqual([[b.apiKeyId, at(clock - 5_000)], [a.apiKeyId, at(clock)]])
  })

  test('deleting a key drops its relations, and only its own', async () => {
    const [a, b] = [gw.seedKey(), gw.seedKey()]
    for (const product of ['weather001', 'payments01']) {
      await subscribe(a.apiKeyId, product)
      await subscribe(b.apiKeyId, product)
    }
    expect((await call('DELETE', `/api-keys/${a.apiKeyId}`)).status).toBe(204)
    expect(gw.subscriptions.map((s) => [s.apiKeyId, s.productId])).toEqual([[b.apiKeyId, 'weather001'], [b.apiKeyId, 'payments01']])
  })
})

describe('approving and rejecting', () => {
  test('the status change sets ACCEPTED or REJECTED (204, no body), moving modTime; the same status again changes nothing', async () => {
    const key = gw.seedKey()
    await subscribe(key.apiKeyId, 'payments01')
    clock += 60_000
    expect(await decide('payments01', key.apiKeyId, 'ACCEPTED')).toEqual({ status: 204, body: undefined })
    expect(gw.subscriptions[0]).toMatchObject({ status: 'ACCEPTED', regTime: at(clock - 60_000), modTime: at(clock) })
    clock += 60_000
    await decide('payments01', key.apiKeyId, 'REJECTED')
    expect(gw.subscriptions[0]).toMatchObject({ status: 'REJECTED', modTime: at(clock) })
    clock += 60_000
    await decide('payments01', key.apiKeyId, 'REJECTED')
    expect(gw.subscriptions[0]?.modTime).toBe(at(clock - 60_000))
  })

  test.each(['REQUEST', 'DENY', 'BLOCKED_REQUEST'])('%s cannot be set: 400 listing the two that can', async (status) => {
    const key = gw.seedKey()
    await subscribe(key.apiKeyId, 'payments01')
    const answer = await decide('payments01', key.apiKeyId, status)
    expect(answer.status).toBe(400)
    expect(details(answer)).toBe('status must be one of ACCEPTED, REJECTED')
  })

  test('a key with no relation to the product is a 404; so is an unknown product or key, naming the path parameter', async () => {
    const key = gw.seedKey()
    expect(details(await decide('payments01', key.apiKeyId, 'ACCEPTED'))).toBe(`the API key "${key.apiKeyId}" is not subscribed to the product "payments01"`)
    expect(details(await decide('nosuch', key.apiKeyId, 'ACCEPTED'))).toBe('no product with product-id "nosuch"')
    expect(details(await decide('payments01', 'nosuch', 'ACCEPTED'))).toBe('no API key with api-key-id "nosuch"')
    expect(gw.subscriptions).toEqual([])
  })
})

describe('usage plans', () => {
  test("a key's plan on a stage becomes another of the stage's plans (204), moving modTime", async () => {
    const key = gw.seedKey()
    await subscribe(key.apiKeyId, 'weather001')
    clock += 1_000
    expect(await plan('weather001', key.apiKeyId, 'fc-prod', 'premium')).toEqual({ status: 204, body: undefined })
    expect(gw.subscriptions[0]).toMatchObject({ usagePlans: { 'fc-prod': 'premium', 'al-prod': 'alerts' }, modTime: at(clock) })
  })

  test("a plan that is not one of the stage's is a 404 listing the stage's plans, even another stage's", async () => {
    const key = gw.seedKey()
    await subscribe(key.apiKeyId, 'weather001')
    const answer = await plan('weather001', key.apiKeyId, 'fc-prod', 'alerts')
    expect(answer.status).toBe(404)
    expect(details(answer)).toBe('the stage "fc-prod" has no usage plan with usagePlanId "alerts"; its usage plans are basic, premium')
    expect(details(await plan('weather001', key.apiKeyId, 'fc-beta', 'basic'))).toBe('the stage "fc-beta" has no usage plan with usagePlanId "basic"; its usage plans are none')
    expect(gw.subscriptions[0]?.usagePlans).toEqual({ 'fc-prod': 'basic', 'al-prod': 'alerts' })
  })

  test("an unknown stage, or another product's, is a 404 naming stage-id; a key with no relation is a 404 too", async () => {
    const key = gw.seedKey()
    await subscribe(key.apiKeyId, 'weather001')
    expect(details(await plan('weather001', key.apiKeyId, 'pay-prod', 'metered'))).toBe('no stage in the product with stage-id "pay-prod"')
    expect(details(await plan('payments01', key.apiKeyId, 'pay-prod', 'metered'))).toBe(`the API key "${key.apiKeyId}" is not subscribed to the product "payments01"`)
  })

  test('a pending (REQUEST) or rejected relation can have its plan changed too', async () => {
    const key = gw.seedKey()
    await subscribe(key.apiKeyId, 'payments01')
    expect((await plan('payments01', key.apiKeyId, 'pay-prod', 'metered')).status).toBe(204)
  })
})

describe('what lists and searches answer', () => {
  test("a key's products: its relations oldest first, with the product's fields; the account is the publisher", async () => {
    const key = gw.seedKey()
    await subscribe(key.apiKeyId, 'payments01')
    clock += 1_000
    await subscribe(key.apiKeyId, 'weather001')
    const { body } = await call('GET', `/api-keys/${key.apiKeyId}/products`)
    expect(body).toEqual({
      apiKeyRelateProductDtos: [
        { productId: 'payments01', productName: 'Payments', productDescription: 'card payments', publisherId: key.tenantId, status: 'REQUEST', regTime: at(clock - 1_000), modTime: at(clock - 1_000), isSelfProduct: true },
        { productId: 'weather001', productName: 'Weather', publisherId: key.tenantId, status: 'ACCEPTED', regTime: at(clock), modTime: at(clock), isSelfProduct: true },
      ],
      total: 2,
    })
    expect((await call('GET', `/api-keys/${gw.seedKey().apiKeyId}/products`)).body).toEqual({ apiKeyRelateProductDtos: [], total: 0 })
  })

  test("a key's subscriptions: one item per stage with a usage plan, in the product's order, counts 0; apiId and stageId filter", async () => {
    const key = gw.seedKey({ apiKeyName: 'ci-bot' })
    await subscribe(key.apiKeyId, 'weather001')
    const common = { apiKeyId: key.apiKeyId, apiKeyName: 'ci-bot', regTime: at(clock), modTime: at(clock), dayCallCount: 0, monthCallCount: 0, domainCode: 'PUB' }
    const all = await call('GET', `/api-keys/${key.apiKeyId}/subscription-detail?productId=weather001`)
    expect(all.body).toEqual({
      apiKeyRelations: {
        content: [
          { apiId: 'forecast01', apiName: 'forecast', stageId: 'fc-prod', stageName: 'prod', ...common, usagePlanId: 'basic', usagePlanName: 'Basic' },
          { apiId: 'alerts0001', apiName: 'alerts', stageId: 'al-prod', stageName: 'prod', ...common, usagePlanId: 'alerts', usagePlanName: 'Alerts' },
        ],
        total: 2,
      },
    })
    const stages = async (query: string) =>
      ((await call('GET', `/api-keys/${key.apiKeyId}/subscription-detail?productId=weather001&${query}`)).body.apiKeyRelations.content as { stageId: string }[]).map((s) => s.stageId)
    expect(await stages('apiId=alerts0001')).toEqual(['al-prod'])
    expect(await stages('stageId=fc-prod')).toEqual(['fc-prod'])
    expect(await stages('apiId=alerts0001&stageId=fc-prod')).toEqual([])
    expect(await stages('apiId=&stageId=')).toEqual(['fc-prod', 'al-prod'])
    expect(await stages('apiId=nosuch')).toEqual([])
  })

  test("a key's subscriptions to a product it has no relation with: none; an unknown product is a 404; no product is a 400", async () => {
    const key = gw.seedKey()
    expect((await call('GET', `/api-keys/${key.apiKeyId}/subscription-detail?productId=weather001`)).body).toEqual({ apiKeyRelations: { content: [], total: 0 } })
    expect(details(await call('GET', `/api-keys/${key.apiKeyId}/subscription-detail?productId=nosuch`))).toBe('no product with productId "nosuch"')
    const none = await call('GET', `/api-keys/${key.apiKeyId}/subscription-detail`)
    expect(none.status).toBe(400)
    expect(details(none)).toBe('productId must be a string of 1 to 10 characters, got nothing')
  })

  test("searching keys by product: the product's relations, oldest first, by name (a substring) and status", async () => {
    const keys = ['ci-bot', 'ci-deploy', 'web'].map((apiKeyName) => gw.seedKey({ apiKeyName, apiKeyDescription: `the ${apiKeyName} key` }))
    for (const key of keys) await subscribe(key.apiKeyId, 'payments01')
    await decide('payments01', keys[1]!.apiKeyId, 'ACCEPTED')
    await subscribe(gw.seedKey({ apiKeyName: 'ci-elsewhere' }).apiKeyId, 'weather001')
    const search = async (body: object) => (await call('POST', '/api-keys/search', { productId: 'payments01', ...body })).body
    expect(await search({})).toEqual({
      apiKeys: keys.map((k, i) => ({ apiKeyId: k.apiKeyId, apiKeyName: k.apiKeyName, apiKeyDescription: k.apiKeyDescription, status: i === 1 ? 'ACCEPTED' : 'REQUEST' })),
      total: 3,
    })
    const names = async (body: object) => ((await search(body)).apiKeys as { apiKeyName: string }[]).map((k) => k.apiKeyName)
    expect(await names({ apiKeyName: 'ci-' })).toEqual(['ci-bot', 'ci-deploy'])
    expect(await names({ apiKeyName: 'CI' })).toEqual([])
    expect(await names({ statusSet: ['REQUEST'] })).toEqual(['ci-bot', 'web'])
    expect(await names({ statusSet: ['ACCEPTED', 'REJECTED'] })).toEqual(['ci-deploy'])
    expect(await names({ statusSet: [] })).toEqual(['ci-bot', 'ci-deploy', 'web'])
    expect(details(await call('POST', '/api-keys/search', { productId: 'nosuch' }))).toBe('no product with productId "nosuch"')
  })

  test("searching a product's keys: their values and status; apiKeyId and apiKeyValue match exactly, either value, '' as absent", async () => {
    const [a, b] = [gw.seedKey(), gw.seedKey()]
    await subscribe(a.apiKeyId, 'payments01')
    await subscribe(b.apiKeyId, 'payments01')
    await decide('payments01', b.apiKeyId, 'REJECTED')
    const search = async (body: object) => (await call('POST', '/products/payments01/api-keys/search', body)).body
    const item = (key: typeof a, status: string) => ({ apiKeyId: key.apiKeyId, apiKeyName: key.apiKeyName, primaryKey: key.primaryKey, secondaryKey: key.secondaryKey, status, regTime: at(clock), modTime: expect.any(String), domainCode: 'PUB' })
    expect(await search({})).toEqual({ apiKeyPage: { content: [item(a, 'REQUEST'), item(b, 'REJECTED')], total: 2 } })
    const ids = async (body: object) => ((await search(body)).apiKeyPage.content as { apiKeyId: string }[]).map((k) => k.apiKeyId)
    expect(await ids({ apiKeyId: b.apiKeyId })).toEqual([b.apiKeyId])
    expect(await ids({ apiKeyValue: a.secondaryKey })).toEqual([a.apiKeyId])
    expect(await ids({ apiKeyValue: a.primaryKey.slice(0, 10) })).toEqual([])
    expect(await ids({ statusSet: ['REJECTED'] })).toEqual([b.apiKeyId])
    expect(await ids({ apiKeyId: '', apiKeyValue: '' })).toEqual([a.apiKeyId, b.apiKeyId])
    expect(await ids({ apiKeyId: b.apiKeyId, statusSet: ['REQUEST'] })).toEqual([])
  })
})

// Every operation that answers a page (the table's `page`) honours offset and limit, and reports
// the total across pages, in a world with several items in each list.
import { operationIds, operations, type OperationId } from '@ncloud-apigw/operations'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { exampleCall, exampleRequests, send } from '../test/example-requests.js'
import { payments, weather } from '../test/products.js'
import { startFakeApiGateway, type FakeApiGateway } from './index.js'

const keyIds = ['key0000001', 'key0000002', 'key0000003', 'key0000004', 'key0000005']
const products = [weather, payments, { ...weather, productId: 'weather002' }, { ...payments, productId: 'payments02' }]

let gw: FakeApiGateway
beforeAll(async () => {
  gw = await startFakeApiGateway({
    products,
    keys: keyIds.map((apiKeyId) => ({ apiKeyId })),
    // Every key to every product: five keys per product, four products per key.
    subscriptions: keyIds.flatMap((apiKeyId) => products.map(({ productId }) => ({ apiKeyId, productId }))),
  })
})
afterAll(async () => {
  await gw.close()
})

/** What names an item of this world, by parameter or field name: the rest of an example's filters are dropped. */
const ids: Readonly<Record<string, string>> = { 'api-key-id': 'key0000001', 'product-id': 'weather001', productId: 'weather001' }
const ofIds = (values: object | undefined) => Object.fromEntries(Object.keys(values ?? {}).filter((name) => name in ids).map((name) => [name, ids[name]!]))

const paged = operationIds.filter((id) => operations[id].page !== undefined)

/** The items and total of a page answer, wherever the table says they are. */
async function page(id: OperationId, at: { offset?: number; limit?: number } = {}): Promise<{ items: unknown[]; total: number }> {
  const { page: where, unwrap, pathParams } = operations[id]
  const example = exampleRequests[id] as { query?: object; body?: object }
  const request = exampleCall(id, {
    pathParams: ofIds(pathParams),
    // The example's parts without its filters, the ids this world's, the page asked for where the table says.
    query: { ...ofIds(example.query), ...(where!.in === 'query' ? at : {}) },
    ...(example.body === undefined ? {} : { body: { ...ofIds(example.body), ...(where!.in === 'body' ? at : {}) } }),
  })
  const res = await send(gw, request)
  expect(res.status, await res.clone().text()).toBe(operations[id].success)
  const body = (unwrap as readonly string[]).reduce<Record<string, unknown>>((value, field) => value[field] as Record<string, unknown>, (await res.json()) as Record<string, unknown>)
  return { items: body[where!.items] as unknown[], total: body[where!.total] as number }
}

describe.each(paged)('%s honours offset and limit', (id) => {
  test('without them, every item, and total counts them', async () => {
    const { items, total } = await page(id)
    expect(items.length).toBeGreaterThanOrEqual(2)
    expect(total).toBe(items.length)
  })

  test('pages of two walk every item once, in order, each reporting the same total', async () => {
    const all = await page(id)
    const walked: unknown[] = []
    for (let offset = 0; offset < all.total; offset += 2) {
      const { items, total } = await page(id, { offset, limit: 2 })
      expect(total).toBe(all.total)
      expect(items.length).toBe(Math.min(2, all.total - offset))
      walked.push(...items)
    }
    expect(walked).toEqual(all.items)
  })

  test('an offset past the end: no items, the same total; a limit alone: the first items', async () => {
    const all = await page(id)
    expect(await page(id, { offset: all.total })).toEqual({ items: [], total: all.total })
    expect(await page(id, { limit: 1 })).toEqual({ items: all.items.slice(0, 1), total: all.total })
  })
})

import { exampleAnswers, operations } from '@ncloud-apigw/operations'
import { describe, expect, test } from 'vitest'
import { useScriptedGateway } from '../../../test/scripted-gateway.js'
import { exitCodes } from '../../exit-codes.js'

// search, products, subscribe, unsubscribe and subscriptions: what each sends and what it prints,
// against a scripted gateway (the fake API Gateway's products are tested in products.fake.test.ts).
const { gateway, cli, sent } = useScriptedGateway()

/** A page of `n` items from `offset`, as a scripted answer of the operation's page shape. */
const itemsFrom = (offset: number, n: number, make: (i: number) => object) => Array.from({ length: n }, (_, i) => make(offset + i))

describe('search', () => {
  test('sends the product, name, statuses and window in the body, and prints the page as the API answered it', async () => {
    const { result, requests } = await sent(['api-key', 'search', '--product', 'p1', '--name', 'ci', '--status', 'REQUEST', 'ACCEPTED', '--limit', '5', '--offset', '10'])
    expect(requests).toEqual([{ operationId: 'searchApiKeys', method: 'POST', pathParams: {}, query: {}, body: { productId: 'p1', apiKeyName: 'ci', statusSet: ['REQUEST', 'ACCEPTED'], offset: 10, limit: 5 } }])
    expect(result).toEqual({ code: exitCodes.ok, stdout: `${JSON.stringify(exampleAnswers.searchApiKeys, null, 2)}\n`, stderr: '' })
  })

  test('as a table: a row per key with its status, and the count of the page', async () => {
    const result = await cli(['api-key', 'search', '--product', 'p1', '--output', 'table'])
    const [header, row] = result.stdout.trimEnd().split('\n')
    expect(header!.split(/\s+/)).toEqual(['apiKeyId', 'apiKeyName', 'status', 'apiKeyDescription'])
    const [item] = exampleAnswers.searchApiKeys.apiKeys
    expect(row!.split(/\s{2,}/)).toEqual([item.apiKeyId, item.apiKeyName, item.status, item.apiKeyDescription])
    expect(result.stderr).toBe(`(1 API key of ${exampleAnswers.searchApiKeys.total}; --offset 1 for the next page, --all for every one)\n`)
  })

  test('--all walks the pages through the body, and prints every key with their number', async () => {
    gateway.answer('searchApiKeys', ({ body }) => {
      const { offset, limit } = body as { offset: number; limit: number }
      const n = Math.max(0, Math.min(limit, 150 - offset))
      return { body: { apiKeys: itemsFrom(offset, n, (i) => ({ apiKeyId: `k${i}`, apiKeyName: `key${i}`, status: 'ACCEPTED' })), total: 150 } }
    })
    const { result, requests } = await sent(['api-key', 'search', '--product', 'p1', '--all'])
    expect(requests.map((r) => r.body)).toEqual([
      { productId: 'p1', offset: 0, limit: 100 },
      { productId: 'p1', offset: 100, limit: 100 },
    ])
    const out = JSON.parse(result.stdout) as { apiKeys: { apiKeyId: string }[]; total: number }
    expect(out.total).toBe(150)
    expect(out.apiKeys.map((key) => key.apiKeyId)).toEqual(Array.from({ length: 150 }, (_, i) => `k${i}`))
  })

  test('a product ID beyond the spec\'s limit is a validation error naming --product, and nothing is sent', async () => {
    const { maxLength } = operations.searchApiKeys.body.properties.productId
    const { result, requests } = await sent(['api-key', 'search', '--product', 'p'.repeat(maxLength + 1), '--output', 'table'])
    expect(result.code).toBe(exitCodes.validation)
    expect(result.stderr).toMatch(/^ {2}option: +--product$/m)
    expect(requests).toEqual([])
  })
})

describe('products', () => {
  test('sends the window in the query and prints the page; a table shows a row per product', async () => {
    const { result, requests } = await sent(['api-key', 'products', 'k1', '--limit', '2'])
    expect(requests).toMatchObject([{ operationId: 'listApiKeyProducts', pathParams: { 'api-key-id': 'k1' }, query: { limit: '2' } }])
    expect(JSON.parse(result.stdout)).toEqual(exampleAnswers.listApiKeyProducts)
    const table = await cli(['api-key', 'products', 'k1', '--output', 'table'])
    const [header, row] = table.stdout.trimEnd().split('\n')
    expect(header!.split(/\s+/)).toEqual(['productId', 'productName', 'status', 'isSelfProduct', 'modTime', 'productDescription'])
    expect(row).toContain(exampleAnswers.listApiKeyProducts.apiKeyRelateProductDtos[0].productId)
    expect(table.stderr).toBe('(1 product)\n')
  })

  test('--all uses the query\'s offset and limit, page after page', async () => {
    gateway.answer('listApiKeyProducts', ({ query }) => {
      const offset = Number(query.offset)
      const items = itemsFrom(offset, Math.max(0, Math.min(Number(query.limit), 120 - offset)), (i) => ({
        productId: `p${i}`,
        productName: `product ${i}`,
        publisherId: 'me',
        status: 'ACCEPTED',
        regTime: '2024-05-07T08:08:51Z',
        modTime: '2024-05-07T08:08:51Z',
      }))
      return { body: { apiKeyRelateProductDtos: items, total: 120 } }
    })
    const { result, requests } = await sent(['api-key', 'products', 'k1', '--all', '--output', 'table'])
    expect(requests.map((r) => r.query)).toEqual([{ offset: '0', limit: '100' }, { offset: '100', limit: '100' }])
    expect(result.stdout.trimEnd().split('\n')).toHaveLength(121)
    expect(result.stderr).toBe('(120 products)\n')
  })
})

describe('subscribe and unsubscribe', () => {
  test('subscribe sends the product in the body and says so, as JSON and as a sentence', async () => {
    const { result, requests } = await sent(['api-key', 'subscribe', 'k1', '--product', 'p1'])
    expect(requests).toEqual([{ operationId: 'subscribeApiKey', method: 'POST', pathParams: { 'api-key-id': 'k1' }, query: {}, body: { productId: 'p1' } }])
    expect(result).toEqual({ code: exitCodes.ok, stdout: `${JSON.stringify({ apiKeyId: 'k1', productId: 'p1', subscribed: true }, null, 2)}\n`, stderr: '' })
    const table = await cli(['api-key', 'subscribe', 'k1', '--product', 'p1', '--output', 'table'])
    expect(table.stdout).toBe('Subscribed the API key "k1" to the product "p1"; its status there: ncloud-apigw api-key products "k1".\n')
  })

  test('unsubscribe --yes sends the product in the body and says so', async () => {
    const { result, requests } = await sent(['api-key', 'unsubscribe', 'k1', '--product', 'p1', '--yes'])
    expect(requests).toMatchObject([{ operationId: 'unsubscribeApiKey', pathParams: { 'api-key-id': 'k1' }, body: { productId: 'p1' } }])
    expect(JSON.parse(result.stdout)).toEqual({ apiKeyId: 'k1', productId: 'p1', unsubscribed: true })
  })

  test('unsubscribe without --yes and no terminal refuses (exit 2) and sends nothing', async () => {
    const { result, requests } = await sent(['api-key', 'unsubscribe', 'k1', '--product', 'p1'])
    expect(result.code).toBe(exitCodes.usage)
    expect(result.stderr).toContain('ncloud-apigw: unsubscribe ends the access of the API key "k1" to the product "p1"; pass --yes to confirm')
    expect(requests).toEqual([])
  })

  test('a 503 on subscribe, which is not repeated, says so (exit 5)', async () => {
    gateway.answer('subscribeApiKey', { status: 503, body: { error: { errorCode: '500', message: 'Endpoint Error' } } })
    const { result, requests } = await sent(['api-key', 'subscribe', 'k1', '--product', 'p1', '--output', 'table'])
    expect(result.code).toBe(exitCodes.api)
    expect(requests).toHaveLength(1)
    expect(result.stderr.split('\n')[0]).toMatch(/ Made 1 attempt: subscribeApiKey is not repeated, since a repeat could do it twice\.$/)
  })
})

describe('subscriptions', () => {
  test('sends the product, API and stage in the query, and prints the unwrapped page', async () => {
    const { result, requests } = await sent(['api-key', 'subscriptions', 'k1', '--product', 'p1', '--api', 'a1', '--stage', 's1'])
    expect(requests).toMatchObject([{ operationId: 'listApiKeySubscriptions', pathParams: { 'api-key-id': 'k1' }, query: { productId: 'p1', apiId: 'a1', stageId: 's1' } }])
    expect(JSON.parse(result.stdout)).toEqual(exampleAnswers.listApiKeySubscriptions.apiKeyRelations)
  })

  test('as a table: a row per stage with its usage plan and call counts', async () => {
    const result = await cli(['api-key', 'subscriptions', 'k1', '--product', 'p1', '--output', 'table'])
    const [header, row] = result.stdout.trimEnd().split('\n')
    expect(header!.split(/\s+/)).toEqual(['apiId', 'apiName', 'stageId', 'stageName', 'usagePlanId', 'usagePlanName', 'dayCallCount', 'monthCallCount'])
    const [item] = exampleAnswers.listApiKeySubscriptions.apiKeyRelations.content
    expect(row!.split(/\s+/)).toEqual([item.apiId, item.apiName, item.stageId, item.stageName, item.usagePlanId, item.usagePlanName, '0', '0'])
    expect(result.stderr).toBe('(1 stage)\n')
  })

  test('--all walks the pages with the filters kept', async () => {
    gateway.answer('listApiKeySubscriptions', { body: { apiKeyRelations: { content: [], total: 0 } } })
    const { result, requests } = await sent(['api-key', 'subscriptions', 'k1', '--product', 'p1', '--stage', 's1', '--all'])
    expect(requests.map((r) => r.query)).toEqual([{ productId: 'p1', stageId: 's1', offset: '0', limit: '100' }])
    expect(JSON.parse(result.stdout)).toEqual({ content: [], total: 0 })
  })
})

import { exampleAnswers, operations } from '@ncloud-apigw/operations'
import { describe, expect, test } from 'vitest'
import { maskNotice } from '../../../test/fake-cli.js'
import { useScriptedGateway } from '../../../test/scripted-gateway.js'
import { exitCodes } from '../../exit-codes.js'
import { commandModules } from '../index.js'

// The product commands: what each sends and what it prints, against a scripted gateway (the fake
// API Gateway's products are tested in products.fake.test.ts).
const { gateway, cli, sent } = useScriptedGateway()

// Key values as NCP's product search returns them: 40 characters, here each one distinct.
const value = (n: number, which: string) => `${which}${String(n).padStart(4, '0')}${'v'.repeat(36 - which.length)}`
const productKey = (n: number) => ({
  apiKeyId: `k${n}`,
  apiKeyName: `key${n}`,
  primaryKey: value(n, 'PRIM'),
  secondaryKey: value(n, 'SECO'),
  status: 'REQUEST',
  regTime: '2024-05-07T08:08:51Z',
  modTime: '2024-05-07T08:08:51Z',
  domainCode: 'PUB',
})

describe('product api-keys', () => {
  test('sends the key value, key ID and statuses in the body; prints the page with the key values masked, and says so', async () => {
    gateway.answer('searchProductApiKeys', { body: { apiKeyPage: { content: [productKey(1)], total: 1 } } })
    const { result, requests } = await sent(['product', 'api-keys', 'p1', '--key-value', value(1, 'PRIM'), '--api-key', 'k1', '--status', 'REQUEST'])
    expect(requests).toEqual([
      { operationId: 'searchProductApiKeys', method: 'POST', pathParams: { 'product-id': 'p1' }, query: {}, body: { apiKeyValue: value(1, 'PRIM'), apiKeyId: 'k1', statusSet: ['REQUEST'] } },
    ])
    expect(result.code).toBe(exitCodes.ok)
    expect(JSON.parse(result.stdout)).toEqual({ content: [{ ...productKey(1), primaryKey: 'PRIM****', secondaryKey: 'SECO****' }], total: 1 })
    expect(result.stderr).toBe(maskNotice())
    expect(result.stdout + result.stderr).not.toContain(value(1, 'PRIM'))
    expect(result.stdout + result.stderr).not.toContain(value(1, 'SECO'))
  })

  test('as a table, the key values are masked too, with the notice and the count on stderr', async () => {
    gateway.answer('searchProductApiKeys', { body: { apiKeyPage: { content: [productKey(1), productKey(2)], total: 2 } } })
    const result = await cli(['product', 'api-keys', 'p1', '--output', 'table'])
    const [header, ...rows] = result.stdout.trimEnd().split('\n')
    expect(header!.split(/\s+/)).toEqual(['apiKeyId', 'apiKeyName', 'status', 'primaryKey', 'secondaryKey', 'modTime'])
    expect(rows.map((row) => row.split(/\s+/))).toEqual([1, 2].map((n) => [`k${n}`, `key${n}`, 'REQUEST', 'PRIM****', 'SECO****', '2024-05-07T08:08:51Z']))
    expect(result.stderr).toBe('(2 API keys)\n(primaryKey and secondaryKey are masked; pass --show-secrets to print them)\n')
  })

  test('--show-secrets prints them in full, with no notice', async () => {
    gateway.answer('searchProductApiKeys', { body: { apiKeyPage: { content: [productKey(3)], total: 1 } } })
    const result = await cli(['product', 'api-keys', 'p1', '--show-secrets'])
    expect(result).toMatchObject({ code: exitCodes.ok, stderr: '' })
    expect(JSON.parse(result.stdout).content[0]).toEqual(productKey(3))
  })

  test('--all walks the pages through the body, every key value masked', async () => {
    gateway.answer('searchProductApiKeys', ({ body }) => {
      const { offset, limit } = body as { offset: number; limit: number }
      const content = Array.from({ length: Math.max(0, Math.min(limit, 130 - offset)) }, (_, i) => productKey(offset + i))
      return { body: { apiKeyPage: { content, total: 130 } } }
    })
    const { result, requests } = await sent(['product', 'api-keys', 'p1', '--status', 'REQUEST', 'ACCEPTED', '--all'])
    expect(requests.map((r) => r.body)).toEqual([
      { statusSet: ['REQUEST', 'ACCEPTED'], offset: 0, limit: 100 },
      { statusSet: ['REQUEST', 'ACCEPTED'], offset: 100, limit: 100 },
    ])
    const out = JSON.parse(result.stdout) as { content: { primaryKey: string }[]; total: number }
    expect(out.total).toBe(130)
    expect(new Set(out.content.map((key) => key.primaryKey))).toEqual(new Set(['PRIM****']))
    expect(result.stdout).not.toMatch(/PRIM\d{4}/)
  })

  test('the key value given is never printed, in an error or with --verbose', async () => {
    gateway.answer('searchProductApiKeys', { status: 404, body: { error: { errorCode: '300', message: 'Not Found Exception' } } })
    for (const output of ['json', 'table']) {
      const result = await cli(['product', 'api-keys', 'p1', '--key-value', value(9, 'GIVE'), '--verbose', '--output', output])
      expect(result.code).toBe(exitCodes.api)
      expect(result.stdout + result.stderr).not.toContain(value(9, 'GIVE'))
    }
  })
})

describe('approve and reject', () => {
  test.each([
    ['approve', 'ACCEPTED', 'Approved'],
    ['reject', 'REJECTED', 'Rejected'],
  ])('%s sends status %s for the key on the product, and says so', async (command, status, done) => {
    const { result, requests } = await sent(['product', command, 'p1', 'k1'])
    expect(requests).toEqual([{ operationId: 'updateProductApiKeyStatus', method: 'PATCH', pathParams: { 'product-id': 'p1', 'api-key-id': 'k1' }, query: {}, body: { status } }])
    expect(JSON.parse(result.stdout)).toEqual({ productId: 'p1', apiKeyId: 'k1', status })
    const table = await cli(['product', command, 'p1', 'k1', '--output', 'table'])
    expect(table).toEqual({ code: exitCodes.ok, stdout: `${done} the API key "k1" on the product "p1" (status ${status}).\n`, stderr: '' })
  })

  test('between them they set every status the spec lets a product set', async () => {
    const decisions: string[] = []
    for (const { name } of commandModules.filter((module) => module.operation === 'updateProductApiKeyStatus')) {
      const { requests } = await sent(['product', name, 'p1', 'k1'])
      decisions.push((requests[0]!.body as { status: string }).status)
    }
    expect(decisions.sort()).toEqual([...operations.updateProductApiKeyStatus.body.properties.status.enum].sort())
  })

  test('a product ID beyond the spec\'s limit is a validation error naming <product-id>, and nothing is sent', async () => {
    const { maxLength } = operations.updateProductApiKeyStatus.pathParams['product-id']
    const { result, requests } = await sent(['product', 'approve', 'p'.repeat(maxLength + 1), 'k1', '--output', 'table'])
    expect(result.code).toBe(exitCodes.validation)
    expect(result.stderr).toMatch(/^ {2}option: +<product-id>$/m)
    expect(requests).toEqual([])
  })
})

describe('usage-plan', () => {
  test('sends the plan for the key on the stage of the product, and says so', async () => {
    const { result, requests } = await sent(['product', 'usage-plan', 'p1', 'k1', 's1', '--plan', 'u1'])
    expect(requests).toEqual([{ operationId: 'updateApiKeyUsagePlan', method: 'PUT', pathParams: { 'product-id': 'p1', 'api-key-id': 'k1', 'stage-id': 's1' }, query: {}, body: { usagePlanId: 'u1' } }])
    expect(JSON.parse(result.stdout)).toEqual({ productId: 'p1', apiKeyId: 'k1', stageId: 's1', usagePlanId: 'u1' })
    const table = await cli(['product', 'usage-plan', 'p1', 'k1', 's1', '--plan', 'u1', '--output', 'table'])
    expect(table.stdout).toBe('The API key "k1" has the usage plan "u1" on the stage "s1" of the product "p1".\n')
  })

  test.each([
    ['--plan', ['p1', 'k1', 's1', '--plan', 'u'.repeat(operations.updateApiKeyUsagePlan.body.properties.usagePlanId.maxLength + 1)]],
    ['<stage-id>', ['p1', 'k1', 's'.repeat(operations.updateApiKeyUsagePlan.pathParams['stage-id'].maxLength + 1), '--plan', 'u1']],
  ])('a value beyond the spec\'s limit is a validation error naming %s, and nothing is sent', async (flag, args) => {
    const { result, requests } = await sent(['product', 'usage-plan', ...args])
    expect(result.code).toBe(exitCodes.validation)
    expect(JSON.parse(result.stderr).error.option).toBe(flag)
    expect(requests).toEqual([])
  })

  test('an unknown stage is the API\'s 404 (exit 5), with a hint naming the IDs', async () => {
    gateway.answer('updateApiKeyUsagePlan', { status: 404, body: { error: { errorCode: '300', message: 'Not Found Exception', details: 'no such stage' } } })
    const result = await cli(['product', 'usage-plan', 'p1', 'k1', 's9', '--plan', 'u1'])
    expect(result.code).toBe(exitCodes.api)
    expect(JSON.parse(result.stderr).error).toMatchObject({ status: 404, details: 'no such stage', message: expect.stringContaining('stage ID') })
  })
})

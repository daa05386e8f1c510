import { createApiKeyClient, createRawClient, NcpApiError } from '@ncloud-apigw/client'
import { operations } from '@ncloud-apigw/operations'
import { TEST_CREDENTIALS } from '@ncloud-apigw/testing'
import { afterEach, describe, expect, inject, test } from 'vitest'
import { runContractFlow } from './contract-flow.js'
import { violationRecorder } from './violations.js'

// Everything here goes client → `prism proxy --errors` → fake API Gateway: Prism checks each
// request against the spec before forwarding it, and each response before passing it back.
// One character over the spec's limits, from the table: a limit changed in the spec changes no case here.
const tooLongName = 'x'.repeat(operations.createApiKey.body.properties.apiKeyName.maxLength + 1)
const tooLongFilter = 'x'.repeat(operations.listApiKeys.query.apiKeyName.maxLength + 1)
const { offset, limit } = operations.listApiKeys.query

const proxyUrl = inject('proxyUrl')
const control = inject('fakeControlUrl')

function proxiedClient() {
  const recorder = violationRecorder()
  const apigw = createApiKeyClient({ baseUrl: proxyUrl, credentials: TEST_CREDENTIALS, fetch: recorder.fetch, maxAttempts: 1 })
  return { apigw, violations: recorder.violations }
}

/** What the fake behind the proxy received so far. */
interface UpstreamRequest {
  method: string
  operationId?: string
  status?: number
}

async function upstreamRequests(): Promise<UpstreamRequest[]> {
  return (await (await fetch(`${control}/requests`)).json()) as UpstreamRequest[]
}

async function injectFault(fault: object): Promise<void> {
  const response = await fetch(`${control}/faults`, { method: 'POST', body: JSON.stringify(fault) })
  expect(response.status, await response.text()).toBe(204)
}

afterEach(async () => {
  await fetch(`${control}/faults`, { method: 'DELETE' })
})

describe('prism proxy: the real flow passes the spec both ways', () => {
  test('create → get → list → update → regenerate → get → delete → get, with no violation from Prism', async () => {
    const { apigw, violations } = proxiedClient()
    const before = (await upstreamRequests()).length
    const steps = await runContractFlow(apigw)
    const called = steps.map((s) => s.operation)
    expect(called).toEqual(['createApiKey', 'getApiKey', 'listApiKeys', 'updateApiKey', 'regenerateApiKey', 'getApiKey', 'deleteApiKey', 'getApiKey'])
    expect(violations).toEqual([])
    // Each call reached the fake exactly once and got its operation's success status from the
    // spec (201 for create, 204 for delete), the last get the 404 of a deleted key: Prism
    // forwarded them all, both ways.
    const reached = (await upstreamRequests()).slice(before)
    expect(reached.map((r) => [r.operationId, r.status])).toEqual(
      called.map((operation, i) => [operation, i === called.length - 1 ? 404 : operations[operation].success]),
    )
  })
})

describe('prism proxy catches a client that breaks the spec (request side)', () => {
  // The raw client's types refuse these bodies too; `as never` gets them past the compiler, as a
  // client with a stale or hand-written model would.
  test.each([
    ['an apiKeyName over its limit', 'POST', { apiKeyName: tooLongName }, 'apiKeyName', 'maxLength'],
    ['an unknown field', 'POST', { apiKeyName: 'ci-bot', apiName: 'ci-bot' }, 'body', 'additionalProperties'],
    ['a missing isEnabled', 'PUT', { apiKeyName: 'ci-bot' }, 'body', 'required'],
    ['keyType TERTIARY', 'PATCH', { keyType: 'TERTIARY' }, 'keyType', 'enum'],
  ] as const)('%s is refused with 422 naming the field, and never forwarded', async (_what, method, body, field, code) => {
    const { apigw, violations } = proxiedClient()
    const raw = createRawClient(apigw)
    const before = (await upstreamRequests()).length
    const path = { 'api-key-id': 'cvcohvd2xj' }
    const { response } =
      method === 'POST'
        ? await raw.POST('/api-keys', { body: body as never })
        : method === 'PUT'
          ? await raw.PUT('/api-keys/{api-key-id}', { params: { path }, body: body as never })
          : await raw.PATCH('/api-keys/{api-key-id}', { params: { path }, body: body as never })
    expect(response.status).toBe(422)
    expect(violations).toContainEqual(expect.objectContaining({ code, location: expect.arrayContaining([field]) }))
    if (field === 'body') {
      const named = body && 'apiName' in body ? 'apiName' : 'isEnabled'
      expect(violations.map((v) => v.message).join('\n')).toContain(named)
    }
    expect((await upstreamRequests()).length).toBe(before)
  })
})

describe('prism proxy catches a client that breaks the spec (query side)', () => {
  test.each([
    [`limit ${limit.minimum - 1}`, { limit: limit.minimum - 1 }, 'limit'],
    [`offset ${offset.minimum - 1}`, { offset: offset.minimum - 1 }, 'offset'],
    ['an apiKeyName filter over its limit', { apiKeyName: tooLongFilter }, 'apiKeyName'],
  ] as const)('a list with %s is refused naming the parameter, and never forwarded', async (_what, query, parameter) => {
    const { apigw, violations } = proxiedClient()
    const before = (await upstreamRequests()).length
    const { response } = await createRawClient(apigw).GET('/api-keys', { params: { query: query as never } })
    expect([400, 422]).toContain(response.status)
    // Prism reports query parameter names in lower case.
    const where = violations.map((v) => v.location.map((part: string) => part.toLowerCase()))
    expect(where).toContainEqual(expect.arrayContaining(['query', parameter.toLowerCase()]))
    expect((await upstreamRequests()).length).toBe(before)
  })
})

describe('prism proxy catches a server that breaks the spec (response side)', () => {
  async function createKey() {
    return proxiedClient().apigw.createApiKey({ apiKeyName: 'response-check' })
  }

  test('a 200 whose API key lacks primaryKey is refused with 500 naming the field', async () => {
    const key = await createKey()
    const { primaryKey: _left, ...withoutPrimaryKey } = key
    await injectFault({ kind: 'status', status: 200, operationId: 'getApiKey', body: withoutPrimaryKey })
    const { apigw, violations } = proxiedClient()
    const error = await apigw.getApiKey(key.apiKeyId).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(NcpApiError)
    expect(error).toMatchObject({ status: 500 })
    expect(violations).toContainEqual(
      expect.objectContaining({ code: 'required', message: expect.stringContaining('primaryKey') }),
    )
  })

  test('a 200 whose isEnabled is a string is refused with 500 naming the field', async () => {
    const key = await createKey()
    await injectFault({ kind: 'status', status: 200, operationId: 'getApiKey', body: { ...key, isEnabled: 'yes' } })
    const { apigw, violations } = proxiedClient()
    await expect(apigw.getApiKey(key.apiKeyId)).rejects.toMatchObject({ name: 'NcpApiError', status: 500 })
    expect(violations).toContainEqual(
      expect.objectContaining({ code: 'type', location: expect.arrayContaining(['isEnabled']) }),
    )
  })

  test('a list whose item has isEnabled as a string is refused with 500 naming the field', async () => {
    const key = await createKey()
    const { primaryKey: _p, secondaryKey: _s, ...summary } = key
    await injectFault({ kind: 'status', status: 200, operationId: 'listApiKeys', body: { apiKeys: [{ ...summary, isEnabled: 'yes' }], total: 1, initialCount: 1 } })
    const { apigw, violations } = proxiedClient()
    await expect(apigw.listApiKeys()).rejects.toMatchObject({ name: 'NcpApiError', status: 500 })
    expect(violations).toContainEqual(expect.objectContaining({ code: 'type', location: expect.arrayContaining(['isEnabled']) }))
  })

  test('a delete answering 200 with a body, where the spec says 204, is refused', async () => {
    const key = await createKey()
    await injectFault({ kind: 'status', status: 200, operationId: 'deleteApiKey', body: { deleted: true } })
    const { apigw, violations } = proxiedClient()
    await expect(apigw.deleteApiKey(key.apiKeyId)).rejects.toMatchObject({ name: 'NcpApiError', status: 500 })
    expect(violations.length).toBeGreaterThan(0)
  })

  test('the same wrong answers pass untouched without the proxy: it is Prism that catches them', async () => {
    const key = await createKey()
    await injectFault({ kind: 'status', status: 200, operationId: 'getApiKey', body: { ...key, isEnabled: 'yes' } })
    // Straight to the fake (its URL is the proxy's upstream), signed like the client signs.
    const fake = createApiKeyClient({
      baseUrl: await fakeUrl(),
      credentials: TEST_CREDENTIALS,
      maxAttempts: 1,
    })
    const { data, response } = await createRawClient(fake).GET('/api-keys/{api-key-id}', { params: { path: { 'api-key-id': key.apiKeyId } } })
    expect(response.status).toBe(200)
    expect((data as { isEnabled: unknown }).isEnabled).toBe('yes')
  })
})

async function fakeUrl(): Promise<string> {
  return ((await (await fetch(`${control}/url`)).json()) as { url: string }).url
}

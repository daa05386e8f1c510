// The machinery holds every handler to the table: its answer is checked against the success
// schema before it is sent, and every path parameter has an owner that says whether it exists.
// Here the real resources are served with one handler broken at a time.
import type { OperationId, Schema } from '@ncloud-apigw/operations'
import { afterEach, describe, expect, test } from 'vitest'
import { exampleCall, operationIds, operations } from '../test/example-requests.js'
import { ncpFetch } from '../test/ncp-fetch.js'
import { Clock } from './clock.js'
import { Refusal, type Api, type Handler } from './handler.js'
import { exampleWorld, TEST_CREDENTIALS } from './index.js'
import { createResources } from './resources/index.js'
import { Gateway } from './server/gateway.js'

let gateway: Gateway | undefined
afterEach(async () => {
  await gateway?.close()
  gateway = undefined
})

/** A fake of the examples' world whose `id` handler is replaced. */
async function serving(id: OperationId, handler: Handler<OperationId>): Promise<Gateway> {
  const clock = new Clock()
  const { api } = createResources({ clock, tenantId: 'tenant', defaultAccessKey: TEST_CREDENTIALS.accessKey }, exampleWorld())
  const broken: Api = { owners: api.owners, handlers: { ...api.handlers, [id]: handler } }
  gateway = new Gateway({}, { api: broken, clock, secrets: new Map([[TEST_CREDENTIALS.accessKey, TEST_CREDENTIALS.secretKey]]) })
  await gateway.listen(0, '127.0.0.1')
  return gateway
}

async function answer(gw: Gateway, id: OperationId): Promise<{ status: number; details: string | undefined }> {
  const { method, path, body } = exampleCall(id)
  const res = await ncpFetch(gw.url, TEST_CREDENTIALS, method, path, body === undefined ? {} : { body })
  const text = await res.text()
  return { status: res.status, details: text ? (JSON.parse(text) as { error?: { details?: string } }).error?.details : undefined }
}

const answering = operationIds.filter((id) => operations[id].response !== undefined)
const silent = operationIds.filter((id) => operations[id].response === undefined)

describe("a handler's answer is held to the table's success schema", () => {
  test.each(answering)('%s: a handler that answers nothing makes the fake answer 500, saying so', async (id) => {
    const gw = await serving(id, () => undefined as never)
    expect(await answer(gw, id)).toEqual({ status: 500, details: expect.stringMatching(new RegExp(`^the fake's ${id} handler broke the answer's schema: the body must be an object`)) })
  })

  test.each(answering)('%s: an answer without a required field is a 500 naming the field', async (id) => {
    const [field] = (operations[id].response as Schema).required ?? []
    const real = createResources({ clock: new Clock(), tenantId: 't', defaultAccessKey: 'a' }, exampleWorld()).api.handlers[id] as Handler<OperationId>
    const gw = await serving(id, (input) => {
      const { [field as string]: _dropped, ...rest } = real(input) as unknown as Record<string, unknown>
      return rest as never
    })
    const { status, details } = await answer(gw, id)
    expect(status).toBe(500)
    expect(details).toMatch(new RegExp(`^the fake's ${id} handler broke the answer's schema: ${field} must be .+, got nothing$`))
  })

  test.each(silent)('%s: a handler that answers a body where the table has none makes the fake answer 500', async (id) => {
    const gw = await serving(id, () => ({ unexpected: true }) as never)
    expect(await answer(gw, id)).toEqual({ status: 500, details: `the fake's ${id} handler broke the answer's schema: the operation answers no body, yet the handler gave one` })
  })

  test('a Refusal becomes the NCP error answer of its status; any other throw a 500 naming the failure', async () => {
    const [id] = operationIds as [OperationId]
    let gw = await serving(id, () => {
      throw new Refusal(404, 'nothing here')
    })
    expect(await answer(gw, id)).toEqual({ status: 404, details: 'nothing here' })
    await gw.close()
    gw = await serving(id, () => {
      throw new Error('a bug')
    })
    expect(await answer(gw, id)).toEqual({ status: 500, details: 'the fake API Gateway failed: a bug' })
  })
})

describe('every path parameter has an owner', () => {
  test('the owners are exactly the path parameters of the table', () => {
    const { api } = createResources({ clock: new Clock(), tenantId: 't', defaultAccessKey: 'a' }, {})
    const names = new Set(operationIds.flatMap((id) => Object.keys(operations[id].pathParams)))
    expect(Object.keys(api.owners).sort()).toEqual([...names].sort())
  })
})

// The fake always answers while its answer has not started: what HTTP cannot carry is refused
// when a fault is injected, and an answer that turns out unsendable (a transform's) becomes a 500
// saying why. A record's status is the one written, never one that was only meant.
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { heldSleep, type HeldSleep } from '../test/held-sleep.js'
import { ncpFetch } from '../test/ncp-fetch.js'
import { startFakeApiGateway, TEST_CREDENTIALS, type FakeApiGateway, type FakeResponse } from './index.js'

let gw: FakeApiGateway
let id: string
let delays: HeldSleep
beforeEach(async () => {
  delays = heldSleep()
  gw = await startFakeApiGateway({ sleep: delays.sleep })
  id = gw.seedKey().apiKeyId
})
afterEach(async () => {
  await gw.close()
})

const get = (signal?: AbortSignal) => ncpFetch(gw.url, TEST_CREDENTIALS, 'GET', `/api-keys/${id}`, signal ? { signal } : {})

describe('what cannot be sent is refused at injection, naming the field', () => {
  test.each([
    ['a carriage return', '1\r'],
    ['a line feed', '1\nx-injected: yes'],
    ['a NUL', '1\0'],
  ])('a retryAfter with %s, as under headers', (_what, retryAfter) => {
    expect(() => gw.injectFault({ kind: 'status', status: 503, retryAfter })).toThrow(/^injectFault: retryAfter cannot be sent over HTTP \(/)
  })

  test('a status fault whose body JSON cannot write: a BigInt, a cycle', () => {
    const cycle: Record<string, unknown> = {}
    cycle.self = cycle
    for (const body of [{ count: 1n }, cycle]) {
      expect(() => gw.injectFault({ kind: 'status', status: 500, body })).toThrow(/^injectFault: body cannot be sent as JSON \(.+\); give a string to send other text$/)
    }
  })

  test('a delay of 2^31 ms or more, which a timer would end after about 1 ms; 2^31 - 1 is asked of the sleep as it is', async () => {
    for (const ms of [2 ** 31, 2 ** 40]) {
      expect(() => gw.injectFault({ kind: 'delay', ms })).toThrow(/^injectFault: ms must be a finite number of milliseconds from 0 to 2147483647 \(2\^31 - 1, the longest a timer waits\), got \d+$/)
    }
    gw.injectFault({ kind: 'delay', ms: 2 ** 31 - 1 })
    const pending = get()
    await gw.waitForRequests(1)
    expect(delays.asked).toEqual([2 ** 31 - 1])
    await delays.release()
    expect((await pending).status).toBe(200)
  })

  test('nothing refused is queued: the next request is answered normally', async () => {
    expect(() => gw.injectFault({ kind: 'status', status: 503, retryAfter: '1\n' })).toThrow()
    expect((await get()).status).toBe(200)
  })
})

describe('an answer that HTTP cannot carry becomes a 500 saying why', () => {
  const cycle: Record<string, unknown> = {}
  cycle.self = cycle
  test.each<[string, (response: FakeResponse) => FakeResponse | void, string]>([
    ['a status of 1000', (r) => void (r.status = 1000), 'its status must be an integer from 100 to 599, got 1000'],
    ['a status of 99', (r) => void (r.status = 99), 'its status must be an integer from 100 to 599, got 99'],
    ['a header value with a line break', (r) => void (r.headers['x-split'] = 'a\r\nb'), 'its header "x-split" cannot be sent over HTTP ('],
    ['a header name with a space', (r) => void (r.headers['bad name'] = 'x'), 'its header "bad name" cannot be sent over HTTP ('],
    ['a BigInt in the body', (r) => void (r.body = { count: 1n }), 'its body cannot be sent as JSON ('],
    ['a body that refers to itself', (r) => void (r.body = cycle), 'its body cannot be sent as JSON ('],
    ['no answer at all', () => 42 as unknown as FakeResponse, 'its status must be an integer from 100 to 599, got undefined'],
  ])('a transform that makes %s: the client gets a 500 naming it; the record says 500', async (_what, transform, reason) => {
    gw.injectFault({ kind: 'transform', transform })
    const res = await get()
    expect(res.status).toBe(500)
    const { error } = (await res.json()) as { error: { errorCode: string; details: string } }
    expect(error.errorCode).toBe('900')
    expect(error.details.startsWith(`the fake API Gateway cannot send the answer it made: ${reason}`)).toBe(true)
    expect(gw.requests.at(-1)).toMatchObject({ status: 500, fault: 'transform', traceId: res.headers.get('x-ncp-trace-id') })
    // The fake goes on answering.
    expect((await get()).status).toBe(200)
  })
})

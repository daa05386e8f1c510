// Fault injection against @ncloud-apigw/testing's fake API Gateway: for each misbehaviour of the
// network or the server, and each operation of the table, the right typed error or a successful
// retry, the number of requests the server saw (idempotent operations at most maxAttempts,
// createApiKey and regenerateApiKey exactly one), no unhandled rejection and no secret in any error.
// Nothing here waits on real time: waits between attempts are recorded and return at once, and an
// attempt times out only when a test expires its timer, once the fake holds the request.
import { inspect } from 'node:util'
import { type OperationId, operationIds, operations, type Schema, describe as say } from '@ncloud-apigw/operations'
import { exampleWorld, type Fault, type FakeApiGateway, startFakeApiGateway, TEST_CREDENTIALS } from '@ncloud-apigw/testing'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest'
import { type ManualTimer, manualTimer, nodeClient } from '../test/fixtures/attempt-timer.js'
import { calls } from '../test/fixtures/calls.js'
import { NcpApiError, NcpError, NcpNetworkError, NcpTimeoutError } from './errors.js'
import type { ApiKeyClient, ApiKeyClientOptions } from './node.js'

const MAX_ATTEMPTS = 3

let gw: FakeApiGateway
let attemptTimer: ManualTimer
/** Each wait the client asked for, with how many requests the fake had then. */
let waits: { ms: number; requests: number }[]
const unhandled: unknown[] = []
const onUnhandled = (reason: unknown) => void unhandled.push(reason)

beforeAll(() => void process.on('unhandledRejection', onUnhandled))
afterAll(() => void process.off('unhandledRejection', onUnhandled))
beforeEach(async () => {
  unhandled.length = 0
  attemptTimer = manualTimer()
  waits = []
  gw = await startFakeApiGateway(exampleWorld())
})
afterEach(async () => {
  await gw.close()
  // A rejection nobody handled is reported once the microtasks run out: on a later turn of the loop.
  await new Promise((resolve) => setImmediate(resolve))
  expect(unhandled).toEqual([])
})

// Zero jitter; every wait (backoff, Retry-After) recorded and returning at once; attempts timed by
// attemptTimer, which expires only when a test says so.
function client(options: ApiKeyClientOptions = {}): ApiKeyClient {
  const sleep = async (ms: number) => void waits.push({ ms, requests: gw.requests.length })
  return nodeClient({ baseUrl: gw.url, credentials: TEST_CREDENTIALS, random: () => 0, sleep, maxAttempts: MAX_ATTEMPTS, ...options }, attemptTimer.timer)
}

/** Every secret the fake has seen or made: the secret key, each signature sent, each key value. */
function secrets(): string[] {
  const values = [
    TEST_CREDENTIALS.secretKey,
    ...[...gw.keys.values()].flatMap((k) => [k.primaryKey, k.secondaryKey]),
    ...gw.requests.map((r) => r.headers['x-ncp-apigw-signature-v2']).filter((s): s is string => Boolean(s)),
  ]
  return values.filter((s): s is string => typeof s === 'string' && s.length >= 20)
}

function expectNoSecret(error: unknown, known: string[]): void {
  if (error === undefined) return
  for (const text of [JSON.stringify(error), inspect(error, { depth: 20, showHidden: true }), String(error)]) {
    for (const secret of known) expect(text).not.toContain(secret)
  }
}

interface Outcome {
  /** Whether the call succeeded. */
  ok: boolean
  result: unknown
  error: unknown
  /** The requests the server saw for the operation. */
  seen: number
}

/**
 * One call of `operation` with the spec's example request, on a fake holding every entity the
 * examples name, with `fault` queued for that operation. With
 * `timeouts`, each of the first `timeouts` attempts times out once the fake holds its request
 * (while it is the one attempt running): a hanging server, without waiting for a timer.
 */
async function exercise(operation: OperationId, fault: Fault, options: ApiKeyClientOptions = {}, timeouts = 0): Promise<Outcome> {
  const apigw = client(options)
  gw.injectFault({ ...fault, operationId: operation })
  let result: unknown
  let error: unknown
  let ok = false
  const call = calls[operation](apigw).then(
    (value) => void ((result = value), (ok = true)),
    (caught: unknown) => void (error = caught),
  )
  for (let n = 1; n <= timeouts; n++) {
    // A call that ends sooner leaves the loop, and the test's expectations say what went wrong.
    const arrived = await Promise.race([gw.waitForRequests(n, (r) => r.operationId === operation).then(() => true), call.then(() => false)])
    if (!arrived) break
    expect(attemptTimer.running).toBe(1)
    attemptTimer.expire()
  }
  await call
  const known = secrets()
  expect(known.length).toBeGreaterThanOrEqual(2)
  expectNoSecret(error, known)
  if (error !== undefined) expect(error).toBeInstanceOf(NcpError)
  return { ok, result, error, seen: gw.requests.filter((r) => r.operationId === operation).length }
}

/** The operation answers a body the client reads (every one but delete, whose 204 has none). */
const readsBody = (operation: OperationId) => operations[operation].response !== undefined

describe.each(operationIds)('%s', (operation) => {
  const retried = operations[operation].idempotent
  const attempts = retried ? MAX_ATTEMPTS : 1

  test(`a connection reset in the middle of every answer: ${readsBody(operation) ? `NcpNetworkError after ${attempts} request(s)` : 'the answer without a body had arrived whole: success'}`, async () => {
    const { ok, error, seen } = await exercise(operation, { kind: 'reset', times: Infinity })
    if (!readsBody(operation)) {
      // An answer without a body is whole once its head is in; the reset after it is nothing to the client.
      expect(error).toBeUndefined()
      expect(seen).toBe(1)
      return
    }
    expect(ok).toBe(false)
    expect(error).toBeInstanceOf(NcpNetworkError)
    expect(error).toMatchObject({ operation, attempts })
    expect(seen).toBe(attempts)
  })

  test(`one connection reset mid-answer: ${!readsBody(operation) ? 'the answer without a body had arrived whole: success' : retried ? 'retried to success' : 'NcpNetworkError, not repeated'}`, async () => {
    const { ok, error, seen } = await exercise(operation, { kind: 'reset' })
    if (!readsBody(operation)) {
      expect(error).toBeUndefined()
      expect(seen).toBe(1)
    } else if (retried) {
      expect(error).toBeUndefined()
      expect(ok).toBe(true)
      expect(seen).toBe(readsBody(operation) ? 2 : 1)
    } else {
      expect(error).toBeInstanceOf(NcpNetworkError)
      expect(seen).toBe(1)
    }
  })

  test(`the connection closed before any answer: NcpNetworkError with fetch's reason after ${attempts} request(s)`, async () => {
    const { error, seen } = await exercise(operation, { kind: 'drop', times: Infinity })
    expect(error).toBeInstanceOf(NcpNetworkError)
    expect(error).toMatchObject({ operation, attempts })
    // The message carries fetch's underlying reason, not only "fetch failed".
    expect((error as Error).message).toMatch(new RegExp(`^${operation} attempt ${attempts} got no answer \\(fetch failed: .+\\); check the network`))
    expect(seen).toBe(attempts)
  })

  test(`a burst of two 503s: ${retried ? 'retried to success' : 'NcpApiError 503, not retried'}`, async () => {
    const { ok, error, seen } = await exercise(operation, { kind: 'status', status: 503, times: 2 })
    if (retried) {
      expect(error).toBeUndefined()
      expect(ok).toBe(true)
      expect(seen).toBe(3)
    } else {
      expect(error).toMatchObject({ name: 'NcpApiError', status: 503, errorCode: '500', retryable: false })
      expect(seen).toBe(1)
    }
  })

  test(`503s without end: NcpApiError 503 after ${attempts} request(s)`, async () => {
    const { error, seen } = await exercise(operation, { kind: 'status', status: 503, times: Infinity })
    expect(error).toBeInstanceOf(NcpApiError)
    expect(error).toMatchObject({ status: 503, errorCode: '500', operation, retryable: retried })
    expect(seen).toBe(attempts)
  })

  test('429 Throttle Limited with Retry-After: 1: waited out, then retried to success, for every operation', async () => {
    // NCP's throttling codes mean the gateway refused the request before forwarding it.
    const { ok, error, seen } = await exercise(operation, { kind: 'status', status: 429, errorCode: '410', retryAfter: 1 })
    expect(error).toBeUndefined()
    expect(ok).toBe(true)
    expect(seen).toBe(2)
    // The whole second was asked for, after the 429 and before the retry was sent.
    expect(waits).toEqual([{ ms: 1000, requests: 1 }])
  })

  test(`429 that is not NCP's throttling (an HTML page): ${retried ? 'retried' : 'NcpApiError 429, not retried'}`, async () => {
    const { ok, error, seen } = await exercise(operation, { kind: 'status', status: 429, body: '<html>Too Many Requests</html>' })
    expect(ok).toBe(retried)
    if (!retried) expect(error).toMatchObject({ name: 'NcpApiError', status: 429, retryable: false })
    expect(seen).toBe(retried ? 2 : 1)
  })

  test(`a proxy's HTML error page (502): NcpApiError with an excerpt after ${attempts} request(s)`, async () => {
    const { error, seen } = await exercise(operation, { kind: 'malformed', body: 'html', times: Infinity })
    expect(error).toBeInstanceOf(NcpApiError)
    expect(error).toMatchObject({ status: 502, retryable: retried })
    expect((error as NcpApiError).errorCode).toBeUndefined()
    expect((error as NcpApiError).excerpt).toMatch(/<html/i)
    expect(seen).toBe(attempts)
  })

  test.each([
    ['truncated JSON', 'truncated-json'],
    ['a body that is not JSON', 'not-json'],
  ] as const)(`a 2xx with %s: ${readsBody(operation) ? 'NcpApiError that quotes nothing of the body' : 'success: delete reads no body'}, one request`, async (_name, body) => {
    const { ok, error, seen } = await exercise(operation, { kind: 'malformed', body })
    expect(seen).toBe(1)
    if (!readsBody(operation)) return void expect(ok).toBe(true)
    expect(error).toBeInstanceOf(NcpApiError)
    expect(error).toMatchObject({ status: operations[operation].success, retryable: false })
    expect((error as NcpApiError).excerpt).toBeUndefined()
    expect((error as Error).message).toMatch(/not JSON/)
  })

  test('a 2xx that breaks the documented shape (a required field left out): NcpApiError naming the field, one request', async () => {
    // The value the method hands back (the answer unwrapped), without its first required field.
    let unwrappedSchema = operations[operation].response as Schema | undefined
    for (const property of operations[operation].unwrap as readonly string[]) unwrappedSchema = unwrappedSchema?.properties?.[property]
    const [field] = unwrappedSchema?.required ?? []
    const { ok, error, seen } = await exercise(operation, {
      kind: 'transform',
      transform: (response) => {
        let value = response.body
        for (const property of operations[operation].unwrap as readonly string[]) value = value?.[property]
        if (value && typeof value === 'object' && field) delete value[field]
      },
    })
    expect(seen).toBe(1)
    if (!readsBody(operation)) return void expect(ok).toBe(true)
    const path = [...(operations[operation].unwrap as readonly string[]), field].join('.')
    expect(error).toMatchObject({ name: 'NcpApiError', retryable: false, message: expect.stringContaining(`(${path} must be ${say(unwrappedSchema!.properties![field!]!)}, got nothing)`) })
  })

  test('a 6 MB answer: read and parsed, one request', async () => {
    const { ok, error, seen } = await exercise(operation, { kind: 'large', bytes: 6 * 1024 * 1024 })
    expect(error).toBeUndefined()
    expect(ok).toBe(true)
    expect(seen).toBe(1)
  })

  test(`a 10 MB answer, above maxResponseBytes (8 MiB): ${readsBody(operation) ? 'NcpApiError, not retried' : 'success: a 204 carries no body'}`, async () => {
    const { ok, error, seen } = await exercise(operation, { kind: 'large', bytes: 10 * 1024 * 1024 })
    expect(seen).toBe(1)
    if (!readsBody(operation)) return void expect(ok).toBe(true)
    expect(error).toMatchObject({ name: 'NcpApiError', retryable: false, message: expect.stringContaining('maxResponseBytes') })
  })

  test(`a server that never answers: NcpTimeoutError after ${attempts} attempt(s), each armed with timeoutMs`, async () => {
    const { error, seen } = await exercise(operation, { kind: 'hang', times: Infinity }, { timeoutMs: 1000 }, attempts)
    expect(error).toBeInstanceOf(NcpTimeoutError)
    expect(error).toMatchObject({ operation, attempts, timeoutMs: 1000 })
    expect((error as Error).message).toBe(`${operation} attempt ${attempts} timed out after 1000 ms; raise timeoutMs if the network is slow.`)
    expect(attemptTimer.armed).toEqual(Array(attempts).fill(1000))
    expect(seen).toBe(attempts)
  })
})

test('a hanging attempt lasts until its timeoutMs timer expires, not less: one timer per attempt, armed with exactly timeoutMs', async () => {
  // That the real timer expires after exactly its ms is transport.test.ts's, and that it ends a
  // hanging request on real sockets is e2e.test.ts's.
  const timeoutMs = 5000
  gw.injectFault({ kind: 'hang', times: Infinity })
  let settled = false
  const call = client({ timeoutMs, maxAttempts: 1 })
    .getApiKey(gw.seedKey().apiKeyId)
    .finally(() => (settled = true))
  call.catch(() => {})
  await gw.waitForRequests(1)
  // The request is held and a turn of the event loop has passed: only the timer can end it now.
  await new Promise((resolve) => setImmediate(resolve))
  expect(settled).toBe(false)
  expect(attemptTimer.armed).toEqual([timeoutMs])
  expect(attemptTimer.expire()).toBe(1)
  await expect(call).rejects.toMatchObject({ name: 'NcpTimeoutError', timeoutMs, attempts: 1 })
  expect(gw.requests).toHaveLength(1)
})

test('1,000 concurrent calls while the server clock jumps 10 minutes: each succeeds or fails typed, no half-updated signature', async () => {
  const keys = Array.from({ length: 20 }, () => gw.seedKey())
  // The fake keeps the most recent 1,000 requests by default; this test counts all of them.
  await gw.close()
  gw = await startFakeApiGateway({ maxRecordedRequests: Number.POSITIVE_INFINITY })
  for (const key of keys) gw.seedKey(key)
  // No attempt times out (attemptTimer is never expired here), however slow the machine: every
  // request the fake sees is one that this test's clock jump explains.
  const apigw = client({ random: Math.random })
  const CALLS = 1000
  // Partway through, as soon as a third of the calls have reached the server, its clock jumps
  // ahead (in the same turn of the event loop). Every call was signed before any request left,
  // so the calls that arrive afterwards carry timestamps 10 minutes behind: refused, re-signed.
  let jumped = false
  const jump = gw.waitForRequests(Math.ceil(CALLS / 3)).then(() => {
    gw.setClockOffset(10 * 60_000)
    jumped = true
  })
  const settled = await Promise.allSettled(Array.from({ length: CALLS }, (_, i) => apigw.getApiKey(keys[i % keys.length]!.apiKeyId)))
  await jump
  expect(jumped).toBe(true)
  expect(attemptTimer.running).toBe(0)

  const failures = settled.filter((s): s is PromiseRejectedResult => s.status === 'rejected').map((s) => s.reason)
  for (const reason of failures) expect(reason).toBeInstanceOf(NcpError)
  const succeeded = settled.filter((s) => s.status === 'fulfilled').length
  expect(succeeded + failures.length).toBe(CALLS)
  // The offset is learned once and used by every later signature: in fact nothing fails.
  expect(failures).toEqual([])

  // Server side: every request whose timestamp was inside the 5-minute window when it arrived
  // verified, so none was signed with a timestamp from one offset and a signature from another.
  let inWindow = 0
  for (const r of gw.requests) {
    const skew = Math.abs(Number(r.headers['x-ncp-apigw-timestamp']) - r.receivedAt)
    if (skew <= 5 * 60_000) {
      inWindow++
      expect(r.signatureValid, `${r.method} ${r.path} at ${r.receivedAt}`).toBe(true)
    } else {
      expect(r.status).toBe(401)
    }
  }
  expect(inWindow).toBe(CALLS)
  expect(gw.requests.length).toBeGreaterThan(CALLS)
  expect(gw.requests.length).toBeLessThanOrEqual(CALLS * (MAX_ATTEMPTS + 1))
  expectNoSecret(failures, secrets())
}, 120_000) // a thousand calls on two shared cores: a limit well above their time, not a timing

// Each client's retry budget, the AWS SDK's standard retry quota: 500 tokens; a retry costs 5, or
// 10 after an attempt that got no answer (a timeout, a reset); a call that succeeds gives back
// what its last retry cost, or 1 when it needed none. A storm of 503s over 1,000 concurrent calls
// sends about 1,100 requests instead of 3,000, while a lone call keeps its retries. Waits are
// injected and return at once; requests are counted by a scripted fetch.
import { describe, expect, test } from 'vitest'
import { manualTimer, nodeClient } from '../test/fixtures/attempt-timer.js'
import { baseUrl, credentials, json, ncpError, type Reply, scriptedFetch } from '../test/fixtures/scripted-fetch.js'
import { apiKey } from '../test/fixtures/scripted-fetch.js'
import { NcpApiError, NcpTimeoutError, NcpValidationError } from './errors.js'
import type { ApiKeyClientOptions } from './node.js'

const attemptTimer = manualTimer()
const busy = () => ncpError(503, 500, 'Endpoint Error')

/** A client whose waits between attempts return at once, recorded; `replies` answer its attempts in order. */
function setup(replies: Reply[], options: ApiKeyClientOptions = {}) {
  const { fetch, seen } = scriptedFetch(...replies)
  const waits: number[] = []
  const apigw = nodeClient({ credentials, baseUrl, fetch, random: () => 0, sleep: async (ms) => void waits.push(ms), ...options }, attemptTimer.timer)
  return { apigw, seen, waits }
}

/** `n` calls of getApiKey at once; each settles with 'ok' or its error. */
const storm = (apigw: ReturnType<typeof setup>['apigw'], n: number) =>
  Promise.all(Array.from({ length: n }, () => apigw.getApiKey('k').then(() => 'ok', (e: unknown) => e)))

describe('a storm of 503s over 1,000 concurrent calls', () => {
  test('sends 1,100 requests: 1,000 first attempts and the 100 retries 500 tokens pay for', async () => {
    const { apigw, seen } = setup([busy()])
    const outcomes = await storm(apigw, 1000)
    expect(seen).toHaveLength(1100)
    expect(outcomes.every((e) => e instanceof NcpApiError && e.status === 503 && e.retryable)).toBe(true)
  })

  test('as many with maxAttempts 10, and with Retry-After: 0', async () => {
    for (const [reply, options] of [
      [busy(), { maxAttempts: 10 }],
      [ncpError(503, 500, 'Endpoint Error', { 'retry-after': '0' }), {}],
    ] as const) {
      const { apigw, seen } = setup([reply], options)
      await storm(apigw, 1000)
      expect(seen).toHaveLength(1100)
    }
  })

  test('without a budget (retryBudget: Infinity) it would send 3,000', async () => {
    const { apigw, seen } = setup([busy()], { retryBudget: Infinity })
    await storm(apigw, 1000)
    expect(seen).toHaveLength(3000)
  })
})

describe('a lone call', () => {
  test('still gets its retries on a fresh client', async () => {
    const { apigw, seen, waits } = setup([busy(), busy(), json(apiKey)])
    expect(await apigw.getApiKey('k')).toEqual(apiKey)
    expect(seen).toHaveLength(3)
    expect(waits).toHaveLength(2)
  })

  test('after a storm has spent the budget it gets none, until successes give tokens back: 1 each, 5 per retry', async () => {
    let answer: () => Response = busy
    const { apigw, seen } = setup([() => answer()])
    await storm(apigw, 100) // 100 first attempts and 100 retries: all 500 tokens
    expect(seen).toHaveLength(200)

    const before = seen.length
    await expect(apigw.getApiKey('k')).rejects.toMatchObject({ status: 503 })
    expect(seen.length - before).toBe(1)

    answer = () => json(apiKey)
    for (let i = 0; i < 4; i++) await apigw.getApiKey('k') // 4 tokens back: not yet a retry
    answer = busy
    const fourth = seen.length
    await expect(apigw.getApiKey('k')).rejects.toMatchObject({ status: 503 })
    expect(seen.length - fourth).toBe(1)

    answer = () => json(apiKey)
    await apigw.getApiKey('k') // 5 tokens: one retry
    answer = busy
    const fifth = seen.length
    await expect(apigw.getApiKey('k')).rejects.toMatchObject({ status: 503 })
    expect(seen.length - fifth).toBe(2)
  })

  test('a call that succeeds after a retry gives back what that retry cost', async () => {
    // 10 tokens: two retries of a 503. One call retried to success spends 5 and gets 5 back, so
    // the next call still has its two retries.
    const replies: Reply[] = [busy(), json(apiKey), busy(), busy(), busy()]
    const { apigw, seen } = setup(replies, { retryBudget: 10, maxAttempts: 10 })
    await apigw.getApiKey('k')
    await expect(apigw.getApiKey('k')).rejects.toMatchObject({ status: 503 })
    expect(seen).toHaveLength(5)
  })
})

describe('what a retry costs', () => {
  test('5 after an answer (503), 10 after none (a timed-out attempt): 20 tokens pay for 4 and 2 retries', async () => {
    const answered = setup([busy()], { retryBudget: 20, maxAttempts: 10 })
    await expect(answered.apigw.getApiKey('k')).rejects.toBeInstanceOf(NcpApiError)
    expect(answered.seen).toHaveLength(5)

    const unanswered = setup([attemptTimer.hang], { retryBudget: 20, maxAttempts: 10 })
    await expect(unanswered.apigw.getApiKey('k')).rejects.toBeInstanceOf(NcpTimeoutError)
    expect(unanswered.seen).toHaveLength(3)
  })

  test('retryBudget: 0 makes no retry; a refused timestamp is still signed again (it is a correction, not a retry)', async () => {
    const { apigw, seen } = setup([busy()], { retryBudget: 0 })
    await expect(apigw.getApiKey('k')).rejects.toMatchObject({ status: 503 })
    expect(seen).toHaveLength(1)

    const local = Date.parse('2024-05-07T07:00:00Z')
    const skewed = setup([ncpError(401, '200', 'Authentication Failed', { date: new Date(local + 10 * 60_000).toUTCString() }), json(apiKey)], { retryBudget: 0, now: () => local })
    await skewed.apigw.getApiKey('k')
    expect(skewed.seen).toHaveLength(2)
  })

  test.each([-1, 1.5, Number.NaN, '500', null])('retryBudget %s is refused when the client is made', (retryBudget) => {
    expect(() => setup([busy()], { retryBudget: retryBudget as never })).toThrow(NcpValidationError)
    expect(() => setup([busy()], { retryBudget: retryBudget as never })).toThrow(/^retryBudget must be an integer of at least 0, or Infinity/)
  })
})

import { describe, expect, test } from 'vitest'
import { operationIds, operations } from '@ncloud-apigw/operations'
import { baseUrl, credentials, json, ncpError, page, scriptedFetch } from '../test/fixtures/scripted-fetch.js'
import { createApiKeyClient } from './node.js'
import { backoffDelay, isRetryableStatus, isThrottled, retryAfterDelay } from './retry.js'

describe('retry policy', () => {
  test('retries only the transient statuses 429, 502, 503 and 504', () => {
    const retried = Array.from({ length: 500 }, (_, i) => i + 100).filter(isRetryableStatus)
    expect(retried).toEqual([429, 502, 503, 504])
  })

  test('takes idempotency from the table, never from the method: a POST that only reads is retried', () => {
    const posts = operationIds.filter((id) => operations[id].method === 'POST')
    expect(posts.filter((id) => operations[id].idempotent)).not.toEqual([])
    expect(posts.filter((id) => !operations[id].idempotent)).not.toEqual([])
    expect(operationIds.filter((id) => !operations[id].idempotent)).toContain('createApiKey')
  })

  test("knows NCP's throttling answers by their errorCode: 429 with 400, 410 or 420, as text or number", () => {
    const body = (errorCode: unknown) => ({ error: { errorCode, message: 'm' } })
    expect(['400', '410', '420', 400, 410, 420].map((code) => isThrottled(429, body(code)))).toEqual([true, true, true, true, true, true])
    expect(isThrottled(429, body('900'))).toBe(false)
    expect(isThrottled(503, body('400'))).toBe(false)
    expect(isThrottled(429, undefined)).toBe(false)
    expect(isThrottled(429, null)).toBe(false)
  })

  test('full jitter: the delay is uniform below a ceiling that doubles per attempt up to 20 s', () => {
    expect([1, 2, 3, 4].map((a) => backoffDelay(a, () => 0))).toEqual([0, 0, 0, 0])
    expect([1, 2, 3, 4].map((a) => backoffDelay(a, () => 0.5))).toEqual([50, 100, 200, 400])
    expect(backoffDelay(30, () => 0.5)).toBe(10_000)
  })

  test('reads Retry-After as seconds or as an HTTP date, never negative', () => {
    const now = Date.parse('2024-05-07T07:08:12Z')
    expect(retryAfterDelay('3', now)).toBe(3000)
    expect(retryAfterDelay(' 0 ', now)).toBe(0)
    expect(retryAfterDelay('Tue, 07 May 2024 07:08:22 GMT', now)).toBe(10_000)
    expect(retryAfterDelay('Tue, 07 May 2024 07:00:00 GMT', now)).toBe(0)
    expect(retryAfterDelay('soon', now)).toBeUndefined()
    expect(retryAfterDelay(null, now)).toBeUndefined()
  })

  test("reads RFC 9110's three date forms, each as UTC", () => {
    const now = Date.parse('1994-11-06T08:49:00Z')
    expect(retryAfterDelay('Sun, 06 Nov 1994 08:49:37 GMT', now)).toBe(37_000)
    expect(retryAfterDelay('Sunday, 06-Nov-94 08:49:37 GMT', now)).toBe(37_000)
    expect(retryAfterDelay('Sun Nov  6 08:49:37 1994', now)).toBe(37_000)
  })

  // RFC 9110: delay-seconds is digits, an HTTP-date is one of three forms; anything else is ignored.
  test.each(['1.5', '1,5', '-1', '+5', '3600.5', '1e3', '0x10', ' ', '5 s', 'Sun, 06 Nov 1994', '2024-05-07T07:08:22Z', 'Tue, 07 May 2024 07:08:22 PST', 'Tue, 32 May 2024 07:08:22 GMT'])(
    'ignores %j, which is neither seconds nor an HTTP date',
    (value) => {
      expect(retryAfterDelay(value, Date.parse('2024-05-07T07:08:12Z'))).toBeUndefined()
    },
  )
})

describe('a Retry-After that is neither seconds nor a date is ignored and the usual backoff applies', () => {
  test.each(['1.5', '1,5', '-1', '+5', '3600.5'])('%j: retried after the backoff (50 ms at jitter 0.5), not at once, not given up', async (value) => {
    const { fetch, seen } = scriptedFetch(ncpError(503, 500, 'Endpoint Error', { 'retry-after': value }), json(page([])))
    const waits: number[] = []
    const apigw = createApiKeyClient({ credentials, baseUrl, fetch, random: () => 0.5, sleep: async (ms) => void waits.push(ms) })
    await apigw.listApiKeys()
    expect(waits).toEqual([50])
    expect(seen).toHaveLength(2)
  })
})

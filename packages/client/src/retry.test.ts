import { describe, expect, test } from 'vitest'
import { backoffDelay, isIdempotent, isRetryableStatus, retryAfterDelay } from './retry.js'

describe('retry policy', () => {
  test('retries only the transient statuses 429, 502, 503 and 504', () => {
    const retried = Array.from({ length: 500 }, (_, i) => i + 100).filter(isRetryableStatus)
    expect(retried).toEqual([429, 502, 503, 504])
  })

  test('treats GET and PUT as idempotent, POST and PATCH not', () => {
    expect(['GET', 'PUT', 'POST', 'PATCH'].map(isIdempotent)).toEqual([true, true, false, false])
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
})

// The attempt timer every client uses (realTimer), on fake timers: when it expires is a matter of
// the clock it is given, so this holds however busy the machine. Every other test of timeouts
// gives the client a timer of its own (test/fixtures/attempt-timer.ts); e2e.test.ts runs this one
// against a hanging request on a real socket.
import { afterEach, expect, test, vi } from 'vitest'
import { realTimer } from './exchange.js'

afterEach(() => {
  vi.useRealTimers()
})

test.each([1, 5000, 2 ** 31 - 1])('armed with %i ms, it expires once, after exactly that long', (ms) => {
  vi.useFakeTimers()
  const expire = vi.fn()
  realTimer(ms, expire)
  vi.advanceTimersByTime(ms - 1)
  expect(expire).not.toHaveBeenCalled()
  vi.advanceTimersByTime(1)
  expect(expire).toHaveBeenCalledTimes(1)
  vi.advanceTimersByTime(ms)
  expect(expire).toHaveBeenCalledTimes(1)
})

test('disarmed before its time, it never expires and leaves no timer', () => {
  vi.useFakeTimers()
  const expire = vi.fn()
  const disarm = realTimer(1000, expire)
  expect(vi.getTimerCount()).toBe(1)
  disarm()
  expect(vi.getTimerCount()).toBe(0)
  vi.advanceTimersByTime(2000)
  expect(expire).not.toHaveBeenCalled()
})

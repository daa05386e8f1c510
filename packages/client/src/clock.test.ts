import { expect, test } from 'vitest'
import { createClock, MAX_SKEW_MS } from './clock.js'

const local = Date.parse('2024-05-07T07:00:00Z')
const date = (ms: number) => new Date(ms).toUTCString()

test('learns the server offset from a Date more than 4 minutes from the signed timestamp', () => {
  const clock = createClock(() => local)
  expect(clock.correct(local, date(local + 10 * 60_000))).toEqual({ kind: 'corrected' })
  expect(clock.offset()).toBe(10 * 60_000)
  expect(clock.now()).toBe(local + 10 * 60_000)
})

test('learns a clock that runs ahead of the server too', () => {
  const clock = createClock(() => local)
  expect(clock.correct(local, date(local - 7 * 60_000))).toEqual({ kind: 'corrected' })
  expect(clock.now()).toBe(local - 7 * 60_000)
})

test('keeps its offset for a gap under 4 minutes, or a missing or unreadable Date', () => {
  const clock = createClock(() => local)
  for (const header of [date(local + 3 * 60_000), null, 'yesterday', '1.5']) expect(clock.correct(local, header)).toEqual({ kind: 'none' })
  expect(clock.now()).toBe(local)
})

test('asks for a re-sign when a request signed with an outdated offset is refused', () => {
  const clock = createClock(() => local)
  const server = date(local + 10 * 60_000)
  expect(clock.correct(local, server)).toEqual({ kind: 'corrected' })
  // A concurrent request signed before the correction: still worth one re-sign.
  expect(clock.correct(local, server)).toEqual({ kind: 'corrected' })
  expect(clock.now()).toBe(local + 10 * 60_000)
})

test('follows a server clock up to 24 hours away, no further: beyond, the offset is kept as it was', () => {
  const clock = createClock(() => local)
  expect(clock.correct(local, date(local + MAX_SKEW_MS))).toEqual({ kind: 'corrected' })
  expect(clock.correct(local, date(local + MAX_SKEW_MS + 1000))).toEqual({ kind: 'too far', offsetMs: MAX_SKEW_MS + 1000 })
  expect(clock.correct(local, date(local - 30 * 24 * 3_600_000))).toEqual({ kind: 'too far', offsetMs: -30 * 24 * 3_600_000 })
  expect(clock.offset()).toBe(MAX_SKEW_MS)
})

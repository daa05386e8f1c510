import { expect, test } from 'vitest'
import { createClock } from './clock.js'

const local = Date.parse('2024-05-07T07:00:00Z')

test('learns the server offset from a Date more than 4 minutes from the signed timestamp', () => {
  const clock = createClock(() => local)
  expect(clock.correct(local, new Date(local + 10 * 60_000).toUTCString())).toBe(true)
  expect(clock.offset()).toBe(10 * 60_000)
  expect(clock.now()).toBe(local + 10 * 60_000)
})

test('learns a clock that runs ahead of the server too', () => {
  const clock = createClock(() => local)
  expect(clock.correct(local, new Date(local - 7 * 60_000).toUTCString())).toBe(true)
  expect(clock.now()).toBe(local - 7 * 60_000)
})

test('keeps its offset for a gap under 4 minutes, or a missing or unreadable Date', () => {
  const clock = createClock(() => local)
  expect(clock.correct(local, new Date(local + 3 * 60_000).toUTCString())).toBe(false)
  expect(clock.correct(local, null)).toBe(false)
  expect(clock.correct(local, 'yesterday')).toBe(false)
  expect(clock.now()).toBe(local)
})

test('asks for a re-sign when a request signed with an outdated offset is refused', () => {
  const clock = createClock(() => local)
  const server = new Date(local + 10 * 60_000).toUTCString()
  expect(clock.correct(local, server)).toBe(true)
  // A concurrent request signed before the correction: still worth one re-sign.
  expect(clock.correct(local, server)).toBe(true)
  expect(clock.now()).toBe(local + 10 * 60_000)
})

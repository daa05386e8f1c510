// One AbortSignal shared by many calls (a request's deadline, a shutdown signal) is what plain
// fetch handles without a word: the client must too. Node warns "possible EventTarget memory
// leak" once a signal has more than ten listeners, so the calls share one listener per signal.
import { getEventListeners } from 'node:events'
import { afterEach, beforeEach, expect, test } from 'vitest'
import { baseUrl, credentials, json, ncpError, page, scriptedFetch } from '../test/fixtures/scripted-fetch.js'
import { createApiKeyClient } from './node.js'

const CALLS = 25
const warnings: Error[] = []
const onWarning = (warning: Error) => void warnings.push(warning)
beforeEach(() => {
  warnings.length = 0
  process.on('warning', onWarning)
})
afterEach(() => void process.off('warning', onWarning))

/** A fetch that holds every request until `release`, so all the calls are in flight together. */
function held() {
  let release!: () => void
  const released = new Promise<void>((resolve) => (release = resolve))
  const { fetch, seen } = scriptedFetch(async () => {
    await released
    return json(page([]))
  })
  return { fetch, seen, release }
}

const flush = () => new Promise((resolve) => setImmediate(resolve))

test(`${CALLS} calls in flight on one signal: one listener on it, no warning, none left after`, async () => {
  const controller = new AbortController()
  const { fetch, seen, release } = held()
  const apigw = createApiKeyClient({ credentials, baseUrl, fetch })
  const calls = Array.from({ length: CALLS }, () => apigw.listApiKeys({}, { signal: controller.signal }))
  while (seen.length < CALLS) await flush()
  expect(getEventListeners(controller.signal, 'abort').length).toBeLessThanOrEqual(1)
  release()
  await Promise.all(calls)
  await flush()
  expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0)
  expect(warnings.map((w) => w.message)).toEqual([])
})

test(`${CALLS} calls waiting between retries on one signal (the default sleep): no warning, and an abort still ends every one`, async () => {
  const controller = new AbortController()
  const { fetch, seen } = scriptedFetch(ncpError(503, 500, 'Endpoint Error'))
  // Jitter at its top, so the calls wait a while between attempts; attempts without end, so
  // however slow the machine, every call is still going (waiting or sending) when the signal aborts.
  const apigw = createApiKeyClient({ credentials, baseUrl, fetch, random: () => 0.999, maxAttempts: 100, retryBudget: Infinity })
  const calls = Array.from({ length: CALLS }, () => apigw.listApiKeys({}, { signal: controller.signal }).catch((e: unknown) => e))
  while (seen.length < CALLS) await flush()
  await flush()
  expect(getEventListeners(controller.signal, 'abort').length).toBeLessThanOrEqual(1)
  controller.abort(new Error('shutting down'))
  const errors = await Promise.all(calls)
  expect(errors.every((e) => e instanceof Error && e.message.includes('shutting down'))).toBe(true)
  await flush()
  expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0)
  expect(warnings.map((w) => w.message)).toEqual([])
})

import { getEventListeners } from 'node:events'
import { expect, test } from 'vitest'
import { sleep } from './sleep.js'

test('waits, then leaves no listener on the signal', async () => {
  const controller = new AbortController()
  await sleep(5, controller.signal)
  expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0)
})

test('rejects with the reason as soon as the signal aborts, or at once if it already has', async () => {
  const controller = new AbortController()
  const waiting = sleep(60_000, controller.signal)
  controller.abort(new Error('stop'))
  await expect(waiting).rejects.toThrow('stop')
  await expect(sleep(60_000, AbortSignal.abort(new Error('before')))).rejects.toThrow('before')
})

import { onAbort } from './abort-listener.js'

/**
 * Waits `ms`, or rejects with the signal's reason as soon as it aborts. Leaves no timer or
 * listener behind; calls waiting on one signal share one listener on it (see abort-listener.ts).
 */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason)
    const stop = signal && onAbort(signal, () => {
      clearTimeout(timer)
      reject(signal.reason)
    })
    const timer = setTimeout(() => {
      stop?.()
      resolve()
    }, ms)
  })
}

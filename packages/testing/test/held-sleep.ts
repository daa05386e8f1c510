// A `sleep` for the fake's `delay` fault that waits on the test instead of on real time: it
// records the ms each delayed request asked for and holds the request until the test lets go.

export interface HeldSleep {
  /** The `sleep` option to start the fake with. */
  readonly sleep: (ms: number, signal: AbortSignal) => Promise<void>
  /** The ms asked for, in order. */
  readonly asked: readonly number[]
  /** Ends every wait so far, then resolves once the fake has answered what it held (one macrotask later). */
  release(): Promise<void>
}

export function heldSleep(): HeldSleep {
  const asked: number[] = []
  const held: (() => void)[] = []
  return {
    asked,
    sleep: (ms, signal) => {
      asked.push(ms)
      return new Promise((resolve, reject) => {
        held.push(resolve)
        signal.addEventListener('abort', () => reject(signal.reason), { once: true })
      })
    },
    release: async () => {
      for (const resolve of held.splice(0)) resolve()
      // What follows a sleep in the fake is synchronous: done before the next macrotask.
      await new Promise((resolve) => setImmediate(resolve))
    },
  }
}

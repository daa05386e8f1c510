/**
 * Calls `listener` when `signal` aborts, until the returned function is called. Every call of a
 * client sharing one signal (a request's deadline, a shutdown signal) shares one listener on it,
 * so a thousand calls add one, as plain `fetch` leaves a shared signal quiet: Node warns "possible
 * EventTarget memory leak" past ten listeners on a signal. The listener is removed with the last
 * call's, so the signal is left as it was found. A signal that has already aborted fires nothing:
 * the caller checks `aborted` first.
 */
const shared = new WeakMap<AbortSignal, { listeners: Set<() => void>; fire: () => void }>()

export function onAbort(signal: AbortSignal, listener: () => void): () => void {
  let entry = shared.get(signal)
  if (!entry) {
    const listeners = new Set<() => void>()
    const fire = () => {
      shared.delete(signal)
      for (const each of listeners) each()
    }
    entry = { listeners, fire }
    shared.set(signal, entry)
    signal.addEventListener('abort', fire, { once: true })
  }
  // One call may add the same function twice (two attempts' waits): each gets its own entry.
  const own = () => listener()
  const { listeners, fire } = entry
  listeners.add(own)
  return () => {
    listeners.delete(own)
    if (listeners.size === 0 && shared.get(signal)?.listeners === listeners) {
      shared.delete(signal)
      signal.removeEventListener('abort', fire)
    }
  }
}

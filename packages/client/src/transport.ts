import { createAttempt } from './attempt.js'
import { NcpAbortError, NcpError } from './errors.js'
import type { Send, TransportConfig } from './exchange.js'
import { createRetryPolicy } from './retry-policy.js'

/**
 * Sends one request to NCP: attempt after attempt (attempt.ts: signed afresh with a fresh
 * timestamp and the learned clock offset, bounded by the attempt's timeout and the caller's
 * signal, no redirect followed, at most `maxResponseBytes` read) until the retry policy
 * (retry-policy.ts) says the call is done, waiting between attempts as it says.
 */
export function createTransport(config: TransportConfig): Send {
  const attempt = createAttempt(config)
  const policy = createRetryPolicy(config)
  return async (out) => {
    const next = policy.start(out)
    const secrets: string[] = []
    let n = 0
    try {
      for (;;) {
        out.signal?.throwIfAborted()
        const step = next(await attempt(out, ++n, secrets), n)
        if (step.done) {
          if ('error' in step) throw step.error
          return step.answer
        }
        if (step.delayMs === undefined) continue
        if (config.logger) config.logger.debug('ncp retry', { operation: out.operation, attempt: n, reason: step.reason, delayMs: step.delayMs })
        await config.sleep(step.delayMs, out.signal)
      }
    } catch (error) {
      // The caller's signal ended it, wherever it was (an attempt, the credentials provider, a
      // wait): the client's own error, with the signal's reason as its cause.
      if (out.signal?.aborted && !(error instanceof NcpError)) throw new NcpAbortError(out.operation, n, out.signal.reason)
      throw error
    }
  }
}

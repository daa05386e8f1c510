import type { Clock } from './clock.js'
import { NcpNetworkError, NcpTimeoutError } from './errors.js'
import { type OperationId, operations } from './generated/limits.js'
import type { Credentials, CredentialsProvider, Logger } from './options.js'
import { backoffDelay, isIdempotent, isRetryableStatus, MAX_RETRY_AFTER_MS, retryAfterDelay } from './retry.js'
import { signatureHeaders } from './signing.js'

export interface TransportConfig {
  fetch: (input: string, init: RequestInit) => Promise<Response>
  credentials: Credentials | CredentialsProvider
  clock: Clock
  timeoutMs: number
  maxAttempts: number
  random: () => number
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>
  logger: Logger | undefined
}

/**
 * The `fetch` openapi-fetch calls with its Request (and its `requestInitExt`). A high-level call
 * passes `onAnswer`, which receives the answer's body; the Response returned then has none.
 */
export type Transport = (request: Request, init?: RequestInit, onAnswer?: (body: string) => void) => Promise<Response>

// Each of the four operations has its own method, so the method names the operation, for the
// high-level calls and the raw client alike.
const operationOf = (method: string) => (Object.keys(operations) as OperationId[]).find((id) => operations[id].method === method)

// fetch's own error says only "fetch failed"; the reason (ECONNREFUSED, a reset...) is its cause.
function fetchReason(error: unknown): string {
  const { message, cause } = (error ?? {}) as { message?: string; cause?: { message?: string } }
  return cause?.message ? `${message}: ${cause.message}` : String(message)
}

/**
 * The `fetch` beneath openapi-fetch's middleware chain: it signs every attempt afresh (fresh
 * timestamp, learned clock offset), bounds each attempt with its own timeout, retries idempotent
 * requests on transient failures, and re-signs once after a clock-skew refusal. The answer's
 * body is read inside the attempt, so the timeout and the retries cover it too.
 */
export function createTransport(config: TransportConfig): Transport {
  const { clock, logger, timeoutMs } = config

  return async (request, requestInitExt, onAnswer) => {
    const { method, url, headers, signal } = request
    const operation = operationOf(method)
    const idempotent = isIdempotent(method)
    // A Request's body is a one-use stream: read it once so every attempt can send it.
    const init: RequestInit = { ...requestInitExt, method, headers, redirect: request.redirect, body: request.body && (await request.arrayBuffer()) }
    let budget = config.maxAttempts
    let skewCorrected = false

    for (let attempt = 1; ; attempt++) {
      const log = (message: string, meta: object) => logger?.debug(message, { operation, attempt, ...meta })
      const signed = await signatureHeaders(method, url, config.credentials, clock.now)
      for (const name in signed) headers.set(name, signed[name as keyof typeof signed]!)
      log('ncp request', { method, url })

      // A fresh signal per attempt: the caller's signal or this attempt's timeout aborts it.
      // Checked here, with no await before the listener, so no abort can slip in between.
      signal.throwIfAborted()
      const controller = new AbortController()
      const abort = () => controller.abort(signal.reason)
      let timedOut = false
      const timer = setTimeout(() => {
        timedOut = true
        controller.abort()
      }, timeoutMs)
      signal.addEventListener('abort', abort)
      let response: Response | undefined
      let body: string | undefined
      // Why this attempt is retried (an error name or a status), and after how long.
      let reason: unknown
      let delayMs: number | undefined
      try {
        response = await config.fetch(url, { ...init, signal: controller.signal })
        body = await response.text()
      } catch (cause) {
        signal.throwIfAborted()
        const what = `${operation ?? method} attempt ${attempt}`
        const error = timedOut
          ? new NcpTimeoutError(`${what} timed out after ${timeoutMs} ms; raise timeoutMs if the network is slow.`, { operation, attempts: attempt, timeoutMs }, cause)
          : new NcpNetworkError(`${what} got no answer (${fetchReason(cause)}); check the network and the base URL.`, { operation, attempts: attempt }, cause)
        if (!idempotent || attempt >= budget) throw error
        reason = error.name
      } finally {
        clearTimeout(timer)
        signal.removeEventListener('abort', abort)
      }

      if (body !== undefined) {
        const { status, statusText, headers: answerHeaders } = response!
        log('ncp response', { status, traceId: answerHeaders.get('x-ncp-trace-id') })
        // A refused timestamp: learn the server's clock from its Date header and sign once more.
        // Safe for every operation, since the request was refused before it did anything.
        if (status === 401 && !skewCorrected && clock.correct(+signed['x-ncp-apigw-timestamp'], answerHeaders.get('date'))) {
          skewCorrected = true
          budget++
          log('ncp clock corrected', { offsetMs: clock.offset() })
          continue
        }
        delayMs = retryAfterDelay(answerHeaders.get('retry-after'), clock.now())
        if (!(idempotent && isRetryableStatus(status) && attempt < budget && !(delayMs! > MAX_RETRY_AFTER_MS))) {
          onAnswer?.(body)
          return new Response(onAnswer || !body ? null : body, { status, statusText, headers: answerHeaders })
        }
        reason = status
      }
      delayMs ??= backoffDelay(attempt, config.random)
      log('ncp retry', { reason, delayMs })
      await config.sleep(delayMs, signal)
    }
  }
}

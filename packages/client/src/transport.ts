import type { Clock } from './clock.js'
import { NcpNetworkError, NcpTimeoutError } from './errors.js'
import type { Credentials, CredentialsProvider, Logger } from './options.js'
import { PlainRequest } from './plain-request.js'
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
 * What a high-level call shares with the transport: its operation, for errors and log lines, and
 * a slot for the answer's body. Constructing a Response with a body costs about a tenth of a
 * loopback round trip on Node (a web stream per body), so for these calls the transport hands
 * the bytes over here instead of wrapping them in a new Response.
 */
export interface CallContext {
  operation: string
  body?: ArrayBuffer
}

/** The transport's `fetch`: the raw client calls it with openapi-fetch's two arguments, a high-level call adds its context. */
export type Transport = (request: Request | PlainRequest, init?: RequestInit, context?: CallContext) => Promise<Response>

/**
 * The `fetch` beneath openapi-fetch's middleware chain: it signs every attempt afresh (fresh
 * timestamp, learned clock offset), bounds each attempt with its own timeout, retries idempotent
 * requests on transient failures, and re-signs once after a clock-skew refusal. The answer's
 * body is read inside the attempt, so the timeout and the retries cover it too.
 */
// fetch's own error says only "fetch failed"; the reason (ECONNREFUSED, a reset...) is its cause.
function reason(error: unknown): string {
  const { message, cause } = (error ?? {}) as { message?: string; cause?: { message?: string } }
  return cause?.message ? `${message}: ${cause.message}` : String(message)
}

export function createTransport(config: TransportConfig): Transport {
  const { clock, logger, timeoutMs } = config

  return async (request, requestInitExt, context) => {
    const { method, url, headers } = request
    const signal = request.signal ?? undefined
    const operation = context?.operation
    const idempotent = isIdempotent(method)
    const init: RequestInit = {
      ...requestInitExt,
      method,
      headers,
      redirect: request.redirect ?? 'follow',
      // A Request's body is a one-use stream: read it once so every attempt can send it.
      body: (request instanceof PlainRequest ? request.body : request.body && (await request.arrayBuffer())) ?? null,
    }
    let budget = config.maxAttempts
    let skewCorrected = false

    for (let attempt = 1; ; attempt++) {
      const retry = async (reason: unknown, delayMs: number) => {
        logger?.debug('ncp retry', { operation, attempt, reason, delayMs })
        await config.sleep(delayMs, signal)
      }
      const signed = await signatureHeaders(method, url, config.credentials, clock.now)
      for (const name in signed) headers.set(name, signed[name as keyof typeof signed]!)
      logger?.debug('ncp request', { operation, method, url, attempt })

      // A fresh signal per attempt: the caller's signal or this attempt's timeout aborts it.
      // Checked here, with no await before the listener, so no abort can slip in between.
      signal?.throwIfAborted()
      const controller = new AbortController()
      const abort = () => controller.abort(signal?.reason)
      let timedOut = false
      const timer = setTimeout(() => {
        timedOut = true
        controller.abort()
      }, timeoutMs)
      signal?.addEventListener('abort', abort)
      let response: Response
      let body: ArrayBuffer
      try {
        response = await config.fetch(url, { ...init, signal: controller.signal })
        body = await response.arrayBuffer()
      } catch (cause) {
        signal?.throwIfAborted()
        const fields = { operation, attempts: attempt }
        const what = `${operation ?? method} attempt ${attempt}`
        const error = timedOut
          ? new NcpTimeoutError(`${what} timed out after ${timeoutMs} ms; raise timeoutMs if the network is slow.`, { ...fields, timeoutMs }, cause)
          : new NcpNetworkError(`${what} got no answer (${reason(cause)}); check the network and the base URL.`, fields, cause)
        if (!idempotent || attempt >= budget) throw error
        await retry(error.name, backoffDelay(attempt, config.random))
        continue
      } finally {
        clearTimeout(timer)
        signal?.removeEventListener('abort', abort)
      }

      const { status } = response
      const answerHeaders = response.headers
      logger?.debug('ncp response', { operation, status, attempt, traceId: answerHeaders.get('x-ncp-trace-id') })
      // A refused timestamp: learn the server's clock from its Date header and sign once more.
      // Safe for every operation, since the request was refused before it did anything.
      if (status === 401 && !skewCorrected && clock.correct(+signed['x-ncp-apigw-timestamp'], answerHeaders.get('date'))) {
        skewCorrected = true
        budget++
        logger?.debug('ncp clock corrected', { operation, offsetMs: clock.offset() })
        continue
      }
      if (idempotent && isRetryableStatus(status) && attempt < budget) {
        const retryAfter = retryAfterDelay(answerHeaders.get('retry-after'), clock.now())
        if (!(retryAfter! > MAX_RETRY_AFTER_MS)) {
          await retry(status, retryAfter ?? backoffDelay(attempt, config.random))
          continue
        }
      }
      if (!context) return new Response(body.byteLength ? body : null, { status, statusText: response.statusText, headers: answerHeaders })
      // The call parses context.body itself and, on success, asks openapi-fetch for the body as a
      // stream, which it hands back unread; the spent answer serves. A failure needs a readable body.
      context.body = body
      return response.ok ? response : new Response(null, { status, statusText: response.statusText, headers: answerHeaders })
    }
  }
}

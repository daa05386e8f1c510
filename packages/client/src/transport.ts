import type { Clock } from './clock.js'
import { NcpNetworkError, NcpTimeoutError } from './errors.js'
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
  sleep: (ms: number, signal: AbortSignal) => Promise<void>
  logger: Logger | undefined
  operationOf: (method: string, url: string) => string | undefined
}

interface Answer {
  status: number
  statusText: string
  headers: Headers
  body: ArrayBuffer
}

const NO_BODY = new Set([101, 204, 205, 304])

/**
 * The `fetch` beneath openapi-fetch's middleware chain: it signs every attempt afresh (fresh
 * timestamp, learned clock offset), bounds each attempt with its own timeout, retries idempotent
 * requests on transient failures, and re-signs once after a clock-skew refusal. The answer's
 * body is read inside the attempt, so the timeout and the retries cover it too.
 */
export function createTransport(config: TransportConfig): (request: Request, init?: RequestInit) => Promise<Response> {
  const { clock, logger, timeoutMs } = config

  async function send(request: Request, init: RequestInit, signal: AbortSignal, operation: string | undefined, attempts: number): Promise<Answer> {
    const controller = new AbortController()
    let timedOut = false
    const timer = setTimeout(() => {
      timedOut = true
      controller.abort()
    }, timeoutMs)
    const onAbort = () => controller.abort(signal.reason)
    signal.addEventListener('abort', onAbort)
    // Raced as well as passed down, so a fetch or a body that ignores the signal still stops.
    const aborted = new Promise<never>((_resolve, reject) => {
      controller.signal.addEventListener('abort', () => reject(controller.signal.reason))
    })
    aborted.catch(() => {})
    let response: Response | undefined
    try {
      response = await Promise.race([config.fetch(request.url, { ...init, signal: controller.signal }), aborted])
      const body = await Promise.race([response.arrayBuffer(), aborted])
      return { status: response.status, statusText: response.statusText, headers: response.headers, body }
    } catch (cause) {
      response?.body?.cancel().catch(() => {})
      if (signal.aborted) throw signal.reason
      const what = operation ?? `${request.method} request`
      throw timedOut
        ? new NcpTimeoutError(
            `${what} timed out after ${timeoutMs} ms (attempt ${attempts}). Raise timeoutMs if the network is slow.`,
            operation,
            attempts,
            timeoutMs,
            cause,
          )
        : new NcpNetworkError(
            `${what} failed before an answer (${cause instanceof Error ? cause.message : String(cause)}), attempt ${attempts}. Check the network and the base URL.`,
            operation,
            attempts,
            cause,
          )
    } finally {
      clearTimeout(timer)
      signal.removeEventListener('abort', onAbort)
    }
  }

  return async function ncpFetch(request, requestInitExt) {
    const { method, url, signal } = request
    const operation = config.operationOf(method, url)
    const idempotent = isIdempotent(method)
    const init: RequestInit = {
      ...requestInitExt,
      method,
      headers: request.headers,
      redirect: request.redirect,
      body: request.body === null ? null : await request.arrayBuffer(),
    }
    let budget = config.maxAttempts
    let skewCorrected = false
    for (let attempts = 1; ; attempts++) {
      if (signal.aborted) throw signal.reason
      const signed = await signatureHeaders(method, url, config.credentials, clock.now)
      for (const name in signed) request.headers.set(name, signed[name as keyof typeof signed] as string)
      logger?.debug('ncp request', { operation, method, url, attempt: attempts })

      let answer: Answer
      try {
        answer = await send(request, init, signal, operation, attempts)
      } catch (error) {
        if (!(error instanceof NcpNetworkError) || !idempotent || attempts >= budget) throw error
        const delayMs = backoffDelay(attempts, config.random)
        logger?.debug('ncp retry', { operation, attempt: attempts, reason: error.name, delayMs })
        await config.sleep(delayMs, signal)
        continue
      }
      const { status, headers } = answer
      logger?.debug('ncp response', { operation, status, attempt: attempts, traceId: headers.get('x-ncp-trace-id') ?? undefined })

      // A refused timestamp: learn the server's clock from its Date header and sign once more.
      // Safe for every operation, since the request was refused before it did anything.
      if (status === 401 && !skewCorrected && clock.correct(Number(signed['x-ncp-apigw-timestamp']), headers.get('date'))) {
        skewCorrected = true
        budget++
        logger?.debug('ncp clock skew corrected', { operation, offsetMs: clock.offset() })
        continue
      }
      if (idempotent && isRetryableStatus(status) && attempts < budget) {
        const retryAfter = retryAfterDelay(headers.get('retry-after'), clock.now())
        if (retryAfter === undefined || retryAfter <= MAX_RETRY_AFTER_MS) {
          const delayMs = retryAfter ?? backoffDelay(attempts, config.random)
          logger?.debug('ncp retry', { operation, attempt: attempts, reason: status, delayMs })
          await config.sleep(delayMs, signal)
          continue
        }
      }
      return new Response(NO_BODY.has(status) ? null : answer.body, { status, statusText: answer.statusText, headers })
    }
  }
}

import { quoted } from './api-error.js'
import type { Clock } from './clock.js'
import { NcpApiError, NcpError, NcpNetworkError, NcpTimeoutError } from './errors.js'
import type { Credentials, CredentialsProvider, Logger } from './options.js'
import { discard, readText, TooLarge } from './read-body.js'
import { backoffDelay, isRetryableStatus, isThrottled, MAX_RETRY_AFTER_MS, retryAfterDelay } from './retry.js'
import { checkCredentials, resolveCredentials, signedHeaders } from './signing.js'

export interface TransportConfig {
  /** Up to and including the base path, no trailing slash: `https://host/api/v1`. */
  baseUrl: string
  fetch: (input: string, init: RequestInit) => Promise<Response>
  credentials: Credentials | CredentialsProvider
  clock: Clock
  maxResponseBytes: number
  /** Whether `fetch` is Node's own, whose bodies a declared `Content-Length` bounds (see `readText`). */
  framed: boolean
  random: () => number
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>
  /** Arms each attempt's timeout (`realTimer` outside tests). */
  timer: AttemptTimer
  logger: Logger | undefined
  /** Sent as `User-Agent` when given (the Node entry; browsers set their own). */
  userAgent: string | undefined
}

/** One request, as the caller has already validated and serialised it. */
export interface Outgoing {
  /** The operation, for messages and logs; `undefined` for a raw request the table does not describe. */
  operation: string | undefined
  method: string
  /** Path and query after the base path, percent-encoded as sent: `/api-keys/a%2Fb?limit=20`. */
  target: string
  body: string | undefined
  /** Whether a repeat has the effect of one request (the table's `idempotent`). */
  idempotent: boolean
  /** More request headers (the raw client's). */
  headers: Record<string, string> | undefined
  signal: AbortSignal | undefined
  timeoutMs: number
  maxAttempts: number
}

/** The answer of the last attempt. */
export interface Answer {
  status: number
  headers: Headers
  text: string
  /** The secrets this attempt used, for redacting whatever the server quoted back. */
  secrets: readonly string[]
  /** An earlier attempt was sent and got no answer, so it may have been carried out. */
  lost: boolean
}

export type Send = (out: Outgoing) => Promise<Answer>

/**
 * Arms an attempt's timeout: calls `expire` once `ms` have passed, unless the returned function
 * disarms it first. Not an option of the client: users have `timeoutMs`; the tests give their own
 * timer, which expires an attempt exactly when they choose (once the server holds the request),
 * so no test races a timer against a request's arrival or waits the timeout out.
 */
export type AttemptTimer = (ms: number, expire: () => void) => () => void

/** The timer every client uses: Node's or the browser's `setTimeout`. */
export const realTimer: AttemptTimer = (ms, expire) => {
  const timer = setTimeout(expire, ms)
  return () => clearTimeout(timer)
}

// fetch's own error says only "fetch failed"; the reason (ECONNREFUSED, a reset...) is its cause.
function fetchReason(error: unknown): string {
  const { message, cause } = (error ?? {}) as { message?: string; cause?: { message?: string } }
  return cause?.message ? `${message}: ${cause.message}` : String(message)
}

/**
 * The code of fetch's reason, where the runtime gives one, or `undefined`. Node's system errors
 * (ECONNREFUSED, ECONNRESET) and undici's own (UND_ERR_SOCKET) carry one on every Node. An answer
 * that is not HTTP gives an HTTPParserError, whose llhttp code (HPE_INVALID_HEADER_TOKEN) only
 * undici 6 fills in (Node 20's and 22's fetch): undici 7 (Node 24's fetch, and the undici the
 * client loads for a proxy on any Node) leaves it undefined, so that cause keeps no code.
 */
function codeOf(error: unknown): string | undefined {
  const code = (error as { cause?: { code?: unknown } } | undefined)?.cause?.code
  return typeof code === 'string' ? code : undefined
}

// A refused connection never reached the API, so even a request that must not be repeated can be.
// With several addresses (localhost as ::1 and 127.0.0.1) Node reports an AggregateError of them
// whose own code is the first one's: refused only when every address refused.
function refused(error: unknown): boolean {
  const errors = (error as { cause?: { errors?: { code?: unknown }[] } } | undefined)?.cause?.errors
  if (Array.isArray(errors)) return errors.length > 0 && errors.every((e) => e?.code === 'ECONNREFUSED')
  return codeOf(error) === 'ECONNREFUSED'
}

/**
 * What is kept of fetch's error as the cause: its name, reason and code (where it has one), redacted. The original
 * may carry what the server sent (undici's parser errors keep the unparsed bytes, an echoed
 * signature among them), which inspecting the error would show.
 */
function safeCause(error: unknown, secrets: readonly string[]): Error {
  const kept = new Error(quoted(fetchReason(error), secrets, 300))
  kept.name = (error as Error | undefined)?.name ?? 'Error'
  const code = codeOf(error)
  return code === undefined ? kept : Object.assign(kept, { code })
}

/**
 * Sends one request to NCP: signs every attempt afresh (fresh timestamp, learned clock offset),
 * bounds each attempt, the credentials provider and the answer's body with the attempt's timeout
 * and the caller's signal, follows no redirect (NCP's API never redirects, and a redirect would
 * carry the signature elsewhere), reads at most `maxResponseBytes`, retries what is safe to
 * retry, and re-signs once after a clock-skew refusal.
 */
export function createTransport(config: TransportConfig): Send {
  const { clock, logger, maxResponseBytes, framed, userAgent } = config
  const basePath = new URL(config.baseUrl).pathname.replace(/\/$/, '')
  // Credentials given as an object are checked once; a provider's answer, on every attempt.
  const fixed = typeof config.credentials === 'function' ? undefined : checkCredentials(config.credentials)

  return async (out) => {
    const { operation, method, target, body, signal, timeoutMs } = out
    // The target comes percent-encoded exactly as the URL parser would leave it (see targetOf
    // and the raw client), so what is signed is what fetch sends, with no URL parsed per call.
    const url = config.baseUrl + target
    const pathWithQuery = basePath + target
    const name = operation ?? `${method} ${target}`
    let budget = out.maxAttempts
    let skewCorrected = false
    let lost = false

    for (let attempt = 1; ; attempt++) {
      signal?.throwIfAborted()
      // One controller per attempt: the attempt's timeout or the caller's signal aborts it.
      const controller = new AbortController()
      let timedOut = false
      const disarm = config.timer(timeoutMs, () => {
        timedOut = true
        controller.abort()
      })
      const onAbort = () => controller.abort(signal!.reason)
      signal?.addEventListener('abort', onAbort)
      let sent = false
      let secrets: string[] = []
      let timestamp = ''
      let response: Response | undefined
      let text: string | undefined
      let reason: unknown
      try {
        const credentials = fixed ?? (await resolveCredentials(config.credentials, controller.signal))
        timestamp = String(Math.floor(clock.now()))
        const signature = await signedHeaders(method, pathWithQuery, timestamp, credentials)
        secrets = [credentials.secretKey, signature['x-ncp-apigw-signature-v2']]
        const headers: Record<string, string> = { ...out.headers, ...signature }
        if (body !== undefined) headers['content-type'] ??= 'application/json'
        if (userAgent) headers['user-agent'] = userAgent
        if (logger) logger.debug('ncp request', { operation, attempt, method, target })
        sent = true
        response = await config.fetch(url, { method, headers, body: body ?? null, redirect: 'manual', signal: controller.signal })
        const { status } = response
        if (status < 200 || status > 599 || (status >= 300 && status < 400)) {
          discard(response.body)
          throw unusableStatus(operation, response, secrets)
        }
        text = await readText(response, maxResponseBytes, controller.signal, framed)
      } catch (cause) {
        if (cause instanceof TooLarge) {
          throw new NcpApiError(
            { operation, status: response!.status, retryable: false, traceId: traceIdOf(response!.headers, secrets) },
            `with a body larger than maxResponseBytes (${cause.limit} bytes), so it was not read`,
            'Raise maxResponseBytes if answers this large are expected.',
          )
        }
        if (cause instanceof NcpError) throw cause
        signal?.throwIfAborted()
        const what = `${name} attempt ${attempt}`
        const error = timedOut
          ? new NcpTimeoutError(
              `${what} timed out after ${timeoutMs} ms${sent ? '' : ' waiting for the credentials provider'}; raise timeoutMs if the network is slow.`,
              { operation, attempts: attempt, timeoutMs },
              safeCause(cause, secrets),
            )
          : sent
            ? new NcpNetworkError(
                `${what} got no answer (${quoted(fetchReason(cause), secrets, 300)}); check the network and the base URL.`,
                { operation, attempts: attempt },
                safeCause(cause, secrets),
              )
            : cause
        // Retried only when a repeat cannot do twice what the request does.
        if (!(error instanceof NcpNetworkError) || attempt >= budget || !(out.idempotent || !sent || refused(cause))) throw error
        lost ||= sent && !refused(cause)
        reason = error.name
      } finally {
        disarm()
        signal?.removeEventListener('abort', onAbort)
      }

      let delayMs: number | undefined
      if (text !== undefined) {
        const { status, headers } = response!
        if (logger) logger.debug('ncp response', { operation, attempt, status, traceId: traceIdOf(headers, secrets) })
        // A success is returned at once: nothing below applies to it.
        if (status < 300) return { status, headers, text, secrets, lost }
        // A refused timestamp: learn the server's clock from its Date header and sign once more.
        // Safe for every operation, since the request was refused before it did anything.
        if (status === 401 && !skewCorrected && clock.correct(+timestamp, headers.get('date'))) {
          skewCorrected = true
          budget++
          if (logger) logger.debug('ncp clock corrected', { operation, attempt, offsetMs: clock.offset() })
          continue
        }
        delayMs = retryAfterDelay(headers.get('retry-after'), clock.now())
        const retry =
          isRetryableStatus(status) && attempt < budget && !(delayMs! > MAX_RETRY_AFTER_MS) && (out.idempotent || isThrottled(status, text))
        if (!retry) return { status, headers, text, secrets, lost }
        reason = status
      }
      delayMs ??= backoffDelay(attempt, config.random)
      if (logger) logger.debug('ncp retry', { operation, attempt, reason, delayMs })
      await config.sleep(delayMs, signal)
    }
  }
}

/** The trace ID header, redacted like any text the server chose. */
export function traceIdOf(headers: Headers, secrets: readonly string[]): string | undefined {
  const value = headers.get('x-ncp-trace-id')
  return value === null ? undefined : quoted(value, secrets, 100)
}

/** A redirect (never followed: it would carry the signature elsewhere) or a status HTTP has not. */
function unusableStatus(operation: string | undefined, response: Response, secrets: readonly string[]): NcpApiError {
  const { status, headers, type } = response
  const fields = { operation, status, retryable: false, traceId: traceIdOf(headers, secrets) }
  if (type === 'opaqueredirect' || (status >= 300 && status < 400)) {
    // A browser's opaque redirect hides its Location: then where it pointed is unknown.
    const target = headers.get('location')
    let location: string | undefined
    try {
      if (target !== null) location = quoted(new URL(target, response.url || undefined).origin, secrets, 100)
    } catch {}
    if (location === 'null') location = undefined
    return new NcpApiError(
      { ...fields, location },
      `redirecting${location ? ` to ${location}` : ''}, which NCP's API never does, so it was not followed and nothing was sent there`,
      'Check the base URL and any proxy in between.',
    )
  }
  return new NcpApiError(fields, 'which is not an HTTP status (200 to 599)', 'Check the base URL and any proxy in between.')
}

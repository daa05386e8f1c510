import { SIGNATURE_HEADERS } from '@ncloud-apigw/signer'
import { redactedExcerpt } from './api-error.js'
import { NcpApiError, NcpError, NcpNetworkError, NcpTimeoutError } from './errors.js'
import { onAbort } from './abort-listener.js'
import { BodyTooLarge, discard, readText } from './read-answer.js'
import { checkCredentials, resolveCredentials, signedHeaders } from './signing.js'
import type { Outgoing, TransportConfig } from './exchange.js'

/** What one attempt came to: an answer with a status, or none. */
export type Outcome =
  | {
      readonly kind: 'answer'
      readonly status: number
      readonly headers: Headers
      readonly text: string
      /** The secrets the call has used so far, this attempt's included, for redacting whatever the server quoted back. */
      readonly secrets: readonly string[]
      /** The timestamp it was signed with, for the clock-skew correction. */
      readonly timestamp: number
    }
  | {
      readonly kind: 'no answer'
      readonly error: NcpNetworkError
      /** The request may have reached the API (and been carried out): it was sent, and failed after a connection was made. */
      readonly reached: boolean
    }

/** fetch's own error says only "fetch failed"; the reason (ECONNREFUSED, a reset...) is its cause. */
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

// Failures before a connection carried any byte of the request: the name did not resolve (for
// good or for now), no route, the connection refused or not made in time, TLS refusing the
// certificate (the request follows the handshake). Such an attempt did nothing, so any request
// may be repeated, and a later 404 says nothing of it. Anything else may have reached the API.
const UNREACHED = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NODATA', 'EAI_NONAME', 'ECONNREFUSED', 'EHOSTUNREACH', 'EHOSTDOWN', 'ENETUNREACH', 'ENETDOWN', 'EADDRNOTAVAIL', 'UND_ERR_CONNECT_TIMEOUT'])
const unreachedCode = (code: unknown) => typeof code === 'string' && (UNREACHED.has(code) || /CERT|^ERR_(?:TLS|SSL)_/.test(code))

// With several addresses (localhost as ::1 and 127.0.0.1) Node reports an AggregateError of them
// whose own code is the first one's: unreached only when no address was reached.
function unreached(error: unknown): boolean {
  const errors = (error as { cause?: { errors?: { code?: unknown }[] } } | undefined)?.cause?.errors
  if (Array.isArray(errors)) return errors.length > 0 && errors.every((e) => unreachedCode(e?.code))
  return unreachedCode(codeOf(error))
}

/**
 * What is kept of fetch's error as the cause: its name, reason and code (where it has one),
 * redacted. The original may carry what the server sent (undici's parser errors keep the
 * unparsed bytes, an echoed signature among them), which inspecting the error would show.
 */
function safeCause(error: unknown, secrets: readonly string[]): Error {
  const kept = new Error(redactedExcerpt(fetchReason(error), secrets, 300))
  kept.name = (error as Error | undefined)?.name ?? 'Error'
  const code = codeOf(error)
  return code === undefined ? kept : Object.assign(kept, { code })
}

/** The trace ID header, redacted like any text the server chose. */
export function traceIdOf(headers: Headers, secrets: readonly string[]): string | undefined {
  const value = headers.get('x-ncp-trace-id')
  return value === null ? undefined : redactedExcerpt(value, secrets, 100)
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
      if (target !== null) location = redactedExcerpt(new URL(target, response.url || undefined).origin, secrets, 100)
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

/**
 * Makes one attempt of a request: credentials (a provider's answer checked every time), a fresh
 * signature over the path and query as sent, fetch with no redirect followed, the answer's body
 * read whole up to `maxResponseBytes`; all of it bounded by the attempt's timer and the caller's
 * signal. Resolves with what came of it; throws what no retry can change (the caller's abort, a
 * credentials error, a redirect, a body too large).
 */
export function createAttempt(config: TransportConfig): (out: Outgoing, attempt: number, secrets: string[]) => Promise<Outcome> {
  const { clock, logger, maxResponseBytes, nodeFetch, userAgent } = config
  const basePath = new URL(config.baseUrl).pathname.replace(/\/$/, '')
  // Credentials given as an object are checked once; a provider's answer, on every attempt.
  const given = typeof config.credentials === 'function' ? undefined : checkCredentials(config.credentials)

  // `secrets`: the call's, to which each attempt adds its own, so a later answer quoting an
  // earlier attempt's signature (still valid for minutes) is redacted of it too.
  return async (out, attempt, secrets) => {
    const { operation, method, target, body, signal, timeoutMs } = out
    // The target comes percent-encoded exactly as the URL parser would leave it (see targetOf
    // and the raw client), so what is signed is what fetch sends, with no URL parsed per call.
    const url = config.baseUrl + target
    // One controller per attempt: the attempt's timeout or the caller's signal aborts it.
    const controller = new AbortController()
    let timedOut = false
    const disarm = config.timer(timeoutMs, () => {
      timedOut = true
      controller.abort()
    })
    const stopListening = signal && onAbort(signal, () => controller.abort(signal.reason))
    let sent = false
    let response: Response | undefined
    try {
      const credentials = given ?? (await resolveCredentials(config.credentials, controller.signal))
      const timestamp = Math.floor(clock.now())
      const signature = await signedHeaders(method, basePath + target, String(timestamp), credentials)
      if (!secrets.includes(credentials.secretKey)) secrets.push(credentials.secretKey)
      secrets.push(signature[SIGNATURE_HEADERS.signature])
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
      const text = await readText(response, maxResponseBytes, controller.signal, nodeFetch)
      if (logger) logger.debug('ncp response', { operation, attempt, status, traceId: traceIdOf(response.headers, secrets) })
      return { kind: 'answer', status, headers: response.headers, text, secrets, timestamp }
    } catch (cause) {
      if (cause instanceof BodyTooLarge) {
        throw new NcpApiError(
          { operation, status: response!.status, retryable: false, traceId: traceIdOf(response!.headers, secrets) },
          `with a body larger than maxResponseBytes (${cause.limit} bytes), so it was not read`,
          'Raise maxResponseBytes if answers this large are expected.',
        )
      }
      if (cause instanceof NcpError) throw cause
      signal?.throwIfAborted()
      const attemptName = `${operation ?? `${method} ${target}`} attempt ${attempt}`
      if (timedOut) {
        const error = new NcpTimeoutError(
          `${attemptName} timed out after ${timeoutMs} ms${sent ? '' : ' waiting for the credentials provider'}; raise timeoutMs if the network is slow.`,
          { operation, attempts: attempt, timeoutMs },
          safeCause(cause, secrets),
        )
        return { kind: 'no answer', error, reached: sent }
      }
      // Before anything was sent: the credentials provider's own error, as it is.
      if (!sent) throw cause
      const error = new NcpNetworkError(
        `${attemptName} got no answer (${redactedExcerpt(fetchReason(cause), secrets, 300)}); check the network and the base URL.`,
        { operation, attempts: attempt },
        safeCause(cause, secrets),
      )
      return { kind: 'no answer', error, reached: !unreached(cause) }
    } finally {
      disarm()
      stopListening?.()
    }
  }
}

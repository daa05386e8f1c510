import type { IncomingMessage } from 'node:http'
import type { FaultKind } from './faults.js'
import type { OperationId } from '@ncloud-apigw/operations'
import { SIGNATURE_HEADER } from './signature.js'

/** One request as the fake received it, and what it answered. */
export interface RecordedRequest {
  /** As received, e.g. `GET`, `OPTIONS`. */
  readonly method: string
  /** The request target exactly as received: path and raw query, still percent-encoded. */
  readonly path: string
  /** The operation it was routed to; `undefined` for an unknown route or a CORS preflight. */
  readonly operationId: OperationId | undefined
  /** The `api-key-id` path parameter, percent-decoded once; `undefined` when there is none. */
  readonly apiKeyId: string | undefined
  /**
   * Request headers with lower-case names, repeated ones joined by `, `: `user-agent`,
   * `content-type`, `origin` and the rest, as sent. The signature header
   * is kept but not enumerable, so `headers['x-ncp-apigw-signature-v2']` reads it while
   * `util.inspect`, `JSON.stringify` and test diffs never show it.
   */
  readonly headers: Readonly<Record<string, string>>
  /**
   * The body as text (`''` when there was none). For a request whose signature did not verify or
   * whose body was over 1 MiB, only the start of the body is kept (its first 1 KiB) and
   * `bodyTruncated` is `true`; the body of every other request is kept whole.
   */
  readonly rawBody: string
  /** The body parsed as JSON; `undefined` when it was empty, not JSON, or truncated. */
  readonly body: unknown
  /** The size of the body as received, in bytes, whether or not it was kept whole. */
  readonly bodySize: number
  /** `rawBody` holds only the start of the body (see `rawBody`). */
  readonly bodyTruncated: boolean
  /** Whether the NCP signature v2 headers verified (they are checked on every request but preflights). */
  readonly signatureValid: boolean
  /** Why the signature did not verify, as told to the client; `undefined` when it did. */
  readonly authFailure: string | undefined
  /** The status answered; `undefined` while unanswered and when no status was sent (drop, hang, client gone). */
  readonly status: number | undefined
  /** The `x-ncp-trace-id` answered; `undefined` when no status was sent. */
  readonly traceId: string | undefined
  /** The injected fault applied to this request, if any. */
  readonly fault: FaultKind | undefined
  /** When it arrived, by the server's (possibly skewed) clock, in ms since the epoch. */
  readonly receivedAt: number
}

/** The fake's own, writable view of a record while it handles the request. */
export type MutableRecord = { -readonly [K in keyof RecordedRequest]: RecordedRequest[K] }

/** A proxy may send the absolute form (`http://host/path`); the path and query are what is signed. */
function originForm(target: string): string {
  const absolute = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i.exec(target)
  if (absolute === null) return target
  const rest = target.slice(absolute[0].length)
  return rest.startsWith('/') ? rest : `/${rest}`
}

export function recordRequest(req: IncomingMessage, receivedAt: number): MutableRecord {
  const headers: Record<string, string> = {}
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue
    const text = Array.isArray(value) ? value.join(', ') : value
    if (name === SIGNATURE_HEADER) Object.defineProperty(headers, name, { value: text, enumerable: false })
    else headers[name] = text
  }
  return {
    method: req.method ?? '',
    path: originForm(req.url ?? ''),
    operationId: undefined,
    apiKeyId: undefined,
    headers: Object.freeze(headers),
    rawBody: '',
    body: undefined,
    bodySize: 0,
    bodyTruncated: false,
    signatureValid: false,
    authFailure: undefined,
    status: undefined,
    traceId: undefined,
    fault: undefined,
    receivedAt,
  }
}

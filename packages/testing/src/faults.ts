import { validateHeaderName, validateHeaderValue } from 'node:http'
import { operationIds, operations, type OperationId } from '@ncloud-apigw/operations'
import type { RecordedRequest } from './recorded-request.js'

/** Which requests a fault applies to. Faults never apply to CORS preflight (OPTIONS) requests. */
export interface FaultTarget {
  /** Only requests routed to this operation (an id of the spec's operation table). Left out: every request, routed or not. */
  readonly operationId?: OperationId
  /** How many matching requests the fault applies to: default 1; `Infinity` until removed. */
  readonly times?: number
}

/** A response as the fake is about to send it; the argument and result of a `transform` fault. */
export interface FakeResponse {
  status: number
  /** Lower-case names. `Date`, `x-ncp-trace-id` and the CORS headers are added when sending. */
  headers: Record<string, string>
  /**
   * Parsed JSON of the body (`undefined` for none). Typed `any` because a transform exists to
   * break the documented shape. A string is sent as it is; anything else as JSON.
   */
  body: any
}

/**
 * Answers `status` without processing the request (nothing changes on the server), as API
 * Gateway does when it throttles or cannot reach its backend. The body is NCP's error body with
 * the errorCode and message the spec documents for the status, unless `body` is given.
 */
export interface StatusFault extends FaultTarget {
  readonly kind: 'status'
  /** 100 to 599. */
  readonly status: number
  /** One of the status's NCP codes (429: '400', '410' or '420'); default: the spec's first. */
  readonly errorCode?: string
  /** Put in the error body's `details`. */
  readonly details?: string
  /** Sent as the `Retry-After` header: seconds, or an HTTP date as a string. */
  readonly retryAfter?: number | string
  /** More response headers. */
  readonly headers?: Readonly<Record<string, string>>
  /** Replaces the error body: a string is sent as it is, anything else as JSON. */
  readonly body?: unknown
}

/**
 * Waits `ms` (through the fake's `sleep` option, a real timer by default), then processes the
 * request and answers normally (so a client may time out first).
 */
export interface DelayFault extends FaultTarget {
  readonly kind: 'delay'
  readonly ms: number
}

/** Closes the connection without answering; the request is not processed. */
export interface DropFault extends FaultTarget {
  readonly kind: 'drop'
}

/**
 * Processes the request, sends the status line, the headers (with the full `Content-Length`)
 * and the first `bytes` of the body, then resets the connection. The change is made on the
 * server, but the client never sees the whole answer.
 */
export interface ResetFault extends FaultTarget {
  readonly kind: 'reset'
  /** Bytes of the body sent before the reset; default half the body. */
  readonly bytes?: number
}

/** Never answers; the connection stays open until the client gives up or `close()`. Not processed. */
export interface HangFault extends FaultTarget {
  readonly kind: 'hang'
}

/**
 * A body a client cannot parse as the API's JSON:
 * - `html`: an HTML error page (`text/html`) as a proxy in front of API Gateway would send;
 *   status default 502; the request is not processed.
 * - `truncated-json`: the real response body cut in half, with a `Content-Length` that matches
 *   the cut, so the transfer completes but the JSON does not; the request is processed.
 * - `not-json`: a body that is not JSON, still labelled `application/json`; processed.
 * - `empty`: no body at all (`Content-Length: 0`); processed.
 *
 * `status` replaces the status of the processed response (or the 502 of `html`).
 */
export interface MalformedFault extends FaultTarget {
  readonly kind: 'malformed'
  readonly body: 'html' | 'truncated-json' | 'not-json' | 'empty'
  readonly status?: number
}

/**
 * Processes the request and pads its real JSON response with trailing whitespace to `bytes`
 * (default 10 MiB): still valid JSON and still the documented shape, only very large.
 */
export interface LargeFault extends FaultTarget {
  readonly kind: 'large'
  readonly bytes?: number
}

/**
 * Processes the request, then hands its response to `transform`, which may change it in place or
 * return another: the way to send a response that violates the spec (a missing field, a wrong
 * type) and see who notices. If `transform` throws, the fake answers 500 and says so in `details`.
 */
export interface TransformFault extends FaultTarget {
  readonly kind: 'transform'
  readonly transform: (
    response: FakeResponse,
    request: RecordedRequest,
  ) => FakeResponse | undefined | void | Promise<FakeResponse | undefined | void>
}

/** What `injectFault` accepts: one kind of misbehaviour, and which requests it applies to. */
export type Fault =
  | StatusFault
  | DelayFault
  | DropFault
  | ResetFault
  | HangFault
  | MalformedFault
  | LargeFault
  | TransformFault

export type FaultKind = Fault['kind']

/** A fault waiting in the queue, as `injectFault` returns it. */
export interface InjectedFault {
  readonly fault: Fault
  /** How many requests it has applied to so far. */
  readonly applied: number
  /** How many more it will apply to (`Infinity` for a fault without end). */
  readonly remaining: number
  /** Takes it out of the queue; harmless when it is already spent. */
  remove(): void
}

const malformedBodies = ['html', 'truncated-json', 'not-json', 'empty'] as const

function checkStatus(status: unknown, where: string): void {
  if (!Number.isInteger(status) || (status as number) < 100 || (status as number) > 599) {
    throw new RangeError(`injectFault: ${where} must be an integer from 100 to 599, got ${String(status)}`)
  }
}

function checkBytes(bytes: unknown): void {
  if (bytes !== undefined && (!Number.isSafeInteger(bytes) || (bytes as number) < 0)) {
    throw new RangeError(`injectFault: bytes must be a non-negative integer, got ${String(bytes)}`)
  }
}

/** Refuses a fault that cannot work, naming the field, so a test fails at the line that is wrong. */
function check(fault: Fault): void {
  const times = fault.times ?? 1
  if (fault.operationId !== undefined && !Object.hasOwn(operations, fault.operationId)) {
    throw new RangeError(
      `injectFault: operationId must be one of ${operationIds.join(', ')}, got ${JSON.stringify(fault.operationId)}`,
    )
  }
  if (times !== Infinity && (!Number.isSafeInteger(times) || times < 1)) {
    throw new RangeError(`injectFault: times must be a positive integer or Infinity, got ${String(fault.times)}`)
  }
  switch (fault.kind) {
    case 'status':
      checkStatus(fault.status, 'status')
      // node:http would refuse such a header only when answering, and the test would see some
      // other answer with no sign of its fault: refuse it here, where the test can see why.
      for (const [name, value] of Object.entries(fault.headers ?? {})) {
        try {
          validateHeaderName(name)
          validateHeaderValue(name, value)
        } catch (error) {
          throw new RangeError(`injectFault: headers[${JSON.stringify(name)}] cannot be sent over HTTP (${(error as Error).message}); a raw socket server can send what HTTP forbids`)
        }
      }
      return
    case 'delay':
      if (!Number.isFinite(fault.ms) || fault.ms < 0) {
        throw new RangeError(`injectFault: ms must be a finite number of milliseconds >= 0, got ${String(fault.ms)}`)
      }
      return
    case 'reset':
    case 'large':
      checkBytes(fault.bytes)
      return
    case 'malformed':
      if (!malformedBodies.includes(fault.body)) {
        throw new RangeError(`injectFault: body must be one of ${malformedBodies.join(', ')}, got ${String(fault.body)}`)
      }
      if (fault.status !== undefined) checkStatus(fault.status, 'status')
      return
    case 'transform':
      if (typeof fault.transform !== 'function') throw new TypeError('injectFault: transform must be a function')
      return
    case 'drop':
    case 'hang':
      return
    default:
      throw new RangeError(`injectFault: unknown kind ${JSON.stringify((fault as { kind: unknown }).kind)}`)
  }
}

interface Entry {
  readonly fault: Fault
  applied: number
  remaining: number
}

/** Faults waiting for requests, first injected first applied. */
export class FaultQueue {
  #entries: Entry[] = []

  add(fault: Fault): InjectedFault {
    check(fault)
    const entry: Entry = { fault, applied: 0, remaining: fault.times ?? 1 }
    this.#entries.push(entry)
    return {
      fault,
      get applied() {
        return entry.applied
      },
      get remaining() {
        return entry.remaining
      },
      remove: () => {
        entry.remaining = 0
        this.#entries = this.#entries.filter((e) => e !== entry)
      },
    }
  }

  /** The fault for the next request to `operationId` (undefined when not routed), and counts it. */
  take(operationId: OperationId | undefined): Fault | undefined {
    const entry = this.#entries.find((e) => e.fault.operationId === undefined || e.fault.operationId === operationId)
    if (entry === undefined) return undefined
    entry.applied += 1
    entry.remaining -= 1
    if (entry.remaining <= 0) this.#entries = this.#entries.filter((e) => e !== entry)
    return entry.fault
  }

  clear(): void {
    for (const entry of this.#entries) entry.remaining = 0
    this.#entries = []
  }
}

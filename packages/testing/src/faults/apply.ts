import { STATUS_CODES } from 'node:http'
import { errorResponse, JSON_TYPE, ncpErrorBody } from '../server/ncp-error.js'
import { serialize } from '../server/write.js'
import type { FakeResponse, Fault, FaultKind, RecordedRequest } from '../types.js'

/** What a fault can do with the request it met; the gateway gives one per request. */
export interface Exchange {
  readonly record: RecordedRequest
  /** Runs the operation (the checks, the handler, the answer's check), changing state: the request is "processed". */
  process(): FakeResponse
  /** Sends an answer; one HTTP cannot carry becomes a 500 saying why. */
  send(response: FakeResponse): void
  /** Sends the head and the first `bytes` of the body, then resets the connection. */
  sendThenReset(response: FakeResponse, bytes: number | undefined): void
  /** Closes the connection without a byte. */
  drop(): void
  /** Waits through the `sleep` option; rejects when the fake closes. */
  sleep(ms: number): Promise<void>
  /** The fake is closing: a request still waiting changes nothing. */
  readonly closing: boolean
}

const DEFAULT_LARGE_BYTES = 10 * 1024 * 1024

type Of<K extends FaultKind> = Extract<Fault, { kind: K }>
type Applier<K extends FaultKind> = (fault: Of<K>, exchange: Exchange) => void | Promise<void>

/** NCP's error body for the status (or the fault's own body), with `Retry-After` and the fault's headers. */
function statusAnswer(fault: Of<'status'>): FakeResponse {
  const { status, body, retryAfter, errorCode, details } = fault
  const contentType = body === undefined && status < 400 ? {} : { 'content-type': typeof body === 'string' ? 'text/plain; charset=utf-8' : JSON_TYPE }
  const errorBody = status >= 400 ? ncpErrorBody(status, { ...(errorCode === undefined ? {} : { errorCode }), ...(details === undefined ? {} : { details }) }) : undefined
  return {
    status,
    headers: { ...contentType, ...(retryAfter === undefined ? {} : { 'retry-after': String(retryAfter) }), ...fault.headers },
    body: body ?? errorBody,
  }
}

/** An nginx-style error page, as a proxy in front of API Gateway would send. */
function htmlPage(status: number): string {
  const title = `${status} ${STATUS_CODES[status] ?? 'Error'}`
  return `<!DOCTYPE html>\n<html><head><title>${title}</title></head><body><center><h1>${title}</h1></center><hr><center>nginx</center></body></html>\n`
}

function malformed(fault: Of<'malformed'>, exchange: Exchange): FakeResponse {
  if (fault.body === 'html') {
    const status = fault.status ?? 502
    return { status, headers: { 'content-type': 'text/html; charset=utf-8' }, body: htmlPage(status) }
  }
  const response = exchange.process()
  const text = serialize(response.body)
  const broken = { 'truncated-json': text.subarray(0, Math.floor(text.length / 2)), 'not-json': 'OK', empty: undefined }[fault.body]
  return { status: fault.status ?? response.status, headers: response.headers, body: broken }
}

/** The real answer padded with trailing whitespace: still valid JSON, only large. An answer without a body stays without. */
function large(fault: Of<'large'>, response: FakeResponse): FakeResponse {
  if (response.body === undefined) return response
  const bytes = serialize(response.body)
  const padded = Buffer.alloc(Math.max(bytes.length, fault.bytes ?? DEFAULT_LARGE_BYTES), ' ')
  bytes.copy(padded)
  return { ...response, body: padded }
}

async function transformed(fault: Of<'transform'>, exchange: Exchange): Promise<FakeResponse> {
  const response = exchange.process()
  const copy: FakeResponse = { status: response.status, headers: { ...response.headers }, body: structuredClone(response.body) }
  try {
    return (await fault.transform(copy, exchange.record)) ?? copy
  } catch (error) {
    return errorResponse(500, `the transform fault threw: ${error instanceof Error ? error.message : String(error)}`)
  }
}

/** What each kind of fault does; see the fault types for what a client sees. */
const appliers: { readonly [K in FaultKind]: Applier<K> } = {
  status: (fault, exchange) => exchange.send(statusAnswer(fault)),
  drop: (_fault, exchange) => exchange.drop(),
  // Nothing is sent; the client or close() ends the connection.
  hang: () => {},
  delay: async (fault, exchange) => {
    await exchange.sleep(fault.ms)
    // An injected sleep may resolve after close(): a closed fake changes nothing.
    if (!exchange.closing) exchange.send(exchange.process())
  },
  reset: (fault, exchange) => exchange.sendThenReset(exchange.process(), fault.bytes),
  large: (fault, exchange) => exchange.send(large(fault, exchange.process())),
  malformed: (fault, exchange) => exchange.send(malformed(fault, exchange)),
  transform: async (fault, exchange) => exchange.send(await transformed(fault, exchange)),
}

/** Answers the request as its fault (if any) says; without one, normally. */
export function applyFault(fault: Fault | undefined, exchange: Exchange): void | Promise<void> {
  if (fault === undefined) return exchange.send(exchange.process())
  return (appliers[fault.kind] as Applier<FaultKind>)(fault as never, exchange)
}

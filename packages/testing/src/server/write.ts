import { validateHeaderName, validateHeaderValue, type ServerResponse } from 'node:http'
import type { FakeResponse } from '../types.js'
import { errorResponse } from './ncp-error.js'
import type { MutableRecord } from './record.js'

/** An answer HTTP can carry: a valid status, valid headers, the body's bytes. */
interface Prepared {
  readonly status: number
  readonly headers: Readonly<Record<string, string>>
  readonly bytes: Buffer
}

/** Where an answer goes, and the headers every answer carries (`Date`, `x-ncp-trace-id`, CORS). */
export interface Outgoing {
  readonly res: ServerResponse
  readonly record: MutableRecord
  readonly common: () => Record<string, string>
}

/** Why node:http refuses a header, or `undefined` when it can be sent. */
export function headerProblem(name: string, value: unknown): string | undefined {
  try {
    validateHeaderName(name)
    validateHeaderValue(name, value as string)
    return undefined
  } catch (error) {
    return (error as Error).message
  }
}

/** An error's message up to its first line break: a cycle's names the whole path, over lines. */
export function firstLine(error: unknown): string {
  return String((error as Error)?.message ?? error).split('\n', 1)[0] as string
}

/** The body's bytes: nothing for `undefined`, a string or a Buffer as it is, anything else as JSON. */
export function serialize(body: unknown): Buffer {
  if (body === undefined) return Buffer.alloc(0)
  if (Buffer.isBuffer(body)) return body
  if (typeof body === 'string') return Buffer.from(body)
  const json: unknown = JSON.stringify(body)
  if (typeof json !== 'string') throw new TypeError(`JSON has no text for ${typeof body === 'object' ? 'this value' : `a ${typeof body}`}`)
  return Buffer.from(json)
}

/** What an answer becomes on the wire, or why it cannot go there. */
function prepare(response: FakeResponse | undefined): Prepared | string {
  const { status, headers = {}, body } = response ?? ({} as Partial<FakeResponse>)
  if (!Number.isInteger(status) || (status as number) < 100 || (status as number) > 599) {
    return `its status must be an integer from 100 to 599, got ${String(status)}`
  }
  if (typeof headers !== 'object' || headers === null) return 'its headers must be an object'
  const lower: Record<string, string> = {}
  for (const [name, value] of Object.entries(headers)) {
    const problem = headerProblem(name, value)
    if (problem !== undefined) return `its header ${JSON.stringify(name)} cannot be sent over HTTP (${problem})`
    lower[name.toLowerCase()] = value
  }
  try {
    return { status: status as number, headers: lower, bytes: serialize(body) }
  } catch (error) {
    return `its body cannot be sent as JSON (${firstLine(error)})`
  }
}

const hasNoBody = (status: number) => status < 200 || status === 204 || status === 304

/** Whether an answer can still start: nothing written yet and the connection open. */
export function canAnswer(res: ServerResponse): boolean {
  return !res.headersSent && !res.destroyed && res.socket?.destroyed !== true
}

/** Writes the status line and headers; records the status and trace id only once they are written. */
function writeHead(out: Outgoing, { status, headers, bytes }: Prepared): void {
  const all: Record<string, string | number> = { ...out.common(), ...headers }
  if (!hasNoBody(status)) all['content-length'] = bytes.length
  out.res.writeHead(status, all)
  out.record.status = status
  out.record.traceId = String(all['x-ncp-trace-id'])
}

/** The answer, or a 500 saying why it could not be written: an answer that has not started is always given. */
function prepared(response: FakeResponse | undefined): Prepared {
  const ready = prepare(response)
  if (typeof ready !== 'string') return ready
  const fallback = prepare(errorResponse(500, `the fake API Gateway cannot send the answer it made: ${ready}`))
  return fallback as Prepared
}

/** Sends a whole answer. */
export function send(out: Outgoing, response: FakeResponse | undefined): void {
  if (!canAnswer(out.res)) return
  const ready = prepared(response)
  writeHead(out, ready)
  out.res.end(hasNoBody(ready.status) ? undefined : ready.bytes)
}

/**
 * Sends the head with the full `Content-Length` and the first `bytes` of the body (default half,
 * never all), then resets the connection: the head goes out first even for an answer without a body.
 */
export function sendThenReset(out: Outgoing, response: FakeResponse, bytes: number | undefined): void {
  if (!canAnswer(out.res)) return
  const ready = prepared(response)
  const sent = Math.max(0, Math.min(bytes ?? Math.floor(ready.bytes.length / 2), ready.bytes.length - 1))
  writeHead(out, ready)
  out.res.flushHeaders()
  const socket = out.res.socket
  const reset = () => socket?.resetAndDestroy()
  if (sent > 0) out.res.write(ready.bytes.subarray(0, sent), reset)
  else socket?.write('', reset)
}

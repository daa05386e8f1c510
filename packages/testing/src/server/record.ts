import type { IncomingMessage } from 'node:http'
import type { RecordedRequest } from '../types.js'
import { SIGNATURE_HEADER } from './signature.js'

/** The fake's own, writable view of a record while it handles the request. */
export type MutableRecord = { -readonly [K in keyof RecordedRequest]: RecordedRequest[K] }

/** A proxy may send the absolute form (`http://host/path`); the path and query are what is signed. */
function originForm(target: string): string {
  const absolute = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i.exec(target)
  if (absolute === null) return target
  const rest = target.slice(absolute[0].length)
  return rest.startsWith('/') ? rest : `/${rest}`
}

/** A record of a request that has just arrived: what its head says; the rest fills in later. */
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
    pathParams: {},
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

/**
 * What a record holds, in bytes, as the request log counts it: its target, its headers (the
 * hidden signature too) and its body, twice when it was parsed (the text and the value).
 */
export function recordBytes(record: RecordedRequest): number {
  let bytes = record.path.length
  for (const name of Object.getOwnPropertyNames(record.headers)) bytes += name.length + (record.headers[name]?.length ?? 0)
  const body = Buffer.byteLength(record.rawBody)
  return bytes + (record.body === undefined ? body : 2 * body)
}

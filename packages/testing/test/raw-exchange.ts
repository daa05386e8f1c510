// HTTP/1.1 over a bare TCP socket: one request, reporting every byte that came back and how the
// connection ended, so tests assert what the wire carried, not what a client made of it; or many
// pipelined requests on one connection, for tests that need many requests cheaply.
import { connect } from 'node:net'
import { signedHeaders, type TestCredentials } from './ncp-fetch.js'

export interface Exchange {
  /** Everything received, headers included. */
  readonly received: Buffer
  /** The socket error that ended the connection (`ECONNRESET` for a reset), if any. */
  readonly errorCode: string | undefined
}

export function rawExchange(url: string, credentials: TestCredentials, method = 'GET'): Promise<Exchange> {
  const { hostname, port, pathname, search } = new URL(url)
  const headers = { ...signedHeaders(method, url, credentials), host: `${hostname}:${port}`, connection: 'close' }
  const head = [`${method} ${pathname}${search} HTTP/1.1`, ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`), '', ''].join('\r\n')
  return new Promise((resolve) => {
    const chunks: Buffer[] = []
    let errorCode: string | undefined
    const socket = connect(Number(port), hostname, () => socket.write(head))
    socket.on('data', (chunk: Buffer) => chunks.push(chunk))
    socket.on('error', (error: NodeJS.ErrnoException) => (errorCode = error.code))
    socket.on('close', () => resolve({ received: Buffer.concat(chunks), errorCode }))
  })
}

/** Splits a raw HTTP/1.1 response into its head and body bytes. */
export function splitResponse(received: Buffer): { head: string; body: Buffer } {
  const end = received.indexOf('\r\n\r\n')
  if (end === -1) return { head: received.toString('latin1'), body: Buffer.alloc(0) }
  return { head: received.subarray(0, end).toString('latin1'), body: received.subarray(end + 4) }
}

/**
 * Sends a GET of each path (below the URL's path) over one connection, all written at once
 * (HTTP/1.1 pipelining: the server answers them in order), signed, and resolves with the number
 * of answers once the server has closed the connection after the last. Far cheaper than a
 * request per fetch, for tests that need many requests and not many clients.
 */
export function pipelinedGets(base: string, credentials: TestCredentials, paths: readonly string[]): Promise<number> {
  const { hostname, port, pathname } = new URL(base)
  const requests = paths.map((path, i) => {
    const target = `${pathname}${path}`
    const headers = { ...signedHeaders('GET', `${base}${path}`, credentials), host: `${hostname}:${port}`, ...(i === paths.length - 1 ? { connection: 'close' } : {}) }
    return [`GET ${target} HTTP/1.1`, ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`), '', ''].join('\r\n')
  })
  return new Promise((resolve, reject) => {
    let received = ''
    const socket = connect(Number(port), hostname, () => socket.write(requests.join('')))
    socket.setEncoding('latin1')
    socket.on('data', (chunk: string) => (received += chunk))
    socket.on('error', reject)
    socket.on('close', () => resolve(received.split('HTTP/1.1 ').length - 1))
  })
}

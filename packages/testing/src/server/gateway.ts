import { randomBytes } from 'node:crypto'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { setTimeout as sleep } from 'node:timers/promises'
import type { Clock } from '../clock.js'
import { applyFault, type Exchange } from '../faults/apply.js'
import { FaultQueue } from '../faults/queue.js'
import type { Api } from '../handler.js'
import type { FakeApiGatewayOptions, Fault, InjectedFault, RecordedRequest } from '../types.js'
import { CorsPolicy } from './cors.js'
import { limits } from './limits.js'
import { errorResponse } from './ncp-error.js'
import { MAX_BODY_BYTES, processRequest, type Incoming } from './operation.js'
import { parseBody, readBody } from './read-body.js'
import { recordRequest, type MutableRecord } from './record.js'
import { RequestLog } from './request-log.js'
import { BASE_PATH, checkBasePath, decodeParams, route } from './routes.js'
import { verifySignature } from './signature.js'
import { send, sendThenReset, type Outgoing } from './write.js'

/** How much of a refused body (bad signature, too large) a record keeps. */
const RECORDED_PREFIX_BYTES = 1024

function ignore(): void {}

/**
 * The generic machinery of the fake: the server and its lifecycle, the request log, the faults,
 * and the pipeline every request goes through (route, verify the signature, read and parse the
 * body once, take a fault, then answer as the fault says, processing through the `Api`). It knows
 * no resource: what the operations do is the `Api`'s.
 */
export class Gateway {
  readonly #server: Server
  readonly #api: Api
  readonly #clock: Clock
  readonly #secrets: Map<string, string>
  readonly #faults = new FaultQueue()
  readonly #log: RequestLog
  readonly #cors: CorsPolicy
  readonly #sleep: (ms: number, signal: AbortSignal) => Promise<void>
  readonly #lifetime = new AbortController()
  readonly #basePath: string
  #closing: Promise<void> | undefined
  #url = ''

  constructor(options: FakeApiGatewayOptions, { api, clock, secrets }: { api: Api; clock: Clock; secrets: Map<string, string> }) {
    this.#api = api
    this.#clock = clock
    this.#secrets = secrets
    this.#basePath = options.basePath ?? BASE_PATH
    checkBasePath(this.#basePath)
    this.#sleep = options.sleep ?? ((ms, signal) => sleep(ms, undefined, { signal }))
    const limit = limits(options)
    this.#log = new RequestLog(limit.maxRecordedRequests, limit.maxRecordedBytes)
    this.#cors = new CorsPolicy(options.corsOrigins)
    this.#server = createServer(
      {
        // Long ids (the client is tested with very long, heavily encoded ones) need more than the
        // default 16 KiB of request line and headers.
        maxHeaderSize: 64 * 1024,
        // A client that trickles its headers or body is cut off (408) rather than held for Node's
        // 60 s and 300 s; checked every second, or every quarter of a shorter limit (Node's 30 s
        // would let a small limit in a test run on for half a minute).
        headersTimeout: limit.headersTimeoutMs,
        requestTimeout: limit.requestTimeoutMs,
        connectionsCheckingInterval: limit.checkingIntervalMs,
      },
      (req, res) => void this.#handle(req, res),
    )
    this.#server.maxConnections = limit.maxConnections
    // An idle keep-alive connection stays open until the client or close() ends it. With Node's
    // default (closing it after 5 s idle) a client that reuses it just as that timer fires, which
    // a starved process makes likely, has its request reset: the fake would fail its caller for
    // being slow. Clients close the idle connections they keep, and close() ends the rest.
    this.#server.keepAliveTimeout = 0
  }

  async listen(port: number, host: string): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.#server.once('error', reject)
      // A deep backlog so thousands of concurrent connections queue instead of being refused.
      this.#server.listen({ port, host, backlog: 4096 }, () => {
        this.#server.off('error', reject)
        resolve()
      })
    })
    const address = this.#server.address() as AddressInfo
    const hostPart = address.family === 'IPv6' ? `[${address.address}]` : address.address
    this.#url = `http://${hostPart}:${address.port}${this.#basePath}`
  }

  get url(): string {
    return this.#url
  }

  get requests(): readonly RecordedRequest[] {
    return this.#log.records
  }

  get recorded(): number {
    return this.#log.size
  }

  injectFault(fault: Fault): InjectedFault {
    return this.#faults.add(fault)
  }

  clearFaults(): void {
    this.#faults.clear()
  }

  waitForRequests(count: number, match: (request: RecordedRequest) => boolean = () => true): Promise<RecordedRequest[]> {
    return this.#log.waitFor(count, match)
  }

  clearRequests(): void {
    this.#log.clear()
  }

  close(): Promise<void> {
    this.#closing ??= new Promise<void>((resolve) => {
      this.#lifetime.abort()
      this.#faults.clear()
      this.#log.close()
      this.#server.close(() => resolve())
      // Ends idle keep-alive sockets and the ones with a request still open (hang, delay).
      this.#server.closeAllConnections()
    })
    return this.#closing
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // A client that leaves mid-request must never surface as an unhandled error.
    req.on('error', ignore)
    res.on('error', ignore)
    const record = recordRequest(req, this.#clock.now())
    this.#log.add(record)
    const out: Outgoing = { res, record, common: () => this.#commonHeaders(req) }
    try {
      if (record.method === 'OPTIONS') return send(out, { status: 204, headers: this.#cors.preflight(req.headers), body: undefined })
      const incoming = await this.#arrive(req, record)
      const fault = this.#faults.take(record.operationId)
      record.fault = fault?.kind
      this.#log.arrived(record)
      await applyFault(fault, this.#exchange(incoming, req, out))
    } catch (error) {
      // Reached when the client went away while the body was read, the fake is closing, or the
      // fake itself failed: then, if the answer has not started, it says so.
      if (this.#closing !== undefined) return
      send(out, errorResponse(500, `the fake API Gateway failed: ${error instanceof Error ? error.message : String(error)}`))
    }
  }

  /** Routes the request, checks its signature, reads and parses its body, filling in the record. */
  async #arrive(req: IncomingMessage, record: MutableRecord): Promise<Incoming> {
    const found = route(record.method, record.path, this.#basePath)
    const rawParams = found?.rawParams ?? {}
    if (found !== undefined) {
      record.operationId = found.operationId
      record.pathParams = Object.freeze(decodeParams(rawParams).params)
    }
    // Judged by the server clock at arrival, so a clock offset changed meanwhile cannot split a
    // request between two clocks.
    const signature = verifySignature(
      { method: record.method, pathWithQuery: record.path, headers: record.headers },
      record.receivedAt,
      (accessKey) => this.#secrets.get(accessKey),
    )
    record.signatureValid = signature.valid
    record.authFailure = signature.valid ? undefined : signature.details
    // Only a signed request's body is kept whole: an unauthenticated client cannot fill memory.
    const body = await readBody(req, {
      limit: MAX_BODY_BYTES,
      keep: signature.valid ? MAX_BODY_BYTES : RECORDED_PREFIX_BYTES,
      prefix: RECORDED_PREFIX_BYTES,
    })
    const parsed = body.truncated || body.bytes.length === 0 ? undefined : parseBody(body.bytes)
    record.bodySize = body.size
    record.bodyTruncated = body.truncated
    record.rawBody = body.bytes.toString('utf8')
    record.body = parsed !== undefined && 'value' in parsed ? parsed.value : undefined
    this.#log.measure(record)
    return { record, signature, body, parsed, rawParams }
  }

  #exchange(incoming: Incoming, req: IncomingMessage, out: Outgoing): Exchange {
    const gateway = this
    return {
      record: incoming.record,
      process: () => processRequest(incoming, this.#api, this.#basePath),
      send: (response) => send(out, response),
      sendThenReset: (response, bytes) => sendThenReset(out, response, bytes),
      drop: () => req.socket.destroy(),
      sleep: (ms) => this.#sleep(ms, this.#lifetime.signal),
      get closing() {
        return gateway.#closing !== undefined
      },
    }
  }

  /** On every answer: the server clock (a client learns a skew from it), a fresh trace id, CORS. */
  #commonHeaders(req: IncomingMessage): Record<string, string> {
    return {
      date: new Date(this.#clock.now()).toUTCString(),
      'x-ncp-trace-id': randomBytes(16).toString('hex'),
      ...this.#cors.headers(req.headers.origin),
    }
  }
}

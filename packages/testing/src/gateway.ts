import { randomBytes, randomUUID } from 'node:crypto'
import { createServer, STATUS_CODES, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { inspect } from 'node:util'
import { setTimeout as sleep } from 'node:timers/promises'
import { operations, problemText, queryValues, requestProblems, type OperationId } from '@ncloud-apigw/operations'
import type { ApiKey } from '@ncloud-apigw/types'
import { corsHeaders, preflightHeaders } from './cors.js'
import { credentialMap, type Credentials } from './credentials.js'
import { FaultQueue, type FakeResponse, type Fault, type InjectedFault } from './faults.js'
import { handlers, type HandlerInput } from './handlers.js'
import { KeyStore } from './key-store.js'
import { ncpErrorBody } from './ncp-error.js'
import { readBody, type ReadBody } from './read-body.js'
import { recordRequest, type MutableRecord, type RecordedRequest } from './recorded-request.js'
import { BASE_PATH, checkBasePath, decodeSegment, route, routeList, splitTarget } from './routes.js'
import { verifySignature, type SignatureCheck } from './signature.js'

export interface FakeApiGatewayOptions {
  /** Port to listen on; default 0, a free port chosen by the system. */
  readonly port?: number
  /** Address to listen on; default `127.0.0.1`. */
  readonly host?: string
  /** The access keys the fake accepts, one pair or several; default {@link TEST_CREDENTIALS}. */
  readonly credentials?: Credentials | readonly Credentials[]
  /** The server's clock runs this many ms ahead of `now()` (negative: behind); default 0. */
  readonly clockOffsetMs?: number
  /** The real clock, in ms since the epoch; default `Date.now`. The server's clock adds the offset. */
  readonly now?: () => number
  /**
   * How a `delay` fault waits: resolves after `ms`, and should reject once `signal` aborts (the
   * fake is closing). Default a real timer. Inject one to hold a delayed request for exactly as
   * long as a test needs, and to see the `ms` asked for, without waiting on real time.
   */
  readonly sleep?: (ms: number, signal: AbortSignal) => Promise<void>
  /**
   * Where the API is served; default `/api/v1`, as on NCP. `''` serves it at the root, for a
   * proxy in front that strips the base path (Prism's proxy forwards `/api-keys` to
   * `upstream + /api-keys`); signatures are still checked over the path as received.
   */
  readonly basePath?: string
  /**
   * How many requests `requests` keeps: the most recent ones, oldest first; default 1,000.
   * `Infinity` keeps every request (for a test that counts more than that); `0` keeps none.
   */
  readonly maxRecordedRequests?: number
}

/** A running fake API Gateway. See the package README for a walk-through. */
export interface FakeApiGateway {
  /** The base URL to give a client, ending in the base path, e.g. `http://127.0.0.1:41234/api/v1`. */
  readonly url: string
  /** The stored API keys by `apiKeyId`: a live, read-only view of frozen snapshots. */
  readonly keys: ReadonlyMap<string, ApiKey>
  /**
   * The most recent requests received (`maxRecordedRequests`, default 1,000), oldest first, CORS
   * preflights included: a snapshot, taken at each read, of records that fill in as the requests
   * are answered.
   */
  readonly requests: readonly RecordedRequest[]
  /** How far the server's clock is ahead of the real clock, in ms. */
  readonly clockOffsetMs: number
  /** Queues a fault for the next matching request(s); see {@link Fault} for the kinds. */
  injectFault(fault: Fault): InjectedFault
  /** Removes every queued fault. Requests already inside a fault (a hang, a delay) keep it. */
  clearFaults(): void
  /**
   * Resolves once `count` requests that `match` accepts (default: every request) have arrived,
   * counting those already in `requests`: with the matching records, oldest first. A request is
   * matched once it is routed, its signature checked, its body read and its fault (if any) taken,
   * so a test can act on a request that is inside a fault (a hang, a delay) instead of guessing
   * how long it takes to arrive. Rejects when the fake is closed first.
   */
  waitForRequests(count: number, match?: (request: RecordedRequest) => boolean): Promise<RecordedRequest[]>
  /** Forgets every recorded request; requests still being answered are not recorded. */
  clearRequests(): void
  /** Moves the server's clock to real clock + `ms`, for every request from now on. */
  setClockOffset(ms: number): void
  /** Stores a key directly, without a request; fields left out are filled in as create would. */
  seedKey(fields?: Partial<ApiKey>): ApiKey
  /**
   * Stops listening and ends every connection, including hanging and delayed requests, so a test
   * never waits on the fake. Resolves when the server is closed; calling it again is harmless.
   */
  close(): Promise<void>
}

/** Bodies above this size are refused with 413 (NCP code 430), as API Gateway refuses them. */
const MAX_BODY_BYTES = 1024 * 1024
/** How much of a refused body (bad signature, too large) a record keeps. */
const RECORDED_PREFIX_BYTES = 1024
const DEFAULT_MAX_RECORDED_REQUESTS = 1_000
const DEFAULT_LARGE_BYTES = 10 * 1024 * 1024
const JSON_TYPE = 'application/json;charset=UTF-8'
const utf8 = new TextDecoder('utf-8', { fatal: true })


function jsonResponse(status: number, body: unknown): FakeResponse {
  return { status, headers: { 'content-type': JSON_TYPE }, body }
}

function errorResponse(status: number, details: string): FakeResponse {
  return jsonResponse(status, ncpErrorBody(status, { details }))
}

function serialize(body: unknown): Buffer {
  if (body === undefined) return Buffer.alloc(0)
  if (Buffer.isBuffer(body)) return body
  return Buffer.from(typeof body === 'string' ? body : JSON.stringify(body))
}

function htmlPage(status: number): string {
  const title = `${status} ${STATUS_CODES[status] ?? 'Error'}`
  return `<!DOCTYPE html>\n<html><head><title>${title}</title></head><body><center><h1>${title}</h1></center><hr><center>nginx</center></body></html>\n`
}

function isJsonContentType(value: string | undefined): boolean {
  return value !== undefined && /^application\/([\w.+-]+\+)?json\s*(;|$)/i.test(value)
}

function ignore(): void {}

function checkMaxRecorded(max: number): number {
  if (max !== Infinity && (!Number.isSafeInteger(max) || max < 0)) {
    throw new RangeError(`maxRecordedRequests must be a non-negative integer or Infinity, got ${String(max)}`)
  }
  return max
}

/** A pending `waitForRequests`. */
interface Waiter {
  readonly count: number
  readonly match: (request: RecordedRequest) => boolean
  readonly found: RecordedRequest[]
  readonly resolve: (found: RecordedRequest[]) => void
  readonly reject: (error: Error) => void
}

/** One request as the pipeline knows it once the body is read and the signature checked. */
interface Incoming {
  readonly record: MutableRecord
  readonly signature: SignatureCheck
  readonly body: ReadBody
  /** The raw path parameters, still percent-encoded. */
  readonly rawParams: Readonly<Record<string, string>>
}

/** The answer of a request the handler served: the table's success status, JSON unless it has no body. */
function successResponse(operationId: OperationId, body: unknown): FakeResponse {
  const { success, response } = operations[operationId]
  return response === undefined ? { status: success, headers: {}, body: undefined } : jsonResponse(success, body)
}

class Gateway implements FakeApiGateway {
  readonly #server: Server
  readonly #secrets: Map<string, string>
  readonly #modifiers = new Map<string, string>()
  readonly #store: KeyStore
  readonly #faults = new FaultQueue()
  readonly #requests: MutableRecord[] = []
  readonly #maxRecorded: number
  readonly #now: () => number
  readonly #sleep: (ms: number, signal: AbortSignal) => Promise<void>
  readonly #lifetime = new AbortController()
  readonly #waiters = new Set<Waiter>()
  /** Records far enough along for `waitForRequests` to count. */
  readonly #ready = new WeakSet<RecordedRequest>()
  readonly #basePath: string
  #offset: number
  #closing: Promise<void> | undefined
  #url = ''

  constructor(options: FakeApiGatewayOptions) {
    this.#secrets = credentialMap(options.credentials)
    this.#basePath = options.basePath ?? BASE_PATH
    checkBasePath(this.#basePath)
    this.#now = options.now ?? Date.now
    this.#sleep = options.sleep ?? ((ms, signal) => sleep(ms, undefined, { signal }))
    this.#maxRecorded = checkMaxRecorded(options.maxRecordedRequests ?? DEFAULT_MAX_RECORDED_REQUESTS)
    this.#offset = 0
    this.setClockOffset(options.clockOffsetMs ?? 0)
    const [firstAccessKey] = this.#secrets.keys()
    this.#store = new KeyStore({
      now: () => this.#serverNow(),
      randomBytes: (n) => randomBytes(n),
      tenantId: randomBytes(16).toString('hex'),
      defaultModifier: this.#modifierFor(firstAccessKey as string),
    })
    // Long ids (the client is tested with very long, heavily encoded ones) need more than the
    // default 16 KiB of request line and headers.
    this.#server = createServer({ maxHeaderSize: 64 * 1024 }, (req, res) => void this.#handle(req, res))
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

  get keys(): ReadonlyMap<string, ApiKey> {
    return this.#store.view
  }

  get requests(): readonly RecordedRequest[] {
    return this.#requests.slice()
  }

  get clockOffsetMs(): number {
    return this.#offset
  }

  injectFault(fault: Fault): InjectedFault {
    return this.#faults.add(fault)
  }

  clearFaults(): void {
    this.#faults.clear()
  }

  waitForRequests(count: number, match: (request: RecordedRequest) => boolean = () => true): Promise<RecordedRequest[]> {
    if (!Number.isSafeInteger(count) || count < 1) throw new RangeError(`count must be a positive integer, got ${String(count)}`)
    if (this.#closing !== undefined) return Promise.reject(new Error('the fake API Gateway is closed'))
    const found = this.#requests.filter((record) => this.#ready.has(record) && match(record))
    if (found.length >= count) return Promise.resolve(found.slice(0, count))
    return new Promise((resolve, reject) => this.#waiters.add({ count, match, found, resolve, reject }))
  }

  /** A request is ready to be matched: hand it to every waiter that wants it. */
  #matched(record: MutableRecord): void {
    this.#ready.add(record)
    for (const waiter of this.#waiters) {
      if (!waiter.match(record)) continue
      waiter.found.push(record)
      if (waiter.found.length < waiter.count) continue
      this.#waiters.delete(waiter)
      waiter.resolve(waiter.found)
    }
  }

  clearRequests(): void {
    this.#requests.length = 0
  }

  setClockOffset(ms: number): void {
    if (!Number.isFinite(ms)) throw new RangeError(`clockOffsetMs must be a finite number of milliseconds, got ${String(ms)}`)
    this.#offset = ms
  }

  seedKey(fields?: Partial<ApiKey>): ApiKey {
    return this.#store.seed(fields)
  }

  close(): Promise<void> {
    this.#closing ??= new Promise<void>((resolve) => {
      this.#lifetime.abort()
      this.#faults.clear()
      for (const waiter of this.#waiters) waiter.reject(new Error('the fake API Gateway was closed before the requests arrived'))
      this.#waiters.clear()
      this.#server.close(() => resolve())
      // Ends idle keep-alive sockets and the ones with a request still open (hang, delay).
      this.#server.closeAllConnections()
    })
    return this.#closing
  }

  /** Shown by console.log and test failures: where it listens and what it holds, never a secret. */
  [inspect.custom](): string {
    return `FakeApiGateway { url: '${this.#url}', keys: ${this.#store.view.size}, requests: ${this.#requests.length} }`
  }

  /** Keeps the record in the ring: the oldest goes when it is full. */
  #record(record: MutableRecord): void {
    if (this.#maxRecorded === 0) return
    this.#requests.push(record)
    if (this.#requests.length > this.#maxRecorded) this.#requests.shift()
  }

  #serverNow(): number {
    return this.#now() + this.#offset
  }

  /** A stable, plausible user id per access key, shown as `modifier` on the keys it changes. */
  #modifierFor(accessKey: string): string {
    let modifier = this.#modifiers.get(accessKey)
    if (modifier === undefined) {
      modifier = randomUUID()
      this.#modifiers.set(accessKey, modifier)
    }
    return modifier
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // A client that leaves mid-request must never surface as an unhandled error.
    req.on('error', ignore)
    res.on('error', ignore)
    const record = recordRequest(req, this.#serverNow())
    this.#record(record)
    try {
      await this.#respond(req, res, record)
    } catch (error) {
      // Reached when the client went away while the body was read, or the fake is closing.
      if (this.#closing !== undefined || res.headersSent || res.destroyed || req.destroyed) return
      const details = `the fake API Gateway failed: ${error instanceof Error ? error.message : String(error)}`
      this.#send(res, record, errorResponse(500, details))
    }
  }

  async #respond(req: IncomingMessage, res: ServerResponse, record: MutableRecord): Promise<void> {
    if (record.method === 'OPTIONS') {
      this.#send(res, record, { status: 204, headers: preflightHeaders(req.headers), body: undefined })
      return
    }
    const found = route(record.method, record.path, this.#basePath)
    const rawParams = found?.rawParams ?? {}
    if (found !== undefined) {
      record.operationId = found.operationId
      const rawId = rawParams['api-key-id']
      if (rawId !== undefined) record.apiKeyId = decodeSegment(rawId)
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
    record.bodySize = body.size
    record.bodyTruncated = body.truncated
    record.rawBody = body.bytes.toString('utf8')
    if (!body.truncated && record.rawBody !== '') {
      try {
        record.body = JSON.parse(record.rawBody)
      } catch {
        record.body = undefined
      }
    }
    const incoming: Incoming = { record, signature, body, rawParams }

    const fault = this.#faults.take(record.operationId)
    record.fault = fault?.kind
    this.#matched(record)
    switch (fault?.kind) {
      case undefined:
        this.#send(res, record, this.#process(incoming))
        return
      case 'status':
        this.#send(res, record, {
          status: fault.status,
          headers: {
            ...(fault.body === undefined && fault.status < 400
              ? {}
              : { 'content-type': typeof fault.body === 'string' ? 'text/plain; charset=utf-8' : JSON_TYPE }),
            ...(fault.retryAfter === undefined ? {} : { 'retry-after': String(fault.retryAfter) }),
            ...lowerCaseKeys(fault.headers),
          },
          body:
            fault.body !== undefined
              ? fault.body
              : fault.status >= 400
                ? ncpErrorBody(fault.status, {
                    ...(fault.errorCode === undefined ? {} : { errorCode: fault.errorCode }),
                    ...(fault.details === undefined ? {} : { details: fault.details }),
                  })
                : undefined,
        })
        return
      case 'drop':
        req.socket.destroy()
        return
      case 'hang':
        // Nothing is sent; close() or the client ends the connection.
        return
      case 'delay':
        await this.#sleep(fault.ms, this.#lifetime.signal)
        // An injected sleep may resolve after close(): a closed fake changes nothing.
        if (this.#closing !== undefined) return
        this.#send(res, record, this.#process(incoming))
        return
      case 'reset': {
        const response = this.#process(incoming)
        const bytes = serialize(response.body)
        const sent = Math.max(0, Math.min(fault.bytes ?? Math.floor(bytes.length / 2), bytes.length - 1))
        this.#writeHead(res, record, response, bytes.length)
        // The head goes out first, even for an answer without a body (a 204), then the reset.
        res.flushHeaders()
        const reset = () => req.socket.resetAndDestroy()
        if (sent > 0) res.write(bytes.subarray(0, sent), reset)
        else req.socket.write('', reset)
        return
      }
      case 'large': {
        const response = this.#process(incoming)
        const bytes = serialize(response.body)
        const size = Math.max(bytes.length, fault.bytes ?? DEFAULT_LARGE_BYTES)
        const padded = Buffer.alloc(size, ' ')
        bytes.copy(padded)
        this.#send(res, record, { ...response, body: padded })
        return
      }
      case 'malformed': {
        if (fault.body === 'html') {
          const status = fault.status ?? 502
          this.#send(res, record, { status, headers: { 'content-type': 'text/html; charset=utf-8' }, body: htmlPage(status) })
          return
        }
        const response = this.#process(incoming)
        const status = fault.status ?? response.status
        const text = serialize(response.body)
        const malformed =
          fault.body === 'truncated-json' ? text.subarray(0, Math.floor(text.length / 2)) : fault.body === 'not-json' ? 'OK' : undefined
        this.#send(res, record, { status, headers: response.headers, body: malformed })
        return
      }
      case 'transform': {
        const response = this.#process(incoming)
        const copy: FakeResponse = { status: response.status, headers: { ...response.headers }, body: structuredClone(response.body) }
        let result: FakeResponse
        try {
          result = (await fault.transform(copy, record)) ?? copy
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error)
          result = errorResponse(500, `the transform fault threw: ${message}`)
        }
        this.#send(res, record, result)
        return
      }
    }
  }

  /** What API Gateway would answer, changing the stored keys where the request asks it to. */
  #process({ record, signature: check, body, rawParams }: Incoming): FakeResponse {
    const { operationId } = record
    if (operationId === undefined) {
      const path = splitTarget(record.path).path
      return errorResponse(404, `no route for ${record.method} ${path}; the API Key API has ${routeList(this.#basePath)}`)
    }
    if (!check.valid) return errorResponse(401, check.details)
    if (body.tooLarge) return errorResponse(413, `the request body is larger than ${MAX_BODY_BYTES} bytes`)

    const operation = operations[operationId]
    const pathParams: Record<string, string> = {}
    for (const [name, raw] of Object.entries(rawParams)) {
      const value = decodeSegment(raw)
      if (value === undefined) return errorResponse(400, `${name}: the path segment is not valid percent-encoded UTF-8`)
      pathParams[name] = value
    }
    const query = queryValues(operationId, new URLSearchParams(splitTarget(record.path).query))

    // How the body arrived (labelled JSON, UTF-8, parseable) comes before what it holds.
    let input: unknown
    let unreadable: string | undefined
    if (operation.body !== undefined && body.bytes.length > 0) {
      const contentType = record.headers['content-type']
      if (!isJsonContentType(contentType)) {
        unreadable = `Content-Type must be application/json, got ${JSON.stringify(contentType ?? '')}`
      } else {
        try {
          input = JSON.parse(utf8.decode(body.bytes))
        } catch (error) {
          unreadable = error instanceof SyntaxError ? `the body is not valid JSON: ${error.message}` : 'the body is not valid UTF-8'
        }
      }
    }
    const problems = requestProblems(operationId, { pathParams, query, body: input }).map((problem) =>
      unreadable !== undefined && problem.field === 'the body' && problem.got === 'nothing' ? unreadable : problemText(problem),
    )
    if (problems.length > 0) return errorResponse(400, problems.join('; '))

    const apiKeyId = pathParams['api-key-id'] as string
    if (Object.hasOwn(operation.pathParams, 'api-key-id') && !this.#store.has(apiKeyId)) {
      return errorResponse(404, `no API key with apiKeyId ${JSON.stringify(apiKeyId)}`)
    }
    const handler = handlers[operationId] as (input: HandlerInput<OperationId>) => unknown
    const answer = handler({
      store: this.#store,
      body: input as never,
      query: query as never,
      apiKeyId,
      modifier: this.#modifierFor(check.accessKey),
    })
    return successResponse(operationId, answer)
  }

  #writeHead(res: ServerResponse, record: MutableRecord, response: FakeResponse, contentLength: number): void {
    const traceId = randomBytes(16).toString('hex')
    const headers: Record<string, string | number> = {
      date: new Date(this.#serverNow()).toUTCString(),
      'x-ncp-trace-id': traceId,
      ...corsHeaders,
      ...lowerCaseKeys(response.headers),
    }
    if (response.status !== 204 && response.status !== 304) headers['content-length'] = contentLength
    record.status = response.status
    record.traceId = String(headers['x-ncp-trace-id'])
    res.writeHead(response.status, headers)
  }

  #send(res: ServerResponse, record: MutableRecord, response: FakeResponse): void {
    if (res.destroyed) return
    const bytes = serialize(response.body)
    this.#writeHead(res, record, response, bytes.length)
    res.end(response.status === 204 || response.status === 304 ? undefined : bytes)
  }
}

function lowerCaseKeys(headers: Readonly<Record<string, string>> | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(headers ?? {}).map(([name, value]) => [name.toLowerCase(), value]))
}

/**
 * Starts a fake NCP API Gateway (the API Key API) on loopback and resolves once it listens.
 * Always `close()` it, e.g. in `afterAll`/`afterEach`.
 */
export async function startFakeApiGateway(options: FakeApiGatewayOptions = {}): Promise<FakeApiGateway> {
  const gateway = new Gateway(options)
  await gateway.listen(options.port ?? 0, options.host ?? '127.0.0.1')
  return gateway
}

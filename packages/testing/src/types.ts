import type { Credentials } from '@ncloud-apigw/signer'
// Every public type of the package, in one module that imports no other of its modules: the
// request record, the faults (whose transform sees a record) and the seeds refer to each other.
import type { OperationId } from '@ncloud-apigw/operations'
import type { ApiKey, ApiKeyRelationStatus } from '@ncloud-apigw/types'

/** An access key and its secret key: the signer's type. */
export type { Credentials } from '@ncloud-apigw/signer'

/** A usage plan of a stage: how often a key with this plan may call the stage. */
export interface FakeUsagePlan {
  readonly usagePlanId: string
  readonly usagePlanName: string
}

/** A stage of one of the product's APIs, with the usage plans a key can have on it. */
export interface FakeStage {
  readonly apiId: string
  readonly apiName: string
  readonly stageId: string
  readonly stageName: string
  /** A new subscription starts on the first; may be empty (the stage then lists no subscription). */
  readonly usagePlans: readonly FakeUsagePlan[]
}

/** A product of the account, as seeded (`products` option) and as `gw.products` shows it. */
export interface FakeProduct {
  /** 1 to 10 characters, as NCP's product ids. */
  readonly productId: string
  readonly productName: string
  readonly productDescription?: string
  /** `PUBLIC`: a subscription is accepted at once; `PROTECTED`: it waits for approval (`REQUEST`). */
  readonly subscriptionCode: 'PUBLIC' | 'PROTECTED'
  readonly stages: readonly FakeStage[]
}

/** A key's relation to a product, as `gw.subscriptions` shows it: a frozen snapshot. */
export interface FakeSubscription {
  readonly apiKeyId: string
  readonly productId: string
  readonly status: ApiKeyRelationStatus
  /** The key's usage plan on each stage of the product that has one, by `stageId`. */
  readonly usagePlans: Readonly<Record<string, string>>
  /** When the key subscribed, and when the relation last changed, by the server clock. */
  readonly regTime: string
  readonly modTime: string
}

/** A relation to hold from the start (`subscriptions` option); left out: as subscribing makes it. */
export interface FakeSubscriptionSeed {
  readonly apiKeyId: string
  readonly productId: string
  readonly status?: ApiKeyRelationStatus
  /** Usage plans by `stageId`; a stage left out starts on its first plan. */
  readonly usagePlans?: Readonly<Record<string, string>>
}

/** What a fake holds from the start. `exampleWorld()` returns one. */
export interface FakeWorld {
  /** Keys stored as `seedKey` stores them, in order. */
  readonly keys?: readonly Partial<ApiKey>[]
  /** The account's products; fixed for the fake's life. */
  readonly products?: readonly FakeProduct[]
  /** Relations between those keys and products. */
  readonly subscriptions?: readonly FakeSubscriptionSeed[]
}

export interface FakeApiGatewayOptions extends FakeWorld {
  /** Port to listen on; default 0, a free port chosen by the system. */
  readonly port?: number
  /** Address to listen on; default `127.0.0.1`. */
  readonly host?: string
  /** The access keys the fake accepts, one pair or several; default `TEST_CREDENTIALS`. */
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
  /** Where the API is served; default `/api/v1`, as on NCP; `''` serves it at the root. */
  readonly basePath?: string
  /** How many requests `requests` keeps, the most recent; default 1,000; `Infinity` all, `0` none. */
  readonly maxRecordedRequests?: number
  /** How many bytes of targets, headers and bodies `requests` keeps; default 32 MiB; `Infinity` no bound. */
  readonly maxRecordedBytes?: number
  /** Connections open at once; more are closed unanswered; default 4,096. */
  readonly maxConnections?: number
  /** How long a client may take to send a request's headers, in ms; default 20,000; 0 no limit. */
  readonly headersTimeoutMs?: number
  /** How long a client may take to send a whole request, body included, in ms; default 60,000; 0 no limit. */
  readonly requestTimeoutMs?: number
  /** Origins whose pages may call the fake, besides loopback pages; `'*'` allows every origin. */
  readonly corsOrigins?: readonly string[]
}

/** A running fake API Gateway. See the package README for a walk-through. */
export interface FakeApiGateway {
  /** The base URL to give a client, ending in the base path, e.g. `http://127.0.0.1:41234/api/v1`. */
  readonly url: string
  /** The stored API keys by `apiKeyId`: a live, read-only view of frozen snapshots. */
  readonly keys: ReadonlyMap<string, ApiKey>
  /** The account's products by `productId`: read-only, frozen. */
  readonly products: ReadonlyMap<string, FakeProduct>
  /** Every key's relation to every product, oldest first: a snapshot taken at each read. */
  readonly subscriptions: readonly FakeSubscription[]
  /** The most recent requests received, oldest first, preflights included: a snapshot of records that fill in as requests are answered. */
  readonly requests: readonly RecordedRequest[]
  /** How far the server's clock is ahead of the real clock, in ms. */
  readonly clockOffsetMs: number
  /** Queues a fault for the next matching request(s); see {@link Fault} for the kinds. */
  injectFault(fault: Fault): InjectedFault
  /** Removes every queued fault. Requests already inside a fault (a hang, a delay) keep it. */
  clearFaults(): void
  /**
   * Resolves once `count` requests that `match` accepts (default: every request) have arrived,
   * counting those already in `requests`, with the matching records, oldest first. A request
   * arrives once it is routed, its signature checked, its body read and its fault (if any) taken.
   * Rejects when the fake is closed first.
   */
  waitForRequests(count: number, match?: (request: RecordedRequest) => boolean): Promise<RecordedRequest[]>
  /** Forgets every recorded request; requests still being answered are not recorded. */
  clearRequests(): void
  /** Moves the server's clock to real clock + `ms`, for every request from now on. */
  setClockOffset(ms: number): void
  /** Stores a key directly, without a request; fields left out are filled in as create would. */
  seedKey(fields?: Partial<ApiKey>): ApiKey
  /**
   * Back to how it started, without a restart: the keys, products and subscriptions of its
   * options (new ids and key values for the keys it made up), no fault queued, no request
   * recorded, the clock offset of its options. The URL stays, so a client or proxy in front of
   * it keeps working: for a test that wants a fresh fake for each step.
   */
  reset(): void
  /** Stops listening and ends every connection, hanging and delayed requests included. Idempotent. */
  close(): Promise<void>
}

/** One request as the fake received it, and what it answered. */
export interface RecordedRequest {
  /** As received, e.g. `GET`, `OPTIONS`. */
  readonly method: string
  /** The request target exactly as received: path and raw query, still percent-encoded. */
  readonly path: string
  /** The operation it was routed to; `undefined` for an unknown route or a CORS preflight. */
  readonly operationId: OperationId | undefined
  /** The path parameters by name (`api-key-id`, `product-id`...), each percent-decoded once; one that cannot be decoded is absent. */
  readonly pathParams: Readonly<Record<string, string>>
  /** Request headers, lower-case names, repeats joined by `, `. The signature header is there but not enumerable. */
  readonly headers: Readonly<Record<string, string>>
  /** The body as text (`''` for none); only its first 1 KiB when `bodyTruncated`. */
  readonly rawBody: string
  /** The body parsed as UTF-8 JSON; `undefined` when empty, not JSON, or truncated. */
  readonly body: unknown
  /** The size of the body as received, in bytes, whether or not it was kept whole. */
  readonly bodySize: number
  /** `rawBody` holds only the start of the body: the signature did not verify, or the body was over 1 MiB. */
  readonly bodyTruncated: boolean
  /** Whether the NCP signature v2 headers verified (checked on every request but preflights). */
  readonly signatureValid: boolean
  /** Why the signature did not verify, as told to the client; `undefined` when it did. */
  readonly authFailure: string | undefined
  /** The status written; `undefined` while unanswered and when none was (drop, hang, client gone). */
  readonly status: number | undefined
  /** The `x-ncp-trace-id` written; `undefined` when no status was. */
  readonly traceId: string | undefined
  /** The injected fault applied to this request, if any. */
  readonly fault: FaultKind | undefined
  /** When it arrived, by the server's (possibly skewed) clock, in ms since the epoch. */
  readonly receivedAt: number
}

/** A response as the fake is about to send it; the argument and result of a `transform` fault. */
export interface FakeResponse {
  status: number
  /** Lower-case names. `Date`, `x-ncp-trace-id` and the CORS headers are added when sending. */
  headers: Record<string, string>
  /** Parsed JSON of the body (`undefined`: none), `any` because a transform exists to break the shape. A string is sent as it is. */
  body: any
}

/** Which requests a fault applies to. Faults never apply to CORS preflight (OPTIONS) requests. */
export interface FaultTarget {
  /** Only requests routed to this operation. Left out: every request, routed or not. */
  readonly operationId?: OperationId
  /** How many matching requests the fault applies to: default 1; `Infinity` until removed. */
  readonly times?: number
}

/**
 * Answers `status` without processing the request, as API Gateway does when it throttles or
 * cannot reach its backend: NCP's error body for the status, unless `body` is given.
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

/** Waits `ms` (below 2^31) through the `sleep` option, then processes the request and answers normally. */
export interface DelayFault extends FaultTarget {
  readonly kind: 'delay'
  readonly ms: number
}

/** Closes the connection without answering; the request is not processed. */
export interface DropFault extends FaultTarget {
  readonly kind: 'drop'
}

/** Processes the request, sends the head (full `Content-Length`) and the first `bytes` of the body (default half), then resets the connection. */
export interface ResetFault extends FaultTarget {
  readonly kind: 'reset'
  readonly bytes?: number
}

/** Never answers; the connection stays open until the client gives up or `close()`. Not processed. */
export interface HangFault extends FaultTarget {
  readonly kind: 'hang'
}

/**
 * A body a client cannot parse: `html`, a proxy's error page (status default 502, not
 * processed); `truncated-json`, the real body cut in half; `not-json`, `OK` labelled JSON;
 * `empty`, no body (these three processed). `status` replaces the status.
 */
export interface MalformedFault extends FaultTarget {
  readonly kind: 'malformed'
  readonly body: 'html' | 'truncated-json' | 'not-json' | 'empty'
  readonly status?: number
}

/** Processes the request and pads its JSON answer with whitespace to `bytes` (default 10 MiB). */
export interface LargeFault extends FaultTarget {
  readonly kind: 'large'
  readonly bytes?: number
}

/**
 * Processes the request, then hands its response to `transform`, which may change it in place or
 * return another: a spec-violating answer. If it throws, or makes an answer HTTP cannot carry, the
 * fake answers 500 saying so.
 */
export interface TransformFault extends FaultTarget {
  readonly kind: 'transform'
  readonly transform: (
    response: FakeResponse,
    request: RecordedRequest,
  ) => FakeResponse | undefined | void | Promise<FakeResponse | undefined | void>
}

/** What `injectFault` accepts: one kind of misbehaviour, and which requests it applies to. */
export type Fault = StatusFault | DelayFault | DropFault | ResetFault | HangFault | MalformedFault | LargeFault | TransformFault

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

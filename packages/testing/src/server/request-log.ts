import type { RecordedRequest } from '../types.js'
import { recordBytes } from './record.js'

/** A pending `waitForRequests`. */
interface Waiter {
  readonly count: number
  readonly match: (request: RecordedRequest) => boolean
  readonly found: RecordedRequest[]
  readonly resolve: (found: RecordedRequest[]) => void
  readonly reject: (error: Error) => void
}

/**
 * The most recent requests, bounded in count and in bytes: the oldest go first, so a fake that
 * runs for long holds no more than the bounds whatever it is sent. The newest record always
 * stays (unless the count bound is 0), so the log may exceed the byte bound by one request: at
 * most one body (1 MiB, twice) and its head (64 KiB).
 */
export class RequestLog {
  readonly #records: RecordedRequest[] = []
  readonly #bytes = new Map<RecordedRequest, number>()
  #total = 0
  readonly #maxCount: number
  readonly #maxBytes: number
  readonly #waiters = new Set<Waiter>()
  /** Records far enough along for `waitForRequests` to count. */
  readonly #arrived = new WeakSet<RecordedRequest>()
  #closed = false

  /** Bounds as `limits` checked them. */
  constructor(maxCount: number, maxBytes: number) {
    this.#maxCount = maxCount
    this.#maxBytes = maxBytes
  }

  /** A snapshot, oldest first. */
  get records(): readonly RecordedRequest[] {
    return this.#records.slice()
  }

  get size(): number {
    return this.#records.length
  }

  add(record: RecordedRequest): void {
    if (this.#maxCount === 0) return
    this.#records.push(record)
    this.#bytes.set(record, 0)
    this.measure(record)
  }

  /** Counts what a record holds now (its body is read after it is added), evicting the oldest past the bounds. */
  measure(record: RecordedRequest): void {
    const before = this.#bytes.get(record)
    // Gone already (evicted, cleared) or never kept.
    if (before === undefined) return
    const bytes = recordBytes(record)
    this.#bytes.set(record, bytes)
    this.#total += bytes - before
    while (this.#records.length > this.#maxCount || (this.#total > this.#maxBytes && this.#records.length > 1)) this.#evict()
  }

  clear(): void {
    this.#records.length = 0
    this.#bytes.clear()
    this.#total = 0
  }

  /** A request has arrived (see `waitForRequests`): hand it to every waiter that wants it. */
  arrived(record: RecordedRequest): void {
    this.#arrived.add(record)
    for (const waiter of this.#waiters) {
      if (!waiter.match(record)) continue
      waiter.found.push(record)
      if (waiter.found.length < waiter.count) continue
      this.#waiters.delete(waiter)
      waiter.resolve(waiter.found)
    }
  }

  waitFor(count: number, match: (request: RecordedRequest) => boolean): Promise<RecordedRequest[]> {
    if (!Number.isSafeInteger(count) || count < 1) throw new RangeError(`count must be a positive integer, got ${String(count)}`)
    if (this.#closed) return Promise.reject(new Error('the fake API Gateway is closed'))
    const found = this.#records.filter((record) => this.#arrived.has(record) && match(record))
    if (found.length >= count) return Promise.resolve(found.slice(0, count))
    return new Promise((resolve, reject) => this.#waiters.add({ count, match, found, resolve, reject }))
  }

  /** Rejects every pending wait: the fake is closing. */
  close(): void {
    this.#closed = true
    for (const waiter of this.#waiters) waiter.reject(new Error('the fake API Gateway was closed before the requests arrived'))
    this.#waiters.clear()
  }

  #evict(): void {
    const oldest = this.#records.shift()
    if (oldest === undefined) return
    this.#total -= this.#bytes.get(oldest) ?? 0
    this.#bytes.delete(oldest)
  }
}

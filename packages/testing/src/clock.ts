/** The server's clock: the real clock (injectable) plus an offset a test can move. */
export class Clock {
  readonly #realNow: () => number
  #offset = 0

  constructor(realNow: () => number = Date.now, offset = 0) {
    this.#realNow = realNow
    this.setOffset(offset)
  }

  /** The server's time, in ms since the epoch. */
  now(): number {
    return this.#realNow() + this.#offset
  }

  get offset(): number {
    return this.#offset
  }

  setOffset(ms: number): void {
    if (!Number.isFinite(ms)) throw new RangeError(`clockOffsetMs must be a finite number of milliseconds, got ${String(ms)}`)
    this.#offset = ms
  }

  /** An RFC 3339 time by this clock, strictly after `previous` when given: a change always moves `modTime`. */
  isoAfter(previous?: string): string {
    let time = this.now()
    const before = previous === undefined ? NaN : Date.parse(previous)
    if (Number.isFinite(before)) time = Math.max(time, before + 1)
    return new Date(time).toISOString()
  }
}

import type { FakeApiGatewayOptions } from '../types.js'

/** The bounds that keep a long-running fake (the binary) from growing or being held by a client. */
export interface Limits {
  readonly maxRecordedRequests: number
  readonly maxRecordedBytes: number
  readonly maxConnections: number
  readonly headersTimeoutMs: number
  readonly requestTimeoutMs: number
  /** How often Node checks the two timeouts. */
  readonly checkingIntervalMs: number
}

export const DEFAULT_LIMITS = {
  maxRecordedRequests: 1_000,
  /** About 16 large signed requests (a 1 MiB body counts twice: as text and parsed) or thousands of small ones. */
  maxRecordedBytes: 32 * 1024 * 1024,
  /** Above the 1,000 concurrent calls a client's tests make, each on its own connection, with room for their retries. */
  maxConnections: 4_096,
  /** Far above what a client on a loaded machine takes to send a request, far below Node's 60 s and 300 s. */
  headersTimeoutMs: 20_000,
  requestTimeoutMs: 60_000,
} as const

function count(name: string, value: unknown, { infinite, zero }: { infinite: boolean; zero: boolean }): number {
  const ok = (infinite && value === Infinity) || (Number.isSafeInteger(value) && (value as number) >= (zero ? 0 : 1))
  if (!ok) {
    const kind = zero ? 'a non-negative integer' : 'a positive integer'
    throw new RangeError(`${name} must be ${kind}${infinite ? ' or Infinity' : ''}, got ${String(value)}`)
  }
  return value as number
}

/** The options' limits with their defaults, each checked, naming the option that is wrong. */
export function limits(options: FakeApiGatewayOptions): Limits {
  const pick = <K extends keyof typeof DEFAULT_LIMITS>(name: K) => options[name] ?? DEFAULT_LIMITS[name]
  const headersTimeoutMs = count('headersTimeoutMs', pick('headersTimeoutMs'), { infinite: false, zero: true })
  const requestTimeoutMs = count('requestTimeoutMs', pick('requestTimeoutMs'), { infinite: false, zero: true })
  if (headersTimeoutMs > 0 && requestTimeoutMs > 0 && headersTimeoutMs > requestTimeoutMs) {
    throw new RangeError(`headersTimeoutMs (${headersTimeoutMs}) must not exceed requestTimeoutMs (${requestTimeoutMs}): the headers are part of the request`)
  }
  const shortest = Math.min(...[headersTimeoutMs, requestTimeoutMs].filter((ms) => ms > 0), 4_000)
  return {
    maxRecordedRequests: count('maxRecordedRequests', pick('maxRecordedRequests'), { infinite: true, zero: true }),
    maxRecordedBytes: count('maxRecordedBytes', pick('maxRecordedBytes'), { infinite: true, zero: true }),
    maxConnections: count('maxConnections', pick('maxConnections'), { infinite: false, zero: false }),
    headersTimeoutMs,
    requestTimeoutMs,
    checkingIntervalMs: Math.max(1, Math.floor(shortest / 4)),
  }
}

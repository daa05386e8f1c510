import type { BundleSize } from './bundle-size.js'
import type { CliCall } from './cli-call.js'
import type { ColdStart } from './cold-start.js'
import type { Comparison } from './compare.js'
import type { EntryImport } from './import-time.js'
import { THROUGHPUT_BATCH } from './loopback.js'
import type { HeapGrowth } from './memory.js'
import type { PairedRuns } from './processes.js'

export interface Results {
  comparisons: Comparison[]
  bundles: { client: BundleSize; clientEvery: BundleSize; openapiFetch: BundleSize; awsSdk: BundleSize; clientModules: BundleSize }
  memory: HeapGrowth[]
  coldStart: ColdStart
  cli: CliCall
  imports: EntryImport[]
}

export interface TargetRow {
  id: string
  measure: string
  baseline: string
  ours: string
  figure: string
  value: number
  target: string
  met: boolean
}

/** The requirement's targets, each on a figure taken against its baseline in the same run. */
export const TARGETS = {
  'signer-node': { measure: 'signing, node:crypto entry', maxRatio: 1.5 },
  'signer-web': { measure: 'signing, Web Crypto entry', maxRatio: 1.2 },
  'loopback-sequential': { measure: 'getApiKey on loopback, sequential', maxRatio: 1.25 },
  'loopback-concurrent': { measure: 'getApiKey on loopback, 64 concurrent', maxRatio: 1.15 },
  'loopback-floor': { measure: 'getApiKey on loopback, sequential, against the floor', maxRatio: 1.05 },
  /** Calls per second of 1,000 concurrent calls: at least this share of bare fetch's. */
  'loopback-throughput': { measure: '1,000 concurrent getApiKey calls, calls per second', minShare: 0.8 },
  /** Browser bundle of the four calls: at most this many bytes (gzip) above openapi-fetch's. */
  'bundle-above-openapi-fetch': { measure: 'browser bundle, gzip, above openapi-fetch alone', maxBytesAbove: 2000 },
  'bundle-vs-aws-sdk': { measure: 'browser bundle, gzip, times smaller than the AWS SDK', minTimesSmaller: 12 },
  'cold-start': { measure: 'cold start: fresh Node, import, create, one call (wall)', maxRatio: 1.05 },
  'cli-get': { measure: 'one CLI invocation, `ncloud-apigw api-key get ID`, against the fake (wall)', maxRatio: 1.15 },
  /**
   * Flat: the client retains at most this much more per 1,000 calls than a bare `fetch` loop
   * does in the same run (Node's fetch itself grows a little as V8 and undici settle): under 10
   * bytes a call, so nothing is kept per call.
   */
  'heap-growth': { measure: 'heap growth over sequential getApiKey calls', maxBytesPer1000Beyond: 10_000 },
} as const

/**
 * What `pnpm test` holds the bundle to, so that it cannot grow unnoticed: the figures the client
 * reaches with every feature it has, a little above them: the four-call program, a client of
 * only its four operations (createApiKeyClientFor), 8.76 kB above openapi-fetch and 5.47 times
 * below the AWS SDK. The program carries no other operation (bench.test.ts checks), so the
 * eight operations that put a key to use cost it nothing; what it gained since 5.33 kB is the
 * hardening every call has: redaction of a secret in any encoding (decoded-view.ts and
 * redact.ts, about 1.1 kB), strict Retry-After and Date parsing (http-date.ts, 0.4 kB), the
 * retry budget, the bounded clock correction and the abort error (about 0.6 kB), and the
 * generic machinery that makes every method and paginator from the table (about 0.5 kB).
 * They miss the targets above, which `pnpm bench` reports as missed.
 */
export const BUNDLE_BUDGETS = { maxBytesAbove: 8_800, minTimesSmaller: 5.4 } as const

const us = (value: number) => (value >= 10_000 ? `${(value / 1000).toFixed(1)} ms` : `${value < 10 ? value.toFixed(2) : value.toFixed(1)} µs`)
const ms = (value: number) => `${value.toFixed(1)} ms`
const mb = (kb: number) => `${(kb / 1024).toFixed(1)} MiB`
const sign = (value: number) => (value < 0 ? '− ' : '+ ')
const kB = (bytes: number) => `${(bytes / 1000).toFixed(2)} kB`
const perSecond = (batch: number, medianUs: number) => `${Math.round(batch / (medianUs / 1e6)).toLocaleString('en')} calls/s`

function ratioRow(c: Comparison): TargetRow {
  const { measure, maxRatio } = TARGETS[c.id as 'signer-node']
  return {
    id: c.id,
    measure,
    baseline: `${c.baseline.name}: ${us(c.baseline.medianUs)}`,
    ours: `${c.candidate.name}: ${us(c.candidate.medianUs)}`,
    figure: `× ${c.ratio.toFixed(3)}`,
    value: c.ratio,
    target: `≤ × ${maxRatio.toFixed(2)}`,
    met: c.ratio <= maxRatio,
  }
}

function processRow(id: 'cold-start' | 'cli-get', p: PairedRuns): TargetRow {
  const { measure, maxRatio } = TARGETS[id]
  const side = (s: PairedRuns['baseline']) => `${s.name}: ${ms(s.wallMs.median)} (${ms(s.wallMs.min)} to ${ms(s.wallMs.max)}), peak RSS ${mb(s.maxRssKb.median)}`
  return {
    id,
    measure,
    baseline: side(p.baseline),
    ours: side(p.candidate),
    figure: `× ${p.wallRatio.toFixed(3)} wall (${sign(p.wallDeltaMs)}${Math.abs(p.wallDeltaMs).toFixed(1)} ms), × ${p.cpuRatio.toFixed(3)} CPU, × ${p.rssRatio.toFixed(2)} RSS`,
    value: p.wallRatio,
    target: `≤ × ${maxRatio.toFixed(2)} wall`,
    met: p.wallRatio <= maxRatio,
  }
}

/** Every figure `pnpm bench` reports that has a target, beside it. */
export function targetRows({ comparisons, bundles, memory, coldStart, cli }: Results): TargetRow[] {
  const byId = Object.fromEntries(comparisons.map((c) => [c.id, c]))
  const rows: TargetRow[] = ['signer-node', 'signer-web', 'loopback-sequential', 'loopback-concurrent', 'loopback-floor'].map((id) => ratioRow(byId[id]!))

  const throughput = byId['loopback-throughput']!
  // Calls per second are inversely proportional to a batch's time: the share is the time ratio inverted.
  const share = 1 / throughput.ratio
  const { minShare } = TARGETS['loopback-throughput']
  rows.push({
    id: 'loopback-throughput',
    measure: TARGETS['loopback-throughput'].measure,
    baseline: `${throughput.baseline.name}: ${perSecond(THROUGHPUT_BATCH, throughput.baseline.medianUs)}`,
    ours: `${throughput.candidate.name}: ${perSecond(THROUGHPUT_BATCH, throughput.candidate.medianUs)}`,
    figure: `${share.toFixed(3)} of fetch's`,
    value: share,
    target: `≥ ${minShare.toFixed(2)} of fetch's`,
    met: share >= minShare,
  })

  const { client, openapiFetch, awsSdk } = bundles
  const above = client.gzip - openapiFetch.gzip
  const { maxBytesAbove } = TARGETS['bundle-above-openapi-fetch']
  rows.push({
    id: 'bundle-above-openapi-fetch',
    measure: TARGETS['bundle-above-openapi-fetch'].measure,
    baseline: `openapi-fetch, 4 raw calls: ${kB(openapiFetch.gzip)}`,
    ours: `client, 4 calls: ${kB(client.gzip)}`,
    figure: `${sign(above)}${kB(Math.abs(above))}`,
    value: above,
    target: `≤ + ${kB(maxBytesAbove)}`,
    met: above <= maxBytesAbove,
  })
  const smaller = awsSdk.gzip / client.gzip
  const { minTimesSmaller } = TARGETS['bundle-vs-aws-sdk']
  rows.push({
    id: 'bundle-vs-aws-sdk',
    measure: TARGETS['bundle-vs-aws-sdk'].measure,
    baseline: `AWS SDK v3, 3 calls: ${kB(awsSdk.gzip)}`,
    ours: `client, 4 calls: ${kB(client.gzip)}`,
    figure: `${smaller.toFixed(1)} × smaller`,
    value: smaller,
    target: `≥ ${minTimesSmaller} × smaller`,
    met: smaller >= minTimesSmaller,
  })

  rows.push(processRow('cold-start', coldStart.published), processRow('cli-get', cli.published))

  const fetchGrowth = memory.find((m) => m.what === 'fetch')!
  const clientGrowth = memory.find((m) => m.what === 'client')!
  const beyond = clientGrowth.bytesPer1000Calls - fetchGrowth.bytesPer1000Calls
  const { maxBytesPer1000Beyond } = TARGETS['heap-growth']
  rows.push({
    id: 'heap-growth',
    measure: `heap growth over ${clientGrowth.calls.toLocaleString('en')} sequential getApiKey calls after ${clientGrowth.warmup.toLocaleString('en')}`,
    baseline: `fetch: ${(fetchGrowth.bytesPer1000Calls / 1000).toFixed(1)} kB / 1,000 calls`,
    ours: `client: ${(clientGrowth.bytesPer1000Calls / 1000).toFixed(1)} kB / 1,000 calls`,
    figure: `${sign(beyond)}${(Math.abs(beyond) / 1000).toFixed(1)} kB / 1,000 calls beyond fetch`,
    value: beyond,
    target: `≤ + ${maxBytesPer1000Beyond / 1000} kB / 1,000 calls beyond fetch`,
    met: beyond <= maxBytesPer1000Beyond,
  })
  return rows
}

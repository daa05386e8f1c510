import type { BundleSize } from './bundle-size.js'
import type { Comparison } from './compare.js'
import type { HeapGrowth } from './memory.js'

export interface Results {
  comparisons: Comparison[]
  bundles: { client: BundleSize; openapiFetch: BundleSize; awsSdk: BundleSize }
  memory: HeapGrowth[]
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

/**
 * Flat: the client retains at most this much more per 1,000 calls than a raw `fetch` loop does in
 * the same run (Node's fetch itself grows a little as V8 and undici settle): under 10 bytes a
 * call, so nothing is kept per call.
 */
export const FLAT_HEAP_BYTES_PER_1000_CALLS = 10_000

const us = (value: number) => `${value < 10 ? value.toFixed(2) : value.toFixed(1)} µs`
const sign = (value: number) => (value < 0 ? '− ' : '+ ')
const kB = (bytes: number) => `${(bytes / 1000).toFixed(2)} kB`
const ratioTargets: Record<string, [measure: string, max: number]> = {
  'signer-node': ['signing, node:crypto entry', 1.5],
  'signer-web': ['signing, Web Crypto entry', 1.2],
  'loopback-sequential': ['getApiKey on loopback, sequential', 1.1],
  'loopback-concurrent': ['getApiKey on loopback, 64 concurrent', 1.1],
}

/** Every figure `pnpm bench` reports, beside the target it is held to (bench/README.md lists them). */
export function targetRows({ comparisons, bundles, memory }: Results): TargetRow[] {
  const rows: TargetRow[] = comparisons.map((c) => {
    const [measure, max] = ratioTargets[c.id]!
    return {
      id: c.id,
      measure,
      baseline: `${c.baseline.name}: ${us(c.baseline.medianUs)}`,
      ours: `${c.candidate.name}: ${us(c.candidate.medianUs)}`,
      figure: `× ${c.ratio.toFixed(3)}`,
      value: c.ratio,
      target: `≤ × ${max.toFixed(2)}`,
      met: c.ratio <= max,
    }
  })
  const { client, openapiFetch, awsSdk } = bundles
  const above = client.gzip - openapiFetch.gzip
  rows.push({
    id: 'bundle-above-openapi-fetch',
    measure: 'browser bundle, gzip, above openapi-fetch alone',
    baseline: `openapi-fetch, 4 raw calls: ${kB(openapiFetch.gzip)}`,
    ours: `client, 4 calls: ${kB(client.gzip)}`,
    figure: `+ ${kB(above)}`,
    value: above,
    target: '≤ + 2.00 kB',
    met: above <= 2000,
  })
  const smaller = awsSdk.gzip / client.gzip
  rows.push({
    id: 'bundle-vs-aws-sdk',
    measure: 'browser bundle, gzip, times smaller than the AWS SDK',
    baseline: `AWS SDK v3, 3 calls: ${kB(awsSdk.gzip)}`,
    ours: `client, 4 calls: ${kB(client.gzip)}`,
    figure: `${smaller.toFixed(1)} × smaller`,
    value: smaller,
    target: '≥ 12 × smaller',
    met: smaller >= 12,
  })
  const fetchGrowth = memory.find((m) => m.what === 'fetch')!
  const clientGrowth = memory.find((m) => m.what === 'client')!
  const beyond = clientGrowth.bytesPer1000Calls - fetchGrowth.bytesPer1000Calls
  rows.push({
    id: 'heap-growth',
    measure: `heap growth over ${clientGrowth.calls.toLocaleString('en')} sequential getApiKey calls`,
    baseline: `fetch: ${(fetchGrowth.bytesPer1000Calls / 1000).toFixed(1)} kB / 1,000 calls`,
    ours: `client: ${(clientGrowth.bytesPer1000Calls / 1000).toFixed(1)} kB / 1,000 calls`,
    figure: `${sign(beyond)}${(Math.abs(beyond) / 1000).toFixed(1)} kB / 1,000 calls beyond fetch`,
    value: beyond,
    target: `flat: ≤ + ${FLAT_HEAP_BYTES_PER_1000_CALLS / 1000} kB / 1,000 calls beyond fetch`,
    met: beyond <= FLAT_HEAP_BYTES_PER_1000_CALLS,
  })
  return rows
}

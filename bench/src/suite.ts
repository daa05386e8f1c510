import { cpus, loadavg } from 'node:os'
import { bundleSizes } from './bundle-size.js'
import { type Effort, FULL, QUICK } from './compare.js'
import { loopbackComparisons } from './loopback.js'
import { heapGrowth } from './memory.js'
import { signingComparisons } from './signing.js'
import { type Results, type TargetRow, targetRows } from './targets.js'

export type Mode = 'full' | 'quick'

export interface Machine {
  node: string
  cpu: string
  cores: number
  /** 1-minute load average when the run started and when it ended: the machine is shared. */
  loadAverage: { start: number; end: number }
}

export interface BenchReport extends Results {
  date: string
  mode: Mode
  machine: Machine
  targets: TargetRow[]
}

const effortOf: Record<Mode, Effort> = { full: FULL, quick: QUICK }
// 10,000 calls after 2,000 of warm-up (JIT, connection pool, key cache); quick mode only shows it runs.
const memoryCallsOf: Record<Mode, [calls: number, warmup: number]> = { full: [10_000, 2_000], quick: [2_000, 200] }

/** Runs every benchmark; `quick` is the few-sample run `pnpm test` makes so that none can rot. */
export async function runBenchmarks(mode: Mode, progress: (line: string) => void = () => {}): Promise<BenchReport> {
  const effort = effortOf[mode]
  const start = loadavg()[0]!
  progress('signing')
  const comparisons = await signingComparisons(effort)
  progress('loopback')
  comparisons.push(...(await loopbackComparisons(effort)))
  progress('bundle sizes')
  const bundles = await bundleSizes()
  progress('heap growth')
  const memory = await heapGrowth(...memoryCallsOf[mode])
  const results = { comparisons, bundles, memory }
  return {
    date: new Date().toISOString(),
    mode,
    machine: { node: process.version, cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, loadAverage: { start, end: loadavg()[0]! } },
    ...results,
    targets: targetRows(results),
  }
}

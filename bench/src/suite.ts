import { cpus, loadavg } from 'node:os'
import { bundleSizes } from './bundle-size.js'
import { cliCall } from './cli-call.js'
import { coldStart } from './cold-start.js'
import { type Effort, FULL, QUICK } from './compare.js'
import { importTimes } from './import-time.js'
import { loopbackComparisons } from './loopback.js'
import { heapGrowth } from './memory.js'
import { FULL_PROCESSES, type ProcessEffort, QUICK_PROCESSES } from './processes.js'
import { signingComparisons } from './signing.js'
import { type Results, type TargetRow, targetRows } from './targets.js'

export type Mode = 'full' | 'quick'

export interface Machine {
  node: string
  cpu: string
  cores: number
  /** 1-minute load average before each step and at the end: the machine is shared. */
  loadAverage: { start: number; end: number; steps: Record<string, number> }
}

export interface BenchReport extends Results {
  date: string
  mode: Mode
  machine: Machine
  targets: TargetRow[]
}

const effortOf: Record<Mode, Effort> = { full: FULL, quick: QUICK }
const processEffortOf: Record<Mode, ProcessEffort> = { full: FULL_PROCESSES, quick: QUICK_PROCESSES }
// An import differs from importing nothing by a few milliseconds, against a spread of process
// start-up times ten times that on a shared machine: more pairs.
const importEffortOf: Record<Mode, ProcessEffort> = { full: { ...FULL_PROCESSES, runs: 25 }, quick: QUICK_PROCESSES }
// 20,000 calls after 5,000 of warm-up (JIT, connection pool, key cache); quick mode only shows it runs.
const memoryCallsOf: Record<Mode, [calls: number, warmup: number]> = { full: [20_000, 5_000], quick: [2_000, 200] }

/** Runs every benchmark; `quick` is the few-sample run `pnpm test` makes so that none can rot. */
export async function runBenchmarks(mode: Mode, progress: (line: string) => void = () => {}): Promise<BenchReport> {
  const effort = effortOf[mode]
  const processes = processEffortOf[mode]
  const start = loadavg()[0]!
  const steps: Record<string, number> = {}
  const step = async <T>(name: string, run: () => Promise<T>): Promise<T> => {
    steps[name] = loadavg()[0]!
    progress(`${name} (load average ${steps[name]!.toFixed(2)})`)
    return run()
  }
  const comparisons = await step('signing', () => signingComparisons(effort))
  comparisons.push(...(await step('loopback', () => loopbackComparisons(effort))))
  const bundles = await step('bundle sizes', bundleSizes)
  const coldStartRuns = await step('cold start', () => coldStart(processes))
  const cli = await step('CLI invocation', () => cliCall(processes))
  const imports = await step('import times', () => importTimes(importEffortOf[mode]))
  const memory = await step('heap growth', () => heapGrowth(...memoryCallsOf[mode]))
  const results: Results = { comparisons, bundles, memory, coldStart: coldStartRuns, cli, imports }
  return {
    date: new Date().toISOString(),
    mode,
    machine: { node: process.version, cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, loadAverage: { start, end: loadavg()[0]!, steps } },
    ...results,
    targets: targetRows(results),
  }
}

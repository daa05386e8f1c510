import { Bench } from 'tinybench'

/** How long to measure: the full run, or the quick one `pnpm test` makes so the bench cannot rot. */
export interface Effort {
  /** Alternating rounds of baseline and candidate; the ratio is the median of the rounds' ratios. */
  rounds: number
  /** Time budget per task and round, in ms (tinybench's `time`). */
  timeMs: number
  /** Warm-up per task and round, in ms. */
  warmupMs: number
  /** Minimum iterations per task and round. */
  iterations: number
}

export const FULL: Effort = { rounds: 7, timeMs: 700, warmupMs: 150, iterations: 50 }
export const QUICK: Effort = { rounds: 1, timeMs: 40, warmupMs: 10, iterations: 5 }

export interface Measured {
  name: string
  /** Median latency in microseconds (median over rounds of each round's median). */
  medianUs: number
  samples: number
}

export interface Comparison {
  id: string
  baseline: Measured
  candidate: Measured
  /** Median over rounds of candidate median / baseline median, each pair measured back to back. */
  ratio: number
  rounds: number[]
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

type Fn = () => unknown

/**
 * Measures a candidate against its baseline in the same process. On a shared machine the load
 * drifts from second to second, so one long run of each would compare different machines: the
 * two are instead measured back to back in short rounds (their order alternating), and the
 * ratio is the median of the rounds' ratios.
 */
export async function compare(id: string, baseline: [string, Fn], candidate: [string, Fn], effort: Effort): Promise<Comparison> {
  const medians = { baseline: [] as number[], candidate: [] as number[] }
  const samples = { baseline: 0, candidate: 0 }
  const ratios: number[] = []
  for (let round = 0; round < effort.rounds; round++) {
    const bench = new Bench({ time: effort.timeMs, warmupTime: effort.warmupMs, iterations: effort.iterations, warmupIterations: effort.iterations, throws: true })
    const order = round % 2 ? (['candidate', 'baseline'] as const) : (['baseline', 'candidate'] as const)
    for (const which of order) bench.add(which, which === 'baseline' ? baseline[1] : candidate[1])
    await bench.run()
    const p50 = { baseline: 0, candidate: 0 }
    for (const task of bench.tasks) {
      const { result } = task
      if (result.state !== 'completed') throw new Error(`${id}: ${task.name} did not complete (${result.state})`)
      const which = task.name as 'baseline' | 'candidate'
      p50[which] = result.latency.p50 * 1000
      samples[which] += result.latency.samplesCount
    }
    medians.baseline.push(p50.baseline)
    medians.candidate.push(p50.candidate)
    ratios.push(p50.candidate / p50.baseline)
  }
  return {
    id,
    baseline: { name: baseline[0], medianUs: median(medians.baseline), samples: samples.baseline },
    candidate: { name: candidate[0], medianUs: median(medians.candidate), samples: samples.candidate },
    ratio: median(ratios),
    rounds: ratios,
  }
}

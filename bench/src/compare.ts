/** How long to measure: the full run, or the quick one `pnpm test` makes so the bench cannot rot. */
export interface Effort {
  /** How long each side runs before it is timed, in ms: the JIT settles, the sockets open. */
  warmupMs: number
  /** How long one batch of calls runs at least, in ms: long enough to time, short beside the machine's swings. */
  batchMs: number
  /** How long the pairs of batches of one comparison run, in ms. */
  timeMs: number
  /** Pairs at least, however long they take (a batch of 1,000 concurrent calls takes up to half a second). */
  minPairs: number
}

export const FULL: Effort = { warmupMs: 500, batchMs: 20, timeMs: 10_000, minPairs: 21 }
export const QUICK: Effort = { warmupMs: 10, batchMs: 2, timeMs: 40, minPairs: 1 }

export interface Measured {
  name: string
  /** A call's time in microseconds: the median of the batches' mean call times. */
  medianUs: number
  /** Calls timed. */
  samples: number
}

export interface Comparison {
  id: string
  baseline: Measured
  candidate: Measured
  /** The median over pairs of the candidate batch's mean call time over the baseline batch's. */
  ratio: number
  /** Each pair's ratio, in the order measured. */
  pairs: number[]
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

type Fn = () => unknown

/** Runs `fn` `count` times, one call after another; the mean time of a call, in ms. */
async function timeBatch(fn: Fn, count: number): Promise<number> {
  const started = performance.now()
  for (let i = 0; i < count; i++) await fn()
  return (performance.now() - started) / count
}

/** Runs `fn` for `ms` (at least once), untimed. */
async function warmUp(fn: Fn, ms: number): Promise<void> {
  const end = performance.now() + ms
  do await fn()
  while (performance.now() < end)
}

/** How many calls make a batch of at least `ms`: doubled from 1 until a batch takes that long. */
async function batchSize(fn: Fn, ms: number): Promise<number> {
  let count = 1
  while ((await timeBatch(fn, count)) * count < ms) count *= 2
  return count
}

/**
 * Measures a candidate against its baseline in the same process. These machines are shared and
 * their speed swings within a fraction of a second (a round of a few hundred ms per side gave
 * ratios from × 0.7 to × 1.9 for one and the same pair of functions), so the two are timed in
 * short batches, a baseline batch and a candidate batch back to back, their order alternating
 * from pair to pair: both batches of a pair see the same machine. Each pair gives the ratio of
 * the two batches' mean call times, and the figure is the median of those ratios. The medians
 * shown are the medians of the batches' mean call times.
 */
export async function compare(id: string, baseline: [string, Fn], candidate: [string, Fn], effort: Effort): Promise<Comparison> {
  const sides = [baseline[1], candidate[1]] as const
  for (const fn of sides) await warmUp(fn, effort.warmupMs)
  const counts = [await batchSize(sides[0], effort.batchMs), await batchSize(sides[1], effort.batchMs)] as const
  const times: [number[], number[]] = [[], []]
  const ratios: number[] = []
  const end = performance.now() + effort.timeMs
  for (let pair = 0; pair < effort.minPairs || performance.now() < end; pair++) {
    const order = pair % 2 ? ([1, 0] as const) : ([0, 1] as const)
    const mean = [0, 0]
    for (const side of order) mean[side] = await timeBatch(sides[side], counts[side])
    times[0].push(mean[0]!)
    times[1].push(mean[1]!)
    ratios.push(mean[1]! / mean[0]!)
  }
  const measured = (name: string, side: 0 | 1): Measured => ({ name, medianUs: median(times[side]) * 1000, samples: times[side].length * counts[side] })
  return { id, baseline: measured(baseline[0], 0), candidate: measured(candidate[0], 1), ratio: median(ratios), pairs: ratios }
}

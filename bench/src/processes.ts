import { spawn } from 'node:child_process'
import { fileURLToPath, pathToFileURL } from 'node:url'

/** One child process to time: `node [--import rss.js] ...args`, in bench/, with this environment. */
export interface NodeCommand {
  name: string
  /** The arguments after `node` (the RSS preload is put before them). */
  args: string[]
  env?: NodeJS.ProcessEnv
  /** Throws when the run did not do its job (a wrong answer, an exit code other than 0). */
  check?: (run: FinishedRun) => void
}

export interface FinishedRun {
  /** Wall time from spawn to exit, in ms. */
  wallMs: number
  /** The child's own peak resident set size (VmHWM on Linux, see children/rss.ts), in kB. */
  maxRssKb: number
  /** The child's own CPU time, user + system, in ms: less disturbed than wall by other processes' load. */
  cpuMs: number
  code: number | null
  stdout: string
  stderr: string
}

/** Min, median and max of one series of runs. */
export interface Spread {
  min: number
  median: number
  max: number
}

export interface Side {
  name: string
  wallMs: Spread
  cpuMs: Spread
  maxRssKb: Spread
}

export interface PairedRuns {
  id: string
  runs: number
  baseline: Side
  candidate: Side
  /** Median over pairs of candidate wall / baseline wall. */
  wallRatio: number
  /** Median over pairs of candidate wall − baseline wall, in ms. */
  wallDeltaMs: number
  /** Median over pairs of candidate CPU time / baseline CPU time. */
  cpuRatio: number
  /** Median over pairs of candidate peak RSS / baseline peak RSS. */
  rssRatio: number
  /** Each pair's wall ratio, in run order. */
  pairs: number[]
}

export interface ProcessEffort {
  /** Counted pairs. */
  runs: number
  /** Uncounted pairs first (file cache, V8's code cache of Node itself). */
  warmup: number
}

export const FULL_PROCESSES: ProcessEffort = { runs: 15, warmup: 2 }
export const QUICK_PROCESSES: ProcessEffort = { runs: 2, warmup: 1 }

const bench = fileURLToPath(new URL('..', import.meta.url))
// Every child is started with this preload, which prints the child's peak RSS and CPU time on stderr at exit:
// baseline and candidate carry the same small cost, and no external `time` is needed.
const rssPreload = pathToFileURL(fileURLToPath(new URL('../dist/children/rss.js', import.meta.url))).href
const RSS_LINE = /\nbench-maxrss-kb=(\d+) bench-cpu-us=(\d+)\n$/

export const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

const spread = (values: number[]): Spread => ({ min: Math.min(...values), median: median(values), max: Math.max(...values) })

/** Starts `node` with the command's arguments and waits for it to exit. */
export function runNode(command: NodeCommand): Promise<FinishedRun> {
  return new Promise((resolve, reject) => {
    const start = performance.now()
    const child = spawn(process.execPath, ['--import', rssPreload, ...command.args], {
      cwd: bench,
      env: command.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    const out: Buffer[] = []
    const err: Buffer[] = []
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk))
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk))
    child.once('error', reject)
    child.once('close', (code) => {
      const wallMs = performance.now() - start
      const stderr = Buffer.concat(err).toString()
      const rss = RSS_LINE.exec(stderr)
      const run = { wallMs, maxRssKb: rss ? Number(rss[1]) : Number.NaN, cpuMs: rss ? Number(rss[2]) / 1000 : Number.NaN, code, stdout: Buffer.concat(out).toString(), stderr: stderr.replace(RSS_LINE, '') }
      try {
        if (!rss) throw new Error('the child printed no peak RSS and CPU time')
        command.check?.(run)
        resolve(run)
      } catch (cause) {
        reject(new Error(`${command.name}: ${(cause as Error).message} (exit ${code}; stderr: ${run.stderr.slice(0, 500)})`))
      }
    })
  })
}

export const exitedCleanly = (run: FinishedRun) => {
  if (run.code !== 0) throw new Error(`exit code ${run.code}`)
}

/**
 * Whole-process timing, paired: baseline and candidate run in turn (their order alternating
 * from pair to pair), and each pair gives one ratio, so a machine whose speed drifts during the
 * measurement still gives a meaningful ratio: the figure is the median of the pairs' ratios.
 */
export async function pairedRuns(id: string, baseline: NodeCommand, candidate: NodeCommand, effort: ProcessEffort): Promise<PairedRuns> {
  const runs = { baseline: [] as FinishedRun[], candidate: [] as FinishedRun[] }
  for (let i = 0; i < effort.warmup + effort.runs; i++) {
    const order = i % 2 ? (['candidate', 'baseline'] as const) : (['baseline', 'candidate'] as const)
    const pair = { baseline: undefined as FinishedRun | undefined, candidate: undefined as FinishedRun | undefined }
    for (const which of order) pair[which] = await runNode(which === 'baseline' ? baseline : candidate)
    if (i < effort.warmup) continue
    runs.baseline.push(pair.baseline!)
    runs.candidate.push(pair.candidate!)
  }
  const each = (f: (b: FinishedRun, c: FinishedRun) => number) => runs.baseline.map((b, i) => f(b, runs.candidate[i]!))
  const side = (name: string, list: FinishedRun[]): Side => ({
    name,
    wallMs: spread(list.map((r) => r.wallMs)),
    cpuMs: spread(list.map((r) => r.cpuMs)),
    maxRssKb: spread(list.map((r) => r.maxRssKb)),
  })
  const pairs = each((b, c) => c.wallMs / b.wallMs)
  return {
    id,
    runs: effort.runs,
    baseline: side(baseline.name, runs.baseline),
    candidate: side(candidate.name, runs.candidate),
    wallRatio: median(pairs),
    wallDeltaMs: median(each((b, c) => c.wallMs - b.wallMs)),
    cpuRatio: median(each((b, c) => c.cpuMs / b.cpuMs)),
    rssRatio: median(each((b, c) => c.maxRssKb / b.maxRssKb)),
    pairs,
  }
}

/**
 * The environment for a child: this one without proxy settings or NCP credentials and profiles
 * (a developer's own would change what is measured), plus `extra`.
 */
export function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {}
  for (const [name, value] of Object.entries(process.env)) {
    if (!/^(https?_proxy|no_proxy|all_proxy|ncloud_.*|node_options)$/i.test(name)) env[name] = value
  }
  return { ...env, ...extra }
}

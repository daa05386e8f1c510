import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { startMinimalServer } from './minimal-server.js'

export interface HeapGrowth {
  what: 'client' | 'fetch'
  calls: number
  warmup: number
  /** [calls made after warm-up, heap used in bytes after a full GC]. */
  checkpoints: Array<[number, number]>
  /** Bytes retained per 1,000 calls (Theil-Sen slope of the checkpoints). */
  bytesPer1000Calls: number
}

// Compiled beside this module's compiled form; both src/ (vitest) and dist/ sit in bench/.
const child = fileURLToPath(new URL('../dist/memory-child.js', import.meta.url))

/**
 * Bytes retained per 1,000 calls: the Theil-Sen slope of the checkpoints (the median of the
 * slopes between every two of them), which one checkpoint disturbed by a lazily grown V8 or
 * undici structure cannot tilt the way it tilts a least-squares line.
 */
function slopePer1000(points: Array<[number, number]>): number {
  const slopes: number[] = []
  for (let i = 0; i < points.length; i++) {
    for (let j = i + 1; j < points.length; j++) slopes.push((points[j]![1] - points[i]![1]) / (points[j]![0] - points[i]![0]))
  }
  slopes.sort((a, b) => a - b)
  const mid = slopes.length >> 1
  return (slopes.length % 2 ? slopes[mid]! : (slopes[mid - 1]! + slopes[mid]!) / 2) * 1000
}

/**
 * Heap growth over sequential calls, in a child process started with --expose-gc so every
 * checkpoint follows a full collection; the server runs here, so only the caller's heap counts.
 * A raw `fetch` loop is measured the same way, as what Node's own fetch retains.
 */
export async function heapGrowth(calls: number, warmup: number): Promise<HeapGrowth[]> {
  const server = await startMinimalServer()
  try {
    const results: HeapGrowth[] = []
    for (const what of ['fetch', 'client'] as const) {
      const { stdout } = await promisify(execFile)(process.execPath, ['--expose-gc', child, what, server.baseUrl, String(calls), String(warmup)], {
        maxBuffer: 1 << 20,
      })
      const { checkpoints } = JSON.parse(stdout) as { checkpoints: Array<[number, number]> }
      results.push({ what, calls, warmup, checkpoints, bytesPer1000Calls: slopePer1000(checkpoints) })
    }
    return results
  } finally {
    await server.close()
  }
}

// `pnpm test` runs every benchmark once with few samples so that none can rot. Timings on a
// shared machine are no test (that is `pnpm bench`'s job); bundle sizes are deterministic, so
// their targets are held here.
import { beforeAll, describe, expect, test } from 'vitest'
import { markdownReport } from './report.js'
import { type BenchReport, runBenchmarks } from './suite.js'

let report: BenchReport

beforeAll(async () => {
  report = await runBenchmarks('quick')
}, 300_000)

const positive = (value: number) => Number.isFinite(value) && value > 0

describe('the quick run of pnpm bench', () => {
  test('measures both signer entries and both loopback modes against their baselines', () => {
    expect(report.comparisons.map((c) => c.id)).toEqual(['signer-node', 'signer-web', 'loopback-sequential', 'loopback-concurrent'])
    for (const c of report.comparisons) {
      expect([c.baseline.medianUs, c.candidate.medianUs, c.ratio].every(positive), c.id).toBe(true)
      expect(c.baseline.samples, c.id).toBeGreaterThan(0)
      expect(c.candidate.samples, c.id).toBeGreaterThan(0)
    }
  })

  test('measures the heap of the client and of raw fetch at every thousandth call', () => {
    expect(report.memory.map((m) => m.what)).toEqual(['fetch', 'client'])
    for (const m of report.memory) {
      expect(m.checkpoints.map(([calls]) => calls)).toEqual([0, 1000, 2000])
      expect(m.checkpoints.every(([, heap]) => positive(heap))).toBe(true)
      expect(Number.isFinite(m.bytesPer1000Calls)).toBe(true)
    }
  })

  test('bundles the three programs for the browser, the client without node:crypto', () => {
    const { client, openapiFetch, awsSdk } = report.bundles
    for (const size of [client, openapiFetch, awsSdk]) expect([size.min, size.gzip, size.brotli].every(positive)).toBe(true)
    expect(openapiFetch.gzip).toBeLessThan(client.gzip)
    expect(client.gzip).toBeLessThan(awsSdk.gzip)
  })

  test('meets the bundle-size targets: at most 2 kB gzip above openapi-fetch, at least 12 times smaller than the AWS SDK', () => {
    const bundleTargets = report.targets.filter((t) => t.id.startsWith('bundle-'))
    expect(bundleTargets.map((t) => [t.id, t.met])).toEqual([
      ['bundle-above-openapi-fetch', true],
      ['bundle-vs-aws-sdk', true],
    ])
  })

  test('reports every target in the Markdown table, with whether it is met', () => {
    const table = markdownReport(report)
    expect(report.targets).toHaveLength(7)
    for (const t of report.targets) expect(table).toContain(`| ${t.measure} |`)
    expect(table).toMatch(/quick mode/)
  })
})

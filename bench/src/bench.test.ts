// `pnpm test` runs every benchmark once with few samples so that none can rot. Timings on a
// shared machine are no test (that is `pnpm bench`'s job) and none is asserted; bundle sizes
// are deterministic, so their targets are held here.
import { operationIds } from '@ncloud-apigw/operations'
import { beforeAll, describe, expect, test } from 'vitest'
import type { PairedRuns } from './processes.js'
import { markdownReport } from './report.js'
import { type BenchReport, runBenchmarks } from './suite.js'
import { BUNDLE_BUDGETS, TARGETS } from './targets.js'

let report: BenchReport

beforeAll(async () => {
  report = await runBenchmarks('quick')
}, 600_000)

const positive = (value: number) => Number.isFinite(value) && value > 0

const ranAll = (p: PairedRuns) =>
  p.runs === 2 && p.pairs.length === 2 && [p.baseline, p.candidate].every((s) => positive(s.wallMs.median) && positive(s.cpuMs.median) && positive(s.maxRssKb.median)) && positive(p.wallRatio)

describe('the quick run of pnpm bench', () => {
  test('measures both signer entries and every loopback mode against their baselines', () => {
    expect(report.comparisons.map((c) => c.id)).toEqual(['signer-node', 'signer-web', 'loopback-sequential', 'loopback-concurrent', 'loopback-floor', 'loopback-throughput'])
    for (const c of report.comparisons) {
      expect([c.baseline.medianUs, c.candidate.medianUs, c.ratio].every(positive), c.id).toBe(true)
      expect(c.baseline.samples, c.id).toBeGreaterThan(0)
      expect(c.candidate.samples, c.id).toBeGreaterThan(0)
    }
  })

  test('times whole processes in pairs: the cold start and one CLI invocation, each as published and bundled into one file', () => {
    const { coldStart, cli } = report
    for (const p of [coldStart.published, coldStart.bundled, cli.published, cli.bundled]) expect(ranAll(p), p.id).toBe(true)
    expect(coldStart.oneFile.modules).toBeGreaterThanOrEqual(1)
    expect(cli.oneFile.modules).toBeGreaterThanOrEqual(1)
  })

  test('records the import time of every published entry, as published and as one bundled file', () => {
    expect(report.imports.map((i) => i.id)).toEqual(['client-node', 'client-browser', 'signer', 'operations', 'testing', 'cli'])
    for (const i of report.imports) {
      expect(ranAll(i.published) && ranAll(i.bundled), i.id).toBe(true)
      expect(positive(i.oneFile.bytes), i.id).toBe(true)
    }
  })

  test('measures the heap of the client and of bare fetch at every thousandth call', () => {
    expect(report.memory.map((m) => m.what)).toEqual(['fetch', 'client'])
    for (const m of report.memory) {
      expect(m.checkpoints.map(([calls]) => calls)).toEqual([0, 1000, 2000])
      expect(m.checkpoints.every(([, heap]) => positive(heap))).toBe(true)
      expect(Number.isFinite(m.bytesPer1000Calls)).toBe(true)
    }
  })

  test('bundles the three programs for the browser', () => {
    const { client, openapiFetch, awsSdk } = report.bundles
    for (const size of [client, openapiFetch, awsSdk]) expect([size.min, size.gzip, size.brotli].every(positive)).toBe(true)
    expect(openapiFetch.gzip).toBeLessThan(client.gzip)
    expect(client.gzip).toBeLessThan(awsSdk.gzip)
  })

  test('the four-call program carries the four operations it names and no other; a client of every operation carries them all', () => {
    expect(report.bundles.client.carries).toEqual(['createApiKey', 'getApiKey', 'updateApiKey', 'regenerateApiKey'])
    expect(report.bundles.clientEvery.carries).toEqual(operationIds)
    expect(report.bundles.clientEvery.gzip).toBeGreaterThan(report.bundles.client.gzip)
  })

  test("the client's four-call bundle stays within its budget above openapi-fetch alone (gzip)", () => {
    const { client, openapiFetch } = report.bundles
    expect(client.gzip - openapiFetch.gzip).toBeLessThanOrEqual(BUNDLE_BUDGETS.maxBytesAbove)
  })

  test("the client's four-call bundle stays within its budget against the AWS SDK's three calls (gzip)", () => {
    const { client, awsSdk } = report.bundles
    expect(awsSdk.gzip / client.gzip).toBeGreaterThanOrEqual(BUNDLE_BUDGETS.minTimesSmaller)
  })

  test("the client bundle's modules add up to it, the signer's Web Crypto entry among them and no node: module", () => {
    const { clientModules: client } = report.bundles
    const modules = client.modules.map((m) => m.module)
    expect(modules).toContain('packages/signer/dist/hmac-web.js')
    expect(modules.some((m) => /hmac-node|node:|openapi-fetch/.test(m))).toBe(false)
    expect(client.modules.reduce((sum, m) => sum + m.min, 0)).toBeGreaterThanOrEqual(client.min - 2)
  })

  test('reports every target in the Markdown table, with whether it is met', () => {
    const table = markdownReport(report)
    expect(report.targets.map((t) => t.id)).toEqual(Object.keys(TARGETS))
    for (const t of report.targets) expect(table).toContain(`| ${t.measure} |`)
    for (const i of report.imports) expect(table).toContain(`| ${i.entry} |`)
    expect(table).toMatch(/quick mode/)
  })
})

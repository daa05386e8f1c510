import type { PairedRuns } from './processes.js'
import type { BenchReport } from './suite.js'

const kB = (bytes: number) => `${(bytes / 1000).toFixed(2)} kB`
const ms = (value: number) => `${value.toFixed(1)} ms`
const mb = (kb: number) => `${(kb / 1024).toFixed(1)} MiB`
const delta = (p: PairedRuns) => `${p.wallDeltaMs < 0 ? '−' : '+'} ${ms(Math.abs(p.wallDeltaMs))}`

/** The Markdown the README quotes: the targets, then whole-process and bundle figures in full. */
export function markdownReport({ date, mode, machine, targets, bundles, coldStart, cli, imports }: BenchReport): string {
  const { loadAverage } = machine
  const steps = Object.entries(loadAverage.steps)
    .map(([name, load]) => `${name} ${load.toFixed(1)}`)
    .join(', ')
  return [
    `${date.slice(0, 10)}, Node ${machine.node}, ${machine.cpu}, ${machine.cores} cores, load average ${loadAverage.start.toFixed(1)} at the start and ${loadAverage.end.toFixed(1)} at the end (before each step: ${steps})${mode === 'quick' ? ' (quick mode: few samples, timings not meaningful)' : ''}.`,
    '',
    '| measure | baseline (median) | ours (median) | figure | target | met |',
    '|---|---|---|---|---|---|',
    ...targets.map((t) => `| ${t.measure} | ${t.baseline} | ${t.ours} | ${t.figure} | ${t.target} | ${t.met ? 'yes' : '**no**'} |`),
    '',
    `Whole processes, ${coldStart.published.runs} pairs each (medians; the figure is the median of the pairs' ratios or differences):`,
    '',
    '| what | baseline: wall, CPU, peak RSS | ours: wall, CPU, peak RSS | wall | CPU | RSS |',
    '|---|---|---|---|---|---|',
    ...[coldStart.published, coldStart.bundled, cli.published, cli.bundled].map(
      (p) =>
        `| ${p.candidate.name} | ${ms(p.baseline.wallMs.median)}, ${ms(p.baseline.cpuMs.median)}, ${mb(p.baseline.maxRssKb.median)} | ${ms(p.candidate.wallMs.median)}, ${ms(p.candidate.cpuMs.median)}, ${mb(p.candidate.maxRssKb.median)} | × ${p.wallRatio.toFixed(3)} (${delta(p)}) | × ${p.cpuRatio.toFixed(3)} | × ${p.rssRatio.toFixed(2)} |`,
    ),
    '',
    `Import time of each published entry: a fresh \`node\` importing it, less the same process importing nothing (median of ${imports[0]?.published.runs} pairs' differences), as published and bundled into one file (esbuild, not minified):`,
    '',
    '| entry | as published | modules | one bundled file | its size | peak RSS, published |',
    '|---|---|---|---|---|---|',
    ...imports.map(
      (i) =>
        `| ${i.entry} | ${delta(i.published)} | ${i.oneFile.modules} | ${delta(i.bundled)} | ${kB(i.oneFile.bytes)} | ${mb(i.published.candidate.maxRssKb.median)} (nothing: ${mb(i.published.baseline.maxRssKb.median)}) |`,
    ),
    '',
    '| program (esbuild, minified, browser) | min | gzip | brotli |',
    '|---|---|---|---|',
    ...[
      ['openapi-fetch alone, four raw calls', bundles.openapiFetch],
      ['@ncloud-apigw/client, four calls (createApiKeyClientFor the four operations)', bundles.client],
      ['@ncloud-apigw/client, the same four calls (createApiKeyClient, every operation)', bundles.clientEvery],
      ['@aws-sdk/client-api-gateway, three calls', bundles.awsSdk],
    ].map(([name, size]) => {
      const s = size as BenchReport['bundles']['client']
      return `| ${name} | ${kB(s.min)} | ${kB(s.gzip)} | ${kB(s.brotli)} |`
    }),
    '',
    '| module of the client bundle | min | adds to gzip |',
    '|---|---|---|',
    ...bundles.clientModules.modules.map((m) => `| ${m.module} | ${m.min} B | ${m.gzip} B |`),
  ].join('\n')
}

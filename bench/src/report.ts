import type { BenchReport } from './suite.js'

const kB = (bytes: number) => `${(bytes / 1000).toFixed(2)} kB`

/** The Markdown the README quotes: the targets, then the bundle sizes in full. */
export function markdownReport({ date, mode, machine, targets, bundles }: BenchReport): string {
  const { loadAverage } = machine
  return [
    `${date.slice(0, 10)}, Node ${machine.node}, ${machine.cpu}, ${machine.cores} cores, load average ${loadAverage.start.toFixed(1)} at the start and ${loadAverage.end.toFixed(1)} at the end${mode === 'quick' ? ' (quick mode: few samples, timings not meaningful)' : ''}.`,
    '',
    '| measure | baseline (median) | ours (median) | figure | target | met |',
    '|---|---|---|---|---|---|',
    ...targets.map((t) => `| ${t.measure} | ${t.baseline} | ${t.ours} | ${t.figure} | ${t.target} | ${t.met ? 'yes' : '**no**'} |`),
    '',
    '| program (esbuild, minified, browser) | min | gzip | brotli |',
    '|---|---|---|---|',
    ...[
      ['openapi-fetch alone, four raw calls', bundles.openapiFetch],
      ['@ncloud-apigw/client, four calls', bundles.client],
      ['@aws-sdk/client-api-gateway, three calls', bundles.awsSdk],
    ].map(([name, size]) => {
      const s = size as BenchReport['bundles']['client']
      return `| ${name} | ${kB(s.min)} | ${kB(s.gzip)} | ${kB(s.brotli)} |`
    }),
    '',
    '| module of the client bundle | min | adds to gzip |',
    '|---|---|---|',
    ...bundles.client.modules.map((m) => `| ${m.module} | ${m.min} B | ${m.gzip} B |`),
  ].join('\n')
}

// `pnpm bench`: runs every benchmark, prints the Markdown table and writes bench/results.json.
// `--quick` makes the few-sample run that `pnpm test` also makes.
import { writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { markdownReport } from './report.js'
import { runBenchmarks } from './suite.js'

const mode = process.argv.includes('--quick') ? 'quick' : 'full'
const report = await runBenchmarks(mode, (step) => process.stderr.write(`bench: ${step}…\n`))
const out = fileURLToPath(new URL('../results.json', import.meta.url))
writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`)
process.stdout.write(`\n${markdownReport(report)}\n\nResults: ${out}\n`)

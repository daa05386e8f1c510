#!/usr/bin/env node
// @ts-check
// `pnpm test`: lint and every package's tests through turbo, then every failing test in one list.
//
// - `--continue`: a failing package does not stop the others, so one run reports every failure
//   (turbo still exits non-zero, and so does this script).
// - `--concurrency`: at most one task and a half per core at once (3 on the project's 2-core
//   machines), each package's vitest with one worker per two cores (scripts/vitest-defaults.mjs):
//   the suite's own load must not be what makes it slow.
// - At the end, the failing tests of every package, read from the JSON reports vitest wrote in
//   this run (a report older than the run belongs to a task that did not run, and is ignored).
//
// Arguments are passed on to turbo: `pnpm test --force`, `pnpm test --filter @ncloud-apigw/client`.
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const started = Date.now()
const turbo = spawnSync(process.execPath, [join(root, 'scripts/turbo.mjs'), 'run', 'lint', 'test', '--continue', '--concurrency=150%', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
})

/** Every failing test (or test file that failed as a whole) in the reports written since `since`. */
function failures(since) {
  const dirs = JSON.parse(execFileSync('pnpm', ['ls', '-r', '--depth', '-1', '--json'], { cwd: root, encoding: 'utf8' })).map(
    (/** @type {{ path: string }} */ p) => p.path,
  )
  const failed = []
  for (const dir of dirs) {
    const report = join(dir, 'test-results', 'vitest.json')
    if (!existsSync(report) || statSync(report).mtimeMs < since) continue
    const { success, testResults = [] } = JSON.parse(readFileSync(report, 'utf8'))
    const before = failed.length
    for (const file of testResults) {
      const where = relative(root, file.name)
      const tests = (file.assertionResults ?? []).filter((/** @type {{ status: string }} */ t) => t.status === 'failed')
      // A file that failed as a whole (an error in a hook or at import) has no failed test of its own.
      if (file.status === 'failed' && tests.length === 0) failed.push(`${where}: ${String(file.message ?? 'failed').split('\n')[0]}`)
      for (const t of tests) failed.push(`${where} > ${t.fullName}`)
    }
    // A failure outside every test file (a global setup that threw): the package's log says what.
    if (success === false && failed.length === before) failed.push(`${relative(root, dir)}: failed outside its tests (a global setup or an unhandled error); see its log above`)
  }
  return failed
}

const failed = failures(started - 1000)
if (failed.length > 0) process.stdout.write(`\n${failed.length} failing test${failed.length === 1 ? '' : 's'}:\n${failed.map((f) => `  ✗ ${f}`).join('\n')}\n`)
const seconds = ((Date.now() - started) / 1000).toFixed(0)
process.stdout.write(`\npnpm test: ${turbo.status === 0 ? 'passed' : 'FAILED'} in ${seconds} s\n`)
process.exit(turbo.status ?? 1)

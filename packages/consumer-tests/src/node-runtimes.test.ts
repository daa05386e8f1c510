// The client's end-to-end tests (packages/client/src/e2e.test.ts, against the fake API Gateway)
// on Node 22 and 24 besides this machine's Node 20, which runs them in the client's own tests.
// The binaries come from the npm registry's `node` package through npx, into npm's cache: the
// machine's own Node is left as it is.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { expect, inject, test } from 'vitest'
import { describeRun, freshEnv, runCommand } from './run-command.js'
import { repoRoot } from './workspace.js'

/**
 * Exact versions: a new Node release changes nothing here until it is pinned. The line of the
 * Node running this suite is left out: the client's own tests have just run the same tests on it
 * (on Node 24, as .ci/run's second pass runs, that leaves Node 22).
 */
const NODE_VERSIONS = ['22.23.3', '24.21.0'].filter((version) => version.split('.')[0] !== process.versions.node.split('.')[0])

const workDir = inject('workDir')
const clientDir = join(repoRoot, 'packages/client')
const vitest = join(dirname(createRequire(join(clientDir, 'package.json')).resolve('vitest/package.json')), 'vitest.mjs')

test.each(NODE_VERSIONS)("the client's end-to-end tests pass on Node %s", async (version) => {
  // From the temporary directory, so npx sees no workspace package.json.
  // --prefer-offline: a version in npm's cache is used as it is, without asking the registry again.
  const located = await runCommand('npx', ['--yes', '--prefer-offline', '--package', `node@${version}`, 'node', '-p', 'process.execPath + "\\n" + process.version'], {
    cwd: workDir,
    env: freshEnv({ npm_config_update_notifier: 'false' }),
  })
  expect(located.code, describeRun(`npx node@${version}`, located)).toBe(0)
  const [nodeBinary, reported] = located.stdout.trim().split('\n').slice(-2) as [string, string]
  expect(reported).toBe(`v${version}`)
  expect(nodeBinary).not.toBe(process.execPath)

  const report = join(workDir, `e2e-node-${version}.json`)
  // vitest forks its workers with process.execPath, so the tests run on that binary too.
  const run = await runCommand(nodeBinary, [vitest, 'run', 'src/e2e.test.ts', '--typecheck.enabled=false', '--reporter=json', `--outputFile=${report}`], {
    cwd: clientDir,
    env: freshEnv(),
  })
  expect(run.code, describeRun(`vitest on Node ${version}`, run)).toBe(0)
  const results = JSON.parse(readFileSync(report, 'utf8')) as {
    success: boolean
    numPassedTests: number
    numFailedTests: number
    numPendingTests: number
    testResults: { name: string }[]
  }
  expect(results.testResults.map((r) => r.name)).toEqual([join(clientDir, 'src/e2e.test.ts')])
  expect(results).toMatchObject({ success: true, numFailedTests: 0, numPendingTests: 0 })
  expect(results.numPassedTests).toBeGreaterThanOrEqual(20)
  console.log(`Node ${version}: ${results.numPassedTests} end-to-end tests passed`)
})

test("every task sees the machine's certificate authorities, which the registry's Node binaries do not read on their own", () => {
  // Behind a proxy that re-signs TLS, npm on Node 22 or 24 (and the tests' own fetches) verify
  // its certificates only through these. turbo runs tasks with the variables it is told of; on
  // Node 24, without them, npx failed SELF_SIGNED_CERT_IN_CHAIN and retried for 70 s before
  // falling back to its cache.
  const turbo = JSON.parse(readFileSync(join(repoRoot, 'turbo.json'), 'utf8')) as { globalPassThroughEnv: string[] }
  expect(turbo.globalPassThroughEnv).toEqual(expect.arrayContaining(['NODE_EXTRA_CA_CERTS', 'SSL_CERT_FILE', 'SSL_CERT_DIR']))
})

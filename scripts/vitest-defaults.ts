// What every package's vitest config shares: how much of the machine one package's tests may
// take, and the report the root `pnpm test` reads to list every failing test at the end.
//
// turbo runs several packages' tasks at once (the root package.json bounds it with
// --concurrency), so one package's tests get one worker per two cores: on the project's 2-core
// machines one worker, the test files of a package run one after another, and the load stays
// near the core count instead of the 14 to 20 that unbounded parallelism reached.
import { availableParallelism } from 'node:os'

/** One worker per two cores, at least one. */
export const maxWorkers = Math.max(1, Math.floor(availableParallelism() / 2))

/**
 * The shared part of a package's `test` config. `testTimeout` is a last resort against a hang,
 * never a measure of speed: no test asserts how fast anything is, and tests that touch time
 * inject it (see CONTRIBUTING.md, "Tests and time").
 */
export function testDefaults(overrides: { testTimeout?: number; hookTimeout?: number } = {}) {
  return {
    maxWorkers,
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // `default` for the terminal; the JSON report for scripts/test.mjs (turbo restores
    // test-results/ with a cached task, so the report always belongs to the tree as it is).
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/vitest.json' },
    ...overrides,
  }
}

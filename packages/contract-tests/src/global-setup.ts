import type { TestProject } from 'vitest/node'
import { startPrism } from './prism.js'
import { writePrismSpec } from './prism-spec.js'

declare module 'vitest' {
  export interface ProvidedContext {
    /** Base URL of `prism mock` on the bundled spec, ending in the spec's base path. */
    mockUrl: string
  }
}

/**
 * Starts the Prism processes the contract tests talk to, hands their URLs to the tests and stops
 * them when the run ends, whether the tests passed or not. A Prism that fails to start fails the
 * run with its output.
 */
export default async function setup(project: TestProject) {
  const { path, basePath } = writePrismSpec()
  const mock = await startPrism(path, { mode: 'mock' })
  project.provide('mockUrl', `${mock.origin}${basePath}`)
  return async () => {
    await mock.stop()
  }
}

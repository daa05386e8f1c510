import { exampleWorld, startFakeApiGateway } from '@ncloud-apigw/testing'
import type { TestProject } from 'vitest/node'
import { startFakeControl } from './fake-control.js'
import { type RunningPrism, startPrism } from './prism.js'
import { writePrismSpec } from './prism-spec.js'

declare module 'vitest' {
  export interface ProvidedContext {
    /** Base URL of `prism mock` on the bundled spec, ending in the spec's base path. */
    mockUrl: string
    /** Base URL of `prism proxy --errors` in front of the fake API Gateway. */
    proxyUrl: string
    /** Control endpoint of that fake API Gateway (see fake-control.ts). */
    fakeControlUrl: string
    /** Base URL of another `prism proxy --errors`, in front of a fake holding the spec's examples. */
    examplesProxyUrl: string
    /** Control endpoint of that fake (its `reset` puts the examples back). */
    examplesControlUrl: string
  }
}

/**
 * Starts what the contract tests talk to (Prism mock; the fake API Gateway with Prism's
 * validation proxy in front of it), hands their URLs to the tests, and stops everything when
 * the run ends, whether the tests passed or not. A Prism that fails to start fails the run with
 * its output.
 */
export default async function setup(project: TestProject) {
  const stops: (() => Promise<void>)[] = []
  const teardown = async () => {
    for (const stop of stops.reverse()) await stop()
  }
  try {
    const { path, basePath } = writePrismSpec()

    const fake = await startFakeApiGateway()
    stops.push(() => fake.close())
    const control = await startFakeControl(fake)
    stops.push(control.close)
    project.provide('fakeControlUrl', control.url)
    const examples = await startFakeApiGateway(exampleWorld())
    stops.push(() => examples.close())
    const examplesControl = await startFakeControl(examples)
    stops.push(examplesControl.close)
    project.provide('examplesControlUrl', examplesControl.url)

    // The two Prisms start side by side: each spends a second or more (far more on a loaded
    // machine) loading itself, on its own. Prism's proxy forwards the path it received, base
    // path included, to the upstream's origin.
    const started = await Promise.allSettled([
      startPrism(path, { mode: 'mock' }),
      startPrism(path, { mode: 'proxy', upstream: new URL(fake.url).origin }),
      startPrism(path, { mode: 'proxy', upstream: new URL(examples.url).origin }),
    ])
    for (const prism of started) if (prism.status === 'fulfilled') stops.push(prism.value.stop)
    const [mock, proxy, examplesProxy] = started.map((prism) => {
      if (prism.status === 'rejected') throw prism.reason
      return prism.value
    }) as [RunningPrism, RunningPrism, RunningPrism]
    project.provide('mockUrl', `${mock.origin}${basePath}`)
    project.provide('proxyUrl', `${proxy.origin}${basePath}`)
    project.provide('examplesProxyUrl', `${examplesProxy.origin}${basePath}`)
  } catch (error) {
    await teardown()
    throw error
  }
  return teardown
}

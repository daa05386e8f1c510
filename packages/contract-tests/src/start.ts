/**
 * `pnpm start`, the main job: every operation end to end on one key it creates and deletes, each
 * request and response checked against the spec by Prism's validation proxy, then where the
 * built artefacts are.
 *
 *   pnpm start           against an embedded fake API Gateway: no NCP account needed
 *   pnpm start --live    against NCP itself, with the client's credentials chain
 *
 * turbo has already built what was stale before this runs.
 */
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { type ApiKeyClientOptions, createApiKeyClient, NcpCredentialsError, type Site, sites } from '@ncloud-apigw/client'
import { startFakeApiGateway, TEST_CREDENTIALS } from '@ncloud-apigw/testing'
import { runContractFlow } from './contract-flow.js'
import { startPrism } from './prism.js'
import { writePrismSpec } from './prism-spec.js'
import { reachNcp } from './reach-ncp.js'
import { violationRecorder } from './violations.js'

const root = fileURLToPath(new URL('../../..', import.meta.url))
const live = process.argv.includes('--live')

/** The built outputs a reader is likely to look for, with their sizes. */
function printArtefacts(): void {
  const places = [
    ['spec', 'spec/dist'],
    ['types', 'packages/types/dist'],
    ['signer', 'packages/signer/dist'],
    ['client', 'packages/client/dist'],
    ['testing', 'packages/testing/dist'],
    ['cli', 'packages/cli/dist'],
    ['docs', 'docs/dist'],
  ] as const
  console.log('\nBuilt:')
  for (const [name, dir] of places) {
    const path = join(root, dir)
    if (!existsSync(path)) continue
    const files = readdirSync(path, { recursive: true, withFileTypes: true }).filter((f) => f.isFile())
    const kB = files.reduce((sum, f) => sum + statSync(join(f.parentPath, f.name)).size, 0) / 1024
    const pages = name === 'docs' ? files.filter((f) => f.name === 'index.html').map((f) => relative(root, join(f.parentPath, f.name))) : []
    console.log(`  ${name.padEnd(8)} ${dir.padEnd(22)} ${String(files.length).padStart(3)} files ${kB.toFixed(1).padStart(8)} kB  ${pages.join('  ')}`)
  }
}

async function main(): Promise<number> {
  const stops: (() => Promise<void>)[] = []
  try {
    let upstream: string
    let options: ApiKeyClientOptions = {}
    if (live) {
      try {
        createApiKeyClient()
      } catch (error) {
        if (!(error instanceof NcpCredentialsError)) throw error
        console.error(`pnpm start --live needs NCP credentials.\n${error.message}`)
        return 1
      }
      const site = (process.env.NCLOUD_SITE || 'public') as Site
      upstream = sites[site]
      // Prism stands between the client and NCP and would turn a DNS failure into its own 500,
      // so the host is looked up first, to say plainly when the network is the problem.
      const unreachable = await reachNcp(new URL(upstream).hostname)
      if (unreachable) {
        console.error(`pnpm start --live ${unreachable}`)
        return 1
      }
      console.log(`Against NCP's API Gateway (${site}): ${upstream}`)
    } else {
      const fake = await startFakeApiGateway()
      stops.push(() => fake.close())
      upstream = fake.url
      options = { credentials: TEST_CREDENTIALS }
      console.log(`Against an embedded fake API Gateway: ${upstream} (no NCP account needed; pnpm start --live for NCP)`)
    }

    const { path, basePath } = writePrismSpec()
    const prism = await startPrism(path, { mode: 'proxy', upstream: new URL(upstream).origin })
    stops.push(prism.stop)
    console.log(`Through Prism's validation proxy: ${prism.origin}${basePath} (every request and response checked against the spec)\n`)

    const recorder = violationRecorder()
    const apigw = createApiKeyClient({ ...options, baseUrl: `${prism.origin}${basePath}`, fetch: recorder.fetch })
    const steps = await runContractFlow(apigw, {
      onStep: ({ call, result }) => console.log(`  ✓ ${call}\n      → ${result}`),
    })

    const ok = recorder.violations.length === 0
    const operations = new Set(steps.map((s) => s.operation))
    console.log(
      ok
        ? `\nContract verdict: PASS. ${steps.length} requests over ${operations.size} operations and ${steps.length} responses, each valid against the spec; the key it made is deleted.`
        : `\nContract verdict: FAIL. Prism found ${recorder.violations.length} violations:\n${JSON.stringify(recorder.violations, null, 2)}`,
    )
    printArtefacts()
    return ok ? 0 : 1
  } catch (error) {
    console.error(`\nContract verdict: FAIL. ${(error as Error).name}: ${(error as Error).message}`)
    return 1
  } finally {
    for (const stop of stops.reverse()) await stop()
  }
}

process.exitCode = await main()

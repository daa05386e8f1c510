/**
 * `pnpm start`, the main job: one key's whole life, put to use on a product, end to end on a key
 * it creates and deletes, then every operation once with the spec's example request; each
 * request and response checked against the spec by Prism's validation proxy; then where the
 * built artefacts are, and what to try next.
 *
 *   pnpm start           against an embedded fake API Gateway holding a protected product and
 *                        the spec's examples: no NCP account needed
 *   pnpm start --live    against NCP itself, with the client's credentials chain; the key is put
 *                        to use only with --product <id> --stage <id> --plan <id> (a product of
 *                        yours, a stage of it and one of that stage's usage plans)
 *
 * turbo has already built what was stale before this runs.
 */
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { type ApiKeyClientOptions, createApiKeyClient, NcpCredentialsError, type Site, sites } from '@ncloud-apigw/client'
import { operationIds } from '@ncloud-apigw/operations'
import { exampleWorld, type FakeApiGateway, type FakeProduct, startFakeApiGateway, TEST_CREDENTIALS } from '@ncloud-apigw/testing'
import { type FlowProduct, runContractFlow } from './contract-flow.js'
import { sendExample } from './every-operation.js'
import { startPrism } from './prism.js'
import { writePrismSpec } from './prism-spec.js'
import { reachNcp } from './reach-ncp.js'
import { violationRecorder } from './violations.js'

const root = fileURLToPath(new URL('../../..', import.meta.url))
const live = process.argv.includes('--live')
/** The value after `--name` on the command line, if any. */
const flag = (name: string) => {
  const at = process.argv.indexOf(`--${name}`)
  return at === -1 ? undefined : process.argv[at + 1]
}

/** The product the embedded fake publishes for the key to be put to use on: protected, so approval is shown. */
const DEMO_PRODUCT: FakeProduct = {
  productId: 'demo0prod1',
  productName: 'weather',
  productDescription: 'A product of the embedded fake, published for pnpm start',
  subscriptionCode: 'PROTECTED',
  stages: [
    {
      apiId: 'demo00api1',
      apiName: 'forecast',
      stageId: 'demo0stag1',
      stageName: 'v1',
      usagePlans: [
        { usagePlanId: 'demo0plan1', usagePlanName: 'basic' },
        { usagePlanId: 'demo0plan2', usagePlanName: 'gold' },
      ],
    },
  ],
}

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

/** Where to go from here. */
function printNext(live: boolean): void {
  console.log(`
Next:
  pnpm test                  every test, about four minutes
  pnpm docs:serve            the reference in English, 한국어 and 日本語
  pnpm fake                  a fake API Gateway of your own, then \`pnpm ncloud-apigw api-key list\` against it
  ${live ? 'pnpm contract:live        the contract suite against NCP' : 'pnpm start --live          the same against NCP, with your credentials'}`)
}

async function main(): Promise<number> {
  const stops: (() => Promise<void>)[] = []
  try {
    let upstream: string
    let options: ApiKeyClientOptions = {}
    let product: FlowProduct | undefined
    let fake: FakeApiGateway | undefined
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
      const [productId, stageId, usagePlanId] = [flag('product'), flag('stage'), flag('plan')]
      if (productId && stageId && usagePlanId) product = { productId, stageId, usagePlanId }
      else console.log('The key is not put to use on a product: pass --product <id> --stage <id> --plan <id> (a product of yours) for that.')
    } else {
      const world = exampleWorld()
      const started = await startFakeApiGateway({ ...world, products: [...world.products, DEMO_PRODUCT] })
      fake = started
      stops.push(() => started.close())
      upstream = started.url
      options = { credentials: TEST_CREDENTIALS }
      const [stage] = DEMO_PRODUCT.stages
      product = { productId: DEMO_PRODUCT.productId, stageId: stage!.stageId, usagePlanId: stage!.usagePlans[1]!.usagePlanId }
      console.log(`Against an embedded fake API Gateway: ${upstream} (no NCP account needed; pnpm start --live for NCP)`)
      console.log(`It publishes the ${DEMO_PRODUCT.subscriptionCode.toLowerCase()} product ${DEMO_PRODUCT.productId} (${DEMO_PRODUCT.productName}), and holds what the spec's examples name.`)
    }

    const { path, basePath } = writePrismSpec()
    const prism = await startPrism(path, { mode: 'proxy', upstream: new URL(upstream).origin })
    stops.push(prism.stop)
    console.log(`Through Prism's validation proxy: ${prism.origin}${basePath} (every request and response checked against the spec)\n`)

    const recorder = violationRecorder()
    const baseUrl = `${prism.origin}${basePath}`
    const apigw = createApiKeyClient({ ...options, baseUrl, fetch: recorder.fetch })
    console.log('One key, from creation to deletion:')
    const steps = await runContractFlow(apigw, {
      ...(product && { product }),
      onStep: ({ call, result }) => console.log(`  ✓ ${call}\n      → ${result}`),
    })
    const violations: unknown[] = [...recorder.violations]
    let requests = steps.length

    // Against the fake: every operation once more, with the spec's own example request, on the
    // examples as seeded. An operation added to the spec is in this list with no edit here.
    if (fake) {
      console.log("\nEvery operation with the spec's example request:")
      for (const operation of operationIds) {
        fake.reset()
        const outcome = await sendExample(baseUrl, TEST_CREDENTIALS, operation)
        violations.push(...outcome.violations)
        requests++
        console.log(`  ${outcome.violations.length === 0 ? '✓' : '✗'} ${operation}: HTTP ${outcome.status}`)
      }
    }

    const ok = violations.length === 0
    const operations = new Set([...steps.map((s) => s.operation), ...(fake ? operationIds : [])])
    console.log(
      ok
        ? `\nContract verdict: PASS. ${requests} requests over ${operations.size} operations and ${requests} responses, each valid against the spec; the key it made is deleted.`
        : `\nContract verdict: FAIL. Prism found ${violations.length} violations:\n${JSON.stringify(violations, null, 2)}`,
    )
    printArtefacts()
    if (ok) printNext(live)
    return ok ? 0 : 1
  } catch (error) {
    console.error(`\nContract verdict: FAIL. ${(error as Error).name}: ${(error as Error).message}`)
    return 1
  } finally {
    for (const stop of stops.reverse()) await stop()
  }
}

process.exitCode = await main()

import { fileURLToPath } from 'node:url'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'
import { operationIds } from '@ncloud-apigw/operations'
import { build } from 'esbuild'

export interface ModuleCost {
  /** The module's path, from the package's name on. */
  module: string
  /** Its bytes in the minified bundle. */
  min: number
  /** What it adds to the gzip size: the bundle's gzip size less that of the bundle without it. */
  gzip: number
}

export interface BundleSize {
  program: string
  /** Bytes, minified. */
  min: number
  /** Bytes, gzip level 9. */
  gzip: number
  /** Bytes, brotli quality 11. */
  brotli: number
  /** Each module's share, in bundle order. */
  modules: ModuleCost[]
  /** The operations whose entry of the table the bundle holds, by operationId. */
  carries: string[]
}

const gzip = (bytes: Uint8Array) => gzipSync(bytes, { level: 9 }).length

/**
 * Bundles one program of `programs/` for the browser as an application would (esbuild,
 * minified, ESM, browser export conditions) and measures it. A `node:` import fails the build.
 */
export async function bundleSize(program: string, alias: Record<string, string> = {}): Promise<BundleSize> {
  const result = await build({
    entryPoints: [fileURLToPath(new URL(`../programs/${program}`, import.meta.url))],
    alias,
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
    metafile: true,
  })
  const code = result.outputFiles[0]!.contents
  const total = gzip(code)
  // esbuild emits each module's code in one piece, in the metafile's order.
  const modules: ModuleCost[] = []
  let offset = 0
  for (const [path, { bytesInOutput }] of Object.entries(Object.values(result.metafile.outputs)[0]!.inputs)) {
    const without = Buffer.concat([code.subarray(0, offset), code.subarray(offset + bytesInOutput)])
    modules.push({ module: path.replace(/^.*?(node_modules\/|packages\/|programs\/)/, '$1').replace(/^node_modules\/(\.pnpm\/[^/]+\/node_modules\/)?/, ''), min: bytesInOutput, gzip: total - gzip(without) })
    offset += bytesInOutput
  }
  return {
    program,
    min: code.length,
    gzip: total,
    brotli: brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    modules,
    // Each entry holds its id as a string (id: "getApiKey"), which nothing else in a bundle does.
    carries: operationIds.filter((id) => new TextDecoder().decode(code).includes(`"${id}"`)),
  }
}

export const PROGRAMS = {
  client: 'client-four-calls.ts',
  clientEvery: 'client-every-operation.ts',
  openapiFetch: 'openapi-fetch-four-calls.ts',
  awsSdk: 'aws-sdk-three-calls.ts',
} as const

// The client is published as one bundled file per entry, which shows no module inside it; the
// breakdown bundles the same program from the client's sources instead, module by module.
const clientSources = {
  '@ncloud-apigw/client/operations': fileURLToPath(new URL('../../packages/client/src/operations.ts', import.meta.url)),
  '@ncloud-apigw/client': fileURLToPath(new URL('../../packages/client/src/index.ts', import.meta.url)),
}

export async function bundleSizes(): Promise<Record<keyof typeof PROGRAMS | 'clientModules', BundleSize>> {
  const [client, clientEvery, openapiFetch, awsSdk, clientModules] = await Promise.all([
    ...Object.values(PROGRAMS).map((program) => bundleSize(program)),
    bundleSize(PROGRAMS.client, clientSources),
  ])
  return { client: client!, clientEvery: clientEvery!, openapiFetch: openapiFetch!, awsSdk: awsSdk!, clientModules: clientModules! }
}

import { fileURLToPath } from 'node:url'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'
import { build } from 'esbuild'

export interface BundleSize {
  program: string
  /** Bytes, minified. */
  min: number
  /** Bytes, gzip level 9. */
  gzip: number
  /** Bytes, brotli quality 11. */
  brotli: number
}

/**
 * Bundles one program of `programs/` for the browser as an application would (esbuild,
 * minified, ESM, browser export conditions) and measures it. A `node:` import fails the build.
 */
export async function bundleSize(program: string): Promise<BundleSize> {
  const result = await build({
    entryPoints: [fileURLToPath(new URL(`../programs/${program}`, import.meta.url))],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  })
  const code = result.outputFiles[0]!.contents
  return {
    program,
    min: code.length,
    gzip: gzipSync(code, { level: 9 }).length,
    brotli: brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  }
}

export const PROGRAMS = {
  client: 'client-four-calls.ts',
  openapiFetch: 'openapi-fetch-four-calls.ts',
  awsSdk: 'aws-sdk-three-calls.ts',
} as const

export async function bundleSizes(): Promise<Record<keyof typeof PROGRAMS, BundleSize>> {
  const [client, openapiFetch, awsSdk] = await Promise.all(Object.values(PROGRAMS).map(bundleSize))
  return { client: client!, openapiFetch: openapiFetch!, awsSdk: awsSdk! }
}

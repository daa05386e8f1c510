import { copyFileSync, mkdirSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

export interface OneFile {
  /** The bundled file. */
  file: string
  /** Its size in bytes (not minified, as a library would publish it). */
  bytes: number
  /** How many modules went into it: the files Node loads one by one from the published form. */
  modules: number
}

const out = fileURLToPath(new URL('../dist/bundled/', import.meta.url))

/**
 * One entry bundled into one ESM file by esbuild, as a package could publish it, under
 * `dist/bundled/<name>/dist/`, beside a copy of the package's package.json when given (a module
 * that reads `../package.json`, like the CLI's version, finds it as it would in the package).
 * Node's built-in modules stay imports (`platform: 'node'`); CommonJS dependencies (commander)
 * get a `require` to load them with.
 */
export async function bundleOneFile(
  name: string,
  entry: string,
  { platform, packageJson }: { platform: 'node' | 'browser'; packageJson?: string },
): Promise<OneFile> {
  const file = join(out, name, 'dist', basename(entry))
  mkdirSync(dirname(file), { recursive: true })
  if (packageJson) copyFileSync(packageJson, join(out, name, 'package.json'))
  const result = await build({
    entryPoints: [entry],
    outfile: file,
    bundle: true,
    format: 'esm',
    platform,
    target: platform === 'node' ? 'node20' : 'es2022',
    // The client imports undici only when a proxy is set, by a dynamic import of its own: a
    // package published as one file would keep it a dependency rather than inline 1.2 MB of it.
    external: ['undici'],
    banner: platform === 'node' ? { js: "import { createRequire as __benchCreateRequire } from 'node:module'; const require = __benchCreateRequire(import.meta.url);" } : {},
    metafile: true,
    logLevel: 'silent',
  })
  const [output] = Object.values(result.metafile.outputs)
  return { file, bytes: output!.bytes, modules: Object.keys(output!.inputs).length }
}

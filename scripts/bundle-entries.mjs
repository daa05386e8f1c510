#!/usr/bin/env node
// Publishes each entry of a package as one file: esbuild bundles the file tsc wrote (and what it
// imports, this repository's packages and the package's dependencies included) over itself, then
// the other JavaScript tsc wrote is removed; the `.d.ts` files stay, for the types. Node then
// loads one module for an entry instead of dozens, which is most of what a cold start costs
// (`pnpm bench` measures both ways). Packages named with `--external` stay imports (undici, which
// the client loads only when a proxy is set).
//
//   node ../../scripts/bundle-entries.mjs dist/node.js:node dist/index.js:browser [--external undici] [--require-shim]
import { readdirSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'

// esbuild is a devDependency of each package that bundles, so it is found from the package.
const { build } = await import(pathToFileURL(createRequire(resolve('package.json')).resolve('esbuild')).href)

const args = process.argv.slice(2)
const external = args.flatMap((arg, i) => (args[i - 1] === '--external' ? [arg] : []))
const requireShim = args.includes('--require-shim')
const entries = args.filter((arg, i) => !arg.startsWith('--') && args[i - 1] !== '--external').map((arg) => {
  const [file, platform] = arg.split(':')
  if (!file || (platform !== 'node' && platform !== 'browser')) {
    console.error('usage: bundle-entries.mjs <dist/file.js>:<node|browser> ... [--external <package>]')
    process.exit(2)
  }
  return { file: resolve(file), platform }
})

for (const { file, platform } of entries) {
  await build({
    entryPoints: [file],
    outfile: file,
    allowOverwrite: true,
    bundle: true,
    format: 'esm',
    platform,
    target: platform === 'node' ? 'node20' : 'es2022',
    external,
    // CommonJS dependencies (commander) call require(), which an ES module lacks: --require-shim
    // gives the bundle one.
    banner: requireShim ? { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" } : {},
    legalComments: 'eof',
    logLevel: 'warning',
  })
}

// Every entry now holds all it runs; the modules tsc wrote beside them are no longer loaded.
const kept = new Set(entries.map((e) => e.file))
const dist = resolve('dist')
for (const entry of readdirSync(dist, { recursive: true, withFileTypes: true })) {
  const path = join(entry.parentPath, entry.name)
  if (entry.isFile() && path.endsWith('.js') && !kept.has(path)) rmSync(path)
}

// Package quality, checked on the tarballs that `pnpm pack` makes of every published workspace
// package (found at run time, so a new package is covered as soon as it exists).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, relative, resolve, sep } from 'node:path'
import { publint } from 'publint'
import { formatMessage } from 'publint/utils'
import { describe, expect, inject, test } from 'vitest'
import { fencedBlocks } from '../../../scripts/markdown-blocks.mjs'
import { conditionsObjects, exportTargets, isJs, typesFirstProblem } from './exports-map.js'
import { describeRun, runCommand } from './run-command.js'
import { repoRoot } from './workspace.js'

/** Placeholder until the public repository exists; one place, checked in every package. */
const REPOSITORY = 'https://github.com/ncloud-apigw/ncloud-apigw'

const packed = inject('packed')
const workDir = inject('workDir')
const rootManifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { engines: { node: string } }
const rootLicense = readFileSync(join(repoRoot, 'LICENSE'), 'utf8')
const attwCli = join(dirname(createRequire(import.meta.url).resolve('@arethetypeswrong/cli/package.json')), 'dist/index.js')

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => statSync(join(dir, f)).isFile())
    .map((f) => f.split(sep).join('/'))
    .sort()
}

test('every published package is found, and each is a dependency of this package so turbo builds it first', () => {
  const names = packed.map((p) => p.name)
  expect(names).toEqual(expect.arrayContaining(['@ncloud-apigw/client', '@ncloud-apigw/signer', '@ncloud-apigw/spec', '@ncloud-apigw/testing', '@ncloud-apigw/types']))
  const own = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { devDependencies: Record<string, string> }
  const missing = names.filter((name) => own.devDependencies[name] !== 'workspace:*')
  expect(missing, `add ${missing.map((n) => `"${n}": "workspace:*"`).join(', ')} to devDependencies of packages/consumer-tests/package.json`).toEqual([])
})

describe.each(packed)('$name', (pkg) => {
  const manifest = pkg.manifest as Record<string, any>
  const files = filesUnder(pkg.unpacked)
  const packedManifest = JSON.parse(readFileSync(join(pkg.unpacked, 'package.json'), 'utf8')) as Record<string, any>

  test('package.json has the published fields: ESM, licence, engines, repository with directory, homepage, bugs, keywords, files, sideEffects', () => {
    expect(manifest.type).toBe('module')
    expect(manifest.license).toBe('Apache-2.0')
    expect(manifest.engines).toEqual({ node: rootManifest.engines.node })
    expect(manifest.repository).toEqual({ type: 'git', url: `git+${REPOSITORY}.git`, directory: pkg.relDir })
    expect(manifest.homepage).toBe(`${REPOSITORY}/tree/main/${pkg.relDir}#readme`)
    expect(manifest.bugs).toEqual({ url: `${REPOSITORY}/issues` })
    expect(typeof manifest.description === 'string' && manifest.description.length > 20, 'a description').toBe(true)
    expect(Array.isArray(manifest.keywords) && manifest.keywords.length > 0, 'keywords').toBe(true)
    expect(Array.isArray(manifest.files) && manifest.files.length > 0, '"files"').toBe(true)
    // false, or the list of files that do have side effects: a decision either way.
    expect(manifest.sideEffects === false || Array.isArray(manifest.sideEffects), '"sideEffects"').toBe(true)
    expect(manifest.exports, '"exports"').toBeTypeOf('object')
    expect(manifest.exports['./package.json'], 'exports "./package.json"').toBe('./package.json')
  })

  test('every conditions object of "exports" that can give JavaScript lists "types" first', () => {
    expect(conditionsObjects(manifest.exports).map(typesFirstProblem).filter(Boolean)).toEqual([])
  })

  test('the tarball holds every file "exports" and "bin" name, and no workspace: ranges', () => {
    const bins: string[] = typeof manifest.bin === 'string' ? [manifest.bin] : Object.values(manifest.bin ?? {})
    const wanted = [...exportTargets(manifest.exports), ...bins].map((t) => relative('.', t))
    expect(wanted.filter((t) => !files.includes(t))).toEqual([])
    for (const field of ['dependencies', 'peerDependencies', 'optionalDependencies']) {
      for (const [name, range] of Object.entries<string>(packedManifest[field] ?? {})) {
        expect(range, `${field}.${name} in the packed package.json`).not.toMatch(/^workspace:/)
      }
    }
  })

  test('the tarball ships the LICENSE and a README with an example that uses the package', () => {
    expect(files).toContain('LICENSE')
    // pnpm pack copies the workspace root's LICENSE into a package that has none: one file for all.
    expect(readFileSync(join(pkg.unpacked, 'LICENSE'), 'utf8'), 'LICENSE is the root LICENSE').toBe(rootLicense)
    expect(files).toContain('README.md')
    const readme = readFileSync(join(pkg.unpacked, 'README.md'), 'utf8')
    const blocks = fencedBlocks(readme, `${pkg.name}/README.md`).map(({ lang, body }) => ({ lang, code: body }))
    const bins = Object.keys(typeof manifest.bin === 'string' ? { [pkg.name.split('/').pop()!]: 1 } : (manifest.bin ?? {}))
    const examples = blocks.filter(
      ({ lang, code }) => /^(ts|js|mjs|cjs)$/.test(lang) && new RegExp(`['"]${pkg.name}(/[^'"]*)?['"]`).test(code),
    )
    const commands = blocks.filter(({ lang, code }) => /^(sh|console|bash)$/.test(lang) && bins.some((bin) => new RegExp(`(^|\\s)${bin}\\s`).test(code)))
    expect(examples.length + commands.length, 'a ts/js block naming the package as a module (or a shell block running its bin)').toBeGreaterThan(0)
  })

  test('every source map in the tarball points only at files inside it', () => {
    const outside = files
      .filter((f) => f.endsWith('.map'))
      .flatMap((map) => {
        const { sources } = JSON.parse(readFileSync(join(pkg.unpacked, map), 'utf8')) as { sources: string[] }
        return sources.map((s) => relative(pkg.unpacked, resolve(pkg.unpacked, dirname(map), s))).filter((s) => !files.includes(s)).map((s) => `${map} -> ${s}`)
      })
    expect(outside).toEqual([])
  })

  test('publint --strict finds no error, warning or suggestion', async () => {
    const tarball = readFileSync(pkg.tarball)
    const { messages, pkg: linted } = await publint({
      pack: { tarball: tarball.buffer.slice(tarball.byteOffset, tarball.byteOffset + tarball.byteLength) as ArrayBuffer },
      strict: true,
    })
    expect(messages.map((m) => `${m.type}: ${formatMessage(m, linted) ?? m.code}`)).toEqual([])
  })

  test('attw (node16 from CJS and from ESM, bundler) finds no problem but those its .attw.json ignores and its README explains', async () => {
    const config = join(pkg.dir, '.attw.json')
    const args = [attwCli, pkg.tarball, '--profile', 'node16', '--format', 'json', '--no-color']
    if (existsSync(config)) {
      const options = JSON.parse(readFileSync(config, 'utf8')) as Record<string, unknown>
      // Only rules may be ignored: the profile (node16: CJS and ESM, and bundler) is not the package's to choose.
      expect(Object.keys(options)).toEqual(['ignoreRules'])
      const readme = readFileSync(join(pkg.dir, 'README.md'), 'utf8')
      for (const rule of options.ignoreRules as string[]) expect(readme, `README.md explains why attw's ${rule} is ignored`).toContain(rule)
      args.push('--config-path', config)
    }
    // Run from the temporary directory: attw would read a stray ./.attw.json from its working directory.
    const attw = await runCommand(process.execPath, args, { cwd: workDir })
    expect(attw.code, describeRun('attw', attw)).toBe(0)
    const { analysis } = JSON.parse(attw.stdout) as { analysis: { types: unknown } }
    if (analysis.types === false) {
      // attw checks nothing in a package without types: then nothing importable may be JavaScript.
      expect(exportTargets(manifest.exports).filter(isJs), 'JavaScript exports without types').toEqual([])
    }
  })
})

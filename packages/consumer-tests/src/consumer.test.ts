// The published packages as a stranger gets them: a fresh npm project in a temporary directory
// outside the workspace, which installed the packed tarballs (and openapi-fetch, TypeScript and
// @types/node from the registry; src/consumer-project.ts, in the global setup), compiles a strict
// consumer under two module resolutions, proves wrong input fails to compile, runs the consumer,
// and require()s the client from CommonJS. The READMEs' examples are checked in the same project
// by readme-examples.test.ts.
import { lstatSync, readdirSync, readFileSync, realpathSync } from 'node:fs'
import { basename, join, relative, sep } from 'node:path'
import { operationIds, operations } from '@ncloud-apigw/operations'
import { beforeAll, describe, expect, inject, test } from 'vitest'
import { answered } from './answered.js'
import { registryDependencies } from './consumer-project.js'
import { describeRun, runCommand } from './run-command.js'
import { repoRoot } from './workspace.js'

const packed = inject('packed')
const project = inject('project')

const inside = (dir: string, file: string) => `${realpathSync(file)}${sep}`.startsWith(`${dir}${sep}`)

function tsc(config: string) {
  // --listFiles: every file the compiler read, to prove none came from the workspace.
  return runCommand(process.execPath, [join(project, 'node_modules/typescript/bin/tsc'), '-p', config, '--listFiles', '--pretty', 'false'], { cwd: project })
}

// The four compilations start together once the project is installed (tsc is single-threaded,
// so two cores finish them sooner side by side); each test awaits its own.
let compilations: Record<'node16' | 'bundler' | 'must-fail' | 'cjs', ReturnType<typeof tsc>>

function listedFiles(stdout: string) {
  return stdout.split('\n').filter((line) => line.startsWith('/'))
}

beforeAll(() => {
  compilations = {
    node16: tsc('tsconfig.node16.json'),
    bundler: tsc('tsconfig.bundler.json'),
    'must-fail': tsc('tsconfig.must-fail.json'),
    cjs: tsc('tsconfig.cjs.json'),
  }
})

describe('a fresh npm project outside the workspace, installing the tarballs', () => {
  test('lies outside the workspace, with every package a real directory installed from its tarball and no link into the repository', () => {
    expect(`${project}${sep}`.startsWith(`${repoRoot}${sep}`)).toBe(false)
    const lock = JSON.parse(readFileSync(join(project, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, { resolved?: string; link?: boolean }>
    }
    for (const pkg of packed) {
      const entry = lock.packages[`node_modules/${pkg.name}`]
      expect(entry?.resolved, pkg.name).toBe(`file:${relative(project, pkg.tarball)}`)
      expect(entry?.link, pkg.name).toBeUndefined()
      expect(lstatSync(join(project, 'node_modules', pkg.name)).isSymbolicLink(), pkg.name).toBe(false)
    }
    expect(lock.packages['node_modules/openapi-fetch']).toMatchObject({ version: registryDependencies['openapi-fetch'] })
    expect(lock.packages['node_modules/openapi-fetch']?.link).toBeUndefined()
    // Every symbolic link npm made (the .bin shims) stays inside the project.
    const links = readdirSync(join(project, 'node_modules'), { recursive: true, encoding: 'utf8' })
      .map((f) => join(project, 'node_modules', f))
      .filter((f) => lstatSync(f).isSymbolicLink())
    expect(links.filter((link) => !inside(project, link))).toEqual([])
  })

  test.each(['node16', 'bundler'] as const)('a strict consumer compiles under moduleResolution %s, reading no file from the workspace', async (resolution) => {
    const result = await compilations[resolution]
    expect(result.code, describeRun(`tsc (${resolution})`, result)).toBe(0)
    const files = listedFiles(result.stdout)
    expect(files.map((f) => relative(project, f))).toEqual(
      expect.arrayContaining(['src/consumer.ts', 'node_modules/@ncloud-apigw/client/dist/index.d.ts', 'node_modules/@ncloud-apigw/types/dist/index.d.ts']),
    )
    expect(files.filter((f) => !inside(project, f))).toEqual([])
  })

  test('a wrong body field and a wrong keyType fail to compile, with exactly the errors marked in the file', async () => {
    const file = 'must-fail/wrong-input.ts'
    const expected = readFileSync(join(project, file), 'utf8')
      .split('\n')
      .flatMap((line, i) => {
        const code = /\/\/ must fail: (TS\d+)$/.exec(line)?.[1]
        return code ? [`${file}:${i + 1} ${code}`] : []
      })
    expect(expected.length).toBeGreaterThanOrEqual(5)
    const result = await compilations['must-fail']
    expect(result.code, describeRun('tsc (must fail)', result)).not.toBe(0)
    const errors = [...result.stdout.matchAll(/^(.+?)\((\d+),\d+\): error (TS\d+):/gm)].map(([, f, line, code]) => `${f}:${line} ${code}`)
    expect(errors).toEqual(expected)
    expect(result.stdout).toMatch(/'apiName' does not exist in type/)
    expect(result.stdout).toMatch(/"TERTIARY"' is not assignable to parameter of type '"PRIMARY" \| "SECONDARY"'/)
  })

  test("the consumer takes a key through its whole lifecycle, the raw client's call included, against the fake API Gateway, both from the tarballs", async () => {
    const compiled = await compilations.node16
    expect(compiled.code, describeRun('tsc', compiled)).toBe(0)
    const names = packed.map((p) => p.name)
    const run = await runCommand(process.execPath, ['dist/consumer.js', ...names], { cwd: project })
    expect(run.code, describeRun('node dist/consumer.js', run)).toBe(0)
    const out = JSON.parse(run.stdout) as Record<string, any>

    expect(out.created).toMatchObject({ apiKeyName: 'consumer', apiKeyDescription: 'from the tarballs', isEnabled: true })
    expect(out.got).toEqual(out.created)
    expect(out.updated).toMatchObject({ apiKeyId: out.created.apiKeyId, apiKeyName: 'consumer-2', isEnabled: false })
    expect(out.regenerated.primaryKey).toBe(out.created.primaryKey)
    expect(out.regenerated.secondaryKey).not.toBe(out.created.secondaryKey)
    // The list filtered by the new name finds the key, without its values; paginating one key a
    // page walks the seeded key and the created one, oldest first.
    expect(out.listed).toMatchObject({ total: 1, apiKeys: [{ apiKeyId: out.created.apiKeyId, apiKeyName: 'consumer-2', isEnabled: false }] })
    expect(out.paginated.map((k: { apiKeyId: string }) => k.apiKeyId)).toEqual([out.seeded.apiKeyId, out.created.apiKeyId])
    expect(out.viaRawClient).toEqual({ status: operations.getApiKey.success, data: out.regenerated })
    const missing = { name: 'NcpApiError', status: 404, errorCode: '300' }
    expect(out.notFound).toEqual(missing)
    expect(out.rawGot).toEqual(out.regenerated)
    expect(out.rawMissing).toBe('300')
    expect(out.deleted).toBe('undefined')
    expect(out.afterDelete).toEqual(missing)
    expect(out.requests).toEqual([
      answered('createApiKey'),
      answered('getApiKey'),
      answered('updateApiKey'),
      answered('regenerateApiKey'),
      answered('listApiKeys'),
      answered('listApiKeys'),
      answered('listApiKeys'),
      answered('getApiKey'),
      answered('getApiKey', 404),
      answered('getApiKey'),
      answered('getApiKey', 404),
      answered('deleteApiKey'),
      answered('getApiKey', 404),
    ])
    // The published spec has every operation of the table the workspace built.
    expect(out.operationIds.sort()).toEqual([...operationIds].sort())
    // Node resolved every package, and the client's entry, inside the project.
    expect(Object.keys(out.resolved)).toHaveLength(names.length + 1)
    for (const [name, file] of Object.entries<string>(out.resolved)) expect(inside(project, file), `${name}: ${file}`).toBe(true)
    expect(basename(out.resolved['@ncloud-apigw/client (import)'])).toBe('node.js')
  })

  test('a CommonJS file require()s the client on Node 20.19+ and makes a call, typed under module nodenext', async () => {
    const [major, minor] = process.versions.node.split('.').map(Number) as [number, number]
    expect(major > 20 || (major === 20 && minor >= 19), `Node ${process.versions.node}`).toBe(true)
    const compiled = await compilations.cjs
    expect(compiled.code, describeRun('tsc (cjs)', compiled)).toBe(0)
    expect(listedFiles(compiled.stdout).filter((f) => !inside(project, f))).toEqual([])
    const emitted = readFileSync(join(project, 'dist-cjs/require-client.cjs'), 'utf8')
    expect(emitted).toContain('require("@ncloud-apigw/client")')
    const run = await runCommand(process.execPath, ['dist-cjs/require-client.cjs'], { cwd: project })
    expect(run.code, describeRun('node dist-cjs/require-client.cjs', run)).toBe(0)
    const out = JSON.parse(run.stdout) as { apiKeyName: string; signatureValid: boolean[]; signRequest: string; resolved: string; nodeVersion: string }
    expect(out).toMatchObject({ apiKeyName: 'from-cjs', signatureValid: [true], signRequest: 'function', nodeVersion: process.versions.node })
    expect(inside(project, out.resolved), out.resolved).toBe(true)
  })
})

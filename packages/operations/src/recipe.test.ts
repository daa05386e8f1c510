// CONTRIBUTING's "Adding an operation", proved: an operation added to a copy of the spec needs,
// in code, exactly a handler in the fake's resource module and a command in the CLI. The code
// generated from the spec (the table, the types' aliases, the client's methods and the CLI's help)
// is made from the copy; then the client, the fake and the CLI are type-checked against it. The
// client compiles as it is; the fake and the CLI fail, each naming the operation, in the one file
// that lists the handlers and the commands; with the handler and the command written, all compile.
// (The docs' part, samples and translations, is held by the docs' own tests.)
//
// Also: no hand-written source file of the client, operations, signer or types names an
// operation, and at most one of the fake and one of the CLI does.
import { execFile } from 'node:child_process'
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { operationIds } from './index.js'

const run = promisify(execFile)
const root = fileURLToPath(new URL('../../../', import.meta.url))
const tsc = join(root, 'node_modules/typescript/bin/tsc')
/** The packages whose code follows from the spec, copied beside themselves (so each finds its own node_modules). */
const packages = ['operations', 'types', 'client', 'testing', 'cli'] as const
const copyOf = (pkg: string) => join(root, 'packages', pkg, '.recipe')

const bundled = JSON.parse(readFileSync(join(root, 'spec/dist/openapi.json'), 'utf8'))
const ADDED = 'archiveApiKey'

/** The bundled spec with one more operation, shaped like the others: a POST on one key, answering it. */
function withNewOperation() {
  const spec = structuredClone(bundled)
  const item = spec.paths['/api-keys/{api-key-id}']
  spec.paths['/api-keys/{api-key-id}/archive'] = {
    parameters: item.parameters,
    post: { ...item.patch, operationId: ADDED, summary: 'Archive an API key', requestBody: undefined, 'x-client-arguments': undefined, 'x-idempotent': true },
  }
  return spec
}

/** Copies each package's sources beside it and makes their generated code from `spec`. */
async function generate(spec: unknown): Promise<void> {
  const specFile = join(copyOf('operations'), 'spec.json')
  for (const pkg of packages) {
    rmSync(copyOf(pkg), { recursive: true, force: true })
    cpSync(join(root, 'packages', pkg, 'src'), join(copyOf(pkg), 'src'), {
      recursive: true,
      filter: (src) => !/\.test(-d)?\.ts$/.test(src) && !src.includes('/generated/') && !src.endsWith('/generated'),
    })
  }
  writeFileSync(specFile, JSON.stringify(spec))
  const at = (pkg: string, file: string) => join(copyOf(pkg), 'src/generated', file)
  mkdirSync(join(copyOf('types'), 'src/generated'), { recursive: true })
  const node = (script: string, out: string) => run(process.execPath, [join(root, 'scripts', script), out, specFile])
  await Promise.all([
    node('generate-operations.mjs', at('operations', 'operations.ts')),
    node('generate-client.mjs', at('client', 'methods.ts')),
    node('generate-cli-help.mjs', at('cli', 'help.ts')),
    node('generate-version.mjs', at('client', 'version.ts')),
    node('generate-aliases.mjs', at('types', 'aliases.ts')),
    run(process.execPath, [join(root, 'packages/types/node_modules/openapi-typescript/bin/cli.js'), specFile, '--output', at('types', 'openapi.ts'), '--redocly', join(root, 'packages/types/openapi-ts.redocly.yaml')], { cwd: join(root, 'packages/types') }),
  ])
}

/** tsc over the copies of the client, the fake and the CLI, each importing the others' copies. */
async function typecheck(): Promise<{ code: number; errors: string[] }> {
  const paths = Object.fromEntries(packages.map((pkg) => [`@ncloud-apigw/${pkg}`, [join(copyOf(pkg), 'src/index.ts')]]))
  paths['@ncloud-apigw/operations/entries'] = [join(copyOf('operations'), 'src/entries.ts')]
  const config = {
    extends: join(root, 'tsconfig.base.json'),
    compilerOptions: { noEmit: true, types: ['node'], typeRoots: [join(root, 'packages/testing/node_modules/@types')], paths },
    include: (['client', 'testing', 'cli'] as const).map((pkg) => join(copyOf(pkg), 'src/**/*.ts')),
  }
  const file = join(copyOf('operations'), 'tsconfig.json')
  writeFileSync(file, JSON.stringify(config))
  try {
    await run(process.execPath, [tsc, '-p', file, '--pretty', 'false'], { cwd: root, maxBuffer: 16 * 1024 * 1024 })
    return { code: 0, errors: [] }
  } catch (error) {
    const { code, stdout } = error as { code: number; stdout: string }
    // One entry per diagnostic: its first line and the lines indented under it.
    const errors = stdout.split(/\n(?=\S)/).filter((entry) => entry.trim() !== '')
    return { code, errors }
  }
}

/** Where a diagnostic is (tsc names it from the repository's root), with the copy's `.recipe/` left out. */
const fileOf = (error: string) => error.split('(')[0]!.replace('/.recipe/', '/')

beforeAll(() => generate(withNewOperation()), 120_000)
afterAll(() => {
  for (const pkg of packages) rmSync(copyOf(pkg), { recursive: true, force: true })
})

describe('an operation added to the spec', () => {
  test('needs a handler in the fake and a command in the CLI, each named where they are listed, and nothing in the client', async () => {
    const { code, errors } = await typecheck()
    expect(code).not.toBe(0)
    expect(errors.every((error) => error.includes(ADDED)), errors.join('\n')).toBe(true)
    expect([...new Set(errors.map(fileOf))].sort()).toEqual(['packages/cli/src/commands/index.ts', 'packages/testing/src/resources/index.ts'])
    // The client's method came from the spec alone, typed from it.
    const methods = readFileSync(join(copyOf('client'), 'src/generated/methods.ts'), 'utf8')
    expect(methods).toContain(`${ADDED}(apiKeyId: string, options?: CallOptions): Promise<ApiKey>`)
  }, 120_000)

  test('compiles once the fake has its handler and the CLI its command', async () => {
    // The handler, in the resource module that owns its path parameter: the key, archived as it is.
    const keys = join(copyOf('testing'), 'src/resources/api-keys.ts')
    const source = readFileSync(keys, 'utf8')
    const handlers = source.replace(
      /\n  \} satisfies \{ readonly \[Id in ('[^\]]+)\]: Handler<Id> \}/,
      (_, ids: string) => `\n    ${ADDED}: ({ params }) => ({ apiKey: this.#keys.get(params['api-key-id'])! }),\n  } satisfies { readonly [Id in ${ids} | '${ADDED}']: Handler<Id> }`,
    )
    expect(handlers, 'the handlers of api-keys.ts were not found where the recipe says').not.toBe(source)
    writeFileSync(keys, handlers)
    // The command: one module, and its place in the list of commands.
    writeFileSync(
      join(copyOf('cli'), 'src/commands/api-key/archive.ts'),
      `import type { CommandModule } from '../command.js'
import { keyFields } from './key-fields.js'

export const archive = {
  operation: '${ADDED}',
  name: 'archive',
  flags: [],
  examples: ['archive ab12cd34ef'],
  async run({ client, args: [id] }) {
    return { kind: 'record', value: await client().${ADDED}(id!), order: keyFields }
  },
} satisfies CommandModule
`,
    )
    const index = join(copyOf('cli'), 'src/commands/index.ts')
    writeFileSync(index, `${readFileSync(index, 'utf8').replace('export const commandModules = [', 'export const commandModules = [archive, ')}import { archive } from './api-key/archive.js'\n`)
    const { code, errors } = await typecheck()
    expect(errors).toEqual([])
    expect(code).toBe(0)
  }, 120_000)
})

describe('where operations are named', () => {
  /** Hand-written source files of a package (no tests, nothing generated). */
  function sources(pkg: string): string[] {
    const dir = join(root, 'packages', pkg, 'src')
    return readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.ts') && !/\.test(-d)?\.ts$/.test(file) && !file.startsWith('generated'))
      .map((file) => join(dir, file))
  }
  const naming = (pkg: string, id: string) =>
    sources(pkg)
      .filter((file) => new RegExp(`\\b${id}\\b`).test(readFileSync(file, 'utf8')))
      .map((file) => relative(root, file))

  test.each(operationIds)('%s: in no file of the client, operations, signer or types, and in one of the fake and one of the CLI', (id) => {
    for (const pkg of ['client', 'operations', 'signer', 'types']) expect(naming(pkg, id), pkg).toEqual([])
    expect(naming('testing', id)).toHaveLength(1)
    expect(naming('cli', id)).toHaveLength(1)
  })
})

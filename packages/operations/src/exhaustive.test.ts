// An operation added to the spec must not compile until every layer handles it: the client's
// entries, the fake's handlers and the CLI's commands are maps over the generated table, checked
// exhaustive by the compiler. This test adds an operation to a copy of the bundled spec,
// generates the table from the copy, and type-checks those three packages' sources against it.
import { execFile } from 'node:child_process'
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'

const run = promisify(execFile)
const root = fileURLToPath(new URL('../../../', import.meta.url))
const tsc = join(root, 'node_modules/typescript/bin/tsc')
const layers = ['packages/client/src', 'packages/testing/src', 'packages/cli/src']

let work: string

/** Type-checks the layers against a table generated from `spec`; tsc's output and exit code. */
async function typecheck(name: string, spec: unknown): Promise<{ code: number; output: string }> {
  const dir = join(work, name)
  cpSync(fileURLToPath(new URL('.', import.meta.url)), join(dir, 'operations'), { recursive: true, filter: (src) => !src.endsWith('.test.ts') && !src.includes('generated') })
  writeFileSync(join(dir, 'operations/package.json'), '{ "type": "module" }\n')
  writeFileSync(join(dir, 'spec.json'), JSON.stringify(spec))
  await run(process.execPath, [join(root, 'scripts/generate-operations.mjs'), join(dir, 'operations/generated/operations.ts'), join(dir, 'spec.json')])
  const config = {
    extends: join(root, 'tsconfig.base.json'),
    compilerOptions: {
      noEmit: true,
      types: ['node'],
      typeRoots: [join(root, 'packages/testing/node_modules/@types')],
      // Every import of the table, in every layer, reads the one generated from the copy.
      paths: { '@ncloud-apigw/operations': [join(dir, 'operations/index.ts')] },
    },
    include: layers.map((layer) => join(root, layer, '**/*.ts')),
    exclude: layers.flatMap((layer) => [join(root, layer, '**/*.test.ts'), join(root, layer, '**/*.test-d.ts')]),
  }
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify(config))
  try {
    // From the root, so tsc names each file by its path in the repository.
    const { stdout } = await run(process.execPath, [tsc, '-p', join(dir, 'tsconfig.json'), '--pretty', 'false'], { cwd: root, maxBuffer: 16 * 1024 * 1024 })
    return { code: 0, output: stdout }
  } catch (error) {
    const { code, stdout } = error as { code: number; stdout: string }
    return { code, output: stdout }
  }
}

const bundled = JSON.parse(readFileSync(join(root, 'spec/dist/openapi.json'), 'utf8'))

/** The bundled spec with one more operation, shaped like the others. */
function withNewOperation() {
  const spec = structuredClone(bundled)
  spec.paths['/api-keys/{api-key-id}/copies'] = {
    parameters: spec.paths['/api-keys/{api-key-id}'].parameters,
    post: { ...spec.paths['/api-keys/{api-key-id}'].patch, operationId: 'copyApiKey', requestBody: undefined },
  }
  return spec
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'operation-table-'))
})
afterAll(() => rmSync(work, { recursive: true, force: true }))

describe('an operation added to the spec', () => {
  test('the layers compile against the table of the spec as it is', async () => {
    const { code, output } = await typecheck('as-is', bundled)
    expect(output).toBe('')
    expect(code).toBe(0)
  })

  test('fails the build in the client, the fake and the CLI until each handles it', async () => {
    const { code, output } = await typecheck('with-copy', withNewOperation())
    expect(code).not.toBe(0)
    const files = new Set(
      output
        .split('\n')
        .filter((line) => line.includes('copyApiKey'))
        .map((line) => line.split('(')[0]!),
    )
    for (const layer of layers) expect([...files].some((file) => file.startsWith(layer)), `${layer}: ${output}`).toBe(true)
  })
})

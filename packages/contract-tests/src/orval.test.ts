import { readFile, rm, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { exampleRequests, operationIds, operations } from '@ncloud-apigw/operations'
import { exampleWorld, type FakeApiGateway, type RecordedRequest, startFakeApiGateway, TEST_CREDENTIALS } from '@ncloud-apigw/testing'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { compile, consumerProject, type Diagnostic, run, type Run, specPath } from './consumer-project.js'
import { startFakeControl } from './fake-control.js'

/**
 * orval, the generator users pick most, as a consumer of the bundled spec: `orval --config` with
 * its fetch client in `single` mode (fixtures/orval/orval.config.cjs) generates one file, which
 * calls a mutator that signs every request (fixtures/orval/src/signed-fetch.ts); a strict program
 * calls every operation of the table through orval's functions and runs against a fake API Gateway
 * holding the examples' entities. Nothing here names an operation: the calls are written from the
 * table, so an operation added to the spec is covered as it is. Bounded: one generation, one tsc
 * run (type-check and emit), one program run.
 *
 * orval 7.13.2: 7.14 and later declare Node >= 22.18, and this suite runs on Node 20 too. `single`
 * mode: one file is all a consumer needs here, and the mode is orval's default.
 */

const require = createRequire(import.meta.url)
// orval's package exports only its API; its CLI is the `bin` beside it.
const orvalBin = join(dirname(require.resolve('orval')), 'bin', 'orval.js')

/** One operation's example request, as the table holds it. */
interface ExampleRequest {
  pathParams: Readonly<Record<string, unknown>>
  query?: Readonly<Record<string, unknown>>
  body?: unknown
}

const example = (operation: keyof typeof exampleRequests) => exampleRequests[operation] as ExampleRequest

/**
 * src/calls.ts of the temp project: for each operation of the table, a call of orval's function
 * of that name with the spec's example request, as orval orders a function's arguments: the path
 * parameters in the path's order (as strings), then the body, then the query object (orval's
 * `params`); the request options last, left out. tsc checks every call against orval's own types,
 * so a wrong mapping fails to compile before anything runs.
 */
function callsModule(): string {
  const calls = operationIds.map((operation) => {
    const { pathParams, query, body } = example(operation)
    const args = [
      ...Object.keys(operations[operation].pathParams).map((name) => pathParams[name]),
      ...(body === undefined ? [] : [body]),
      ...(query === undefined ? [] : [query]),
    ]
    return `  ${operation}: () => api.${operation}(${args.map((arg) => JSON.stringify(arg)).join(', ')}),`
  })
  return [
    '// Written by orval.test.ts from @ncloud-apigw/operations: each operation with its example request.',
    "import type { OperationId } from '@ncloud-apigw/operations'",
    "import * as api from './generated/apigw.js'",
    '',
    'export const calls: Record<OperationId, () => Promise<{ status: number; data: unknown }>> = {',
    ...calls,
    '}',
    '',
  ].join('\n')
}

/** Every `x-ncp-source` text of the bundled spec: where a fact comes from, kept out of descriptions. */
function provenanceOf(spec: unknown): string[] {
  if (typeof spec !== 'object' || spec === null) return []
  return Object.entries(spec).flatMap(([name, value]) =>
    name === 'x-ncp-source' && typeof value === 'string' ? [value] : provenanceOf(value),
  )
}

/** The query a request sent, as `[name, value]` pairs; an array value is one pair per item, as OpenAPI's default (form, explode) has it. */
function queryPairs(query: Readonly<Record<string, unknown>> | undefined): string[][] {
  return Object.entries(query ?? {}).flatMap(([name, value]) => (Array.isArray(value) ? value : [value]).map((item) => [name, String(item)]))
}

let dir: string
let orval: Run
let generated: string
let tsc: Run
let diagnostics: Diagnostic[]
let gw: FakeApiGateway
let control: Awaited<ReturnType<typeof startFakeControl>>
/** What the fake recorded before each reset the program asked for: the requests of the operations run so far. */
const recorded: RecordedRequest[] = []

beforeAll(async () => {
  dir = await consumerProject('orval', 'ncloud-apigw-orval-')
  await writeFile(join(dir, 'src', 'calls.ts'), callsModule())

  // Offline: the input is a local file, and orval reads nothing else.
  orval = await run(process.execPath, [orvalBin, '--config', 'orval.config.cjs'], { cwd: dir, timeoutMs: 120_000 })
  generated = orval.code === 0 ? await readFile(join(dir, 'src', 'generated', 'apigw.ts'), 'utf8') : ''

  const compiled = await compile(dir)
  tsc = compiled.tsc
  diagnostics = compiled.diagnostics

  gw = await startFakeApiGateway(exampleWorld())
  control = await startFakeControl(gw, { onReset: (requests) => recorded.push(...requests) })
})

afterAll(async () => {
  await control?.close()
  await gw?.close()
  if (dir) await rm(dir, { recursive: true, force: true })
})

describe('orval as a consumer of the bundled spec', () => {
  test('generates, offline, one file with a function named after each operationId of the table, each calling the signing fetch', () => {
    expect(orval.code, orval.stdout + orval.stderr).toBe(0)
    expect(orval.stderr).toBe('')
    for (const operation of operationIds) expect(generated).toContain(`export const ${operation} = async (`)
    // orval's import of the mutator, with the `.js` NodeNext resolution needs.
    expect(generated).toContain("import { signedFetch } from '../signed-fetch.js';")
    expect(generated.match(/return signedFetch</g)).toHaveLength(operationIds.length)
  })

  test("carries none of the spec's provenance: descriptions say what a thing is, x-ncp-source where it comes from", async () => {
    const sources = provenanceOf(JSON.parse(await readFile(specPath, 'utf8')))
    // The notes exist in the spec, so their absence from orval's output means something.
    expect(sources.length).toBeGreaterThan(10)
    for (const phrase of ["NCP's export", 'apigw_v1.json', 'reference page']) {
      expect(sources.some((source) => source.includes(phrase)), phrase).toBe(true)
      expect(generated, phrase).not.toContain(phrase)
    }
    expect(generated).not.toContain('x-ncp-source')
    for (const source of sources) expect(generated).not.toContain(source)
  })

  test("the program, the calls and all of orval's output type-check under strict, exactOptionalPropertyTypes and noUncheckedIndexedAccess", () => {
    // Nothing tolerated: orval's fetch client is generated code only, with no runtime of its own.
    expect(diagnostics).toEqual([])
    expect(tsc.code).toBe(0)
  })

  test('the compiled program calls every operation of the table against the fake, each answered its documented success status, every request signed and verified', async () => {
    const program = await run(process.execPath, [join('dist', 'program.js')], {
      cwd: dir,
      timeoutMs: 60_000,
      env: {
        ...process.env,
        APIGW_BASE_URL: gw.url,
        NCLOUD_ACCESS_KEY_ID: TEST_CREDENTIALS.accessKey,
        NCLOUD_SECRET_ACCESS_KEY: TEST_CREDENTIALS.secretKey,
        FAKE_RESET_URL: `${control.url}/reset`,
      },
    })
    recorded.push(...gw.requests) // the last operation's: no reset came after it
    const lines = program.stdout.trim().split('\n')
    const report = JSON.parse(lines[lines.length - 1] ?? '{}') as { steps?: { operation: string; status: number; data: unknown }[] }
    expect(program.stderr).toBe('')
    expect(program.code).toBe(0)
    const steps = report.steps ?? []

    expect(steps.map((s) => [s.operation, s.status])).toEqual(operationIds.map((operation) => [operation, operations[operation].success]))
    // orval's function gave the answer's body as data where the spec documents one, nothing where not.
    for (const { operation, data } of steps) {
      const documented = operations[operation as keyof typeof operations].response !== undefined
      expect(typeof data, operation).toBe(documented ? 'object' : 'undefined')
    }

    // At the fake: one request per operation, routed to it, carrying the example request as orval
    // sent it (path parameters, query, body), and its signature verified.
    expect(recorded.map((r) => [r.operationId, r.status])).toEqual(operationIds.map((operation) => [operation, operations[operation].success]))
    for (const [i, r] of recorded.entries()) {
      const operation = operationIds[i]!
      const { pathParams, query, body } = example(operation)
      expect(r.signatureValid, `${operation} (${r.method} ${r.path}): ${r.authFailure}`).toBe(true)
      expect(r.method).toBe(operations[operation].method)
      expect(r.pathParams, operation).toEqual(pathParams)
      expect([...new URL(r.path, gw.url).searchParams], operation).toEqual(queryPairs(query))
      expect(r.body, operation).toEqual(body)
    }
  })
})

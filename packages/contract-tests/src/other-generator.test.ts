import { spawn } from 'node:child_process'
import { cp, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createClient } from '@hey-api/openapi-ts'
import { type FakeApiGateway, startFakeApiGateway, TEST_CREDENTIALS } from '@ncloud-apigw/testing'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'

/**
 * A real consumer beyond ours: @hey-api/openapi-ts (its bundled fetch client, TypeScript types
 * and SDK plugins) generates a client from the bundled spec, a small strict program
 * (fixtures/other-generator/src/program.ts) calls all six operations through it with signature
 * v2 in a request interceptor, and the program runs against the fake API Gateway. Bounded: one
 * generation, one tsc run (type-check and emit), one program run.
 */

const require = createRequire(import.meta.url)
const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..')
const fixtures = join(packageDir, 'fixtures', 'other-generator')
const specPath = require.resolve('@ncloud-apigw/spec/openapi.json')
const tscPath = require.resolve('typescript/bin/tsc')

const OPERATIONS = ['listApiKeys', 'createApiKey', 'getApiKey', 'updateApiKey', 'deleteApiKey', 'regenerateApiKey']

interface Diagnostic {
  /** Relative to the temp project, with `/` separators, e.g. `src/must-fail.ts`. */
  file: string
  line: number
  code: string
  /** The first line and its continuation lines, as tsc printed them. */
  text: string
}

interface Run {
  code: number | null
  stdout: string
  stderr: string
}

/** Runs a command without blocking the event loop (the fake answers from this process). */
function run(command: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv; timeoutMs: number }): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs)
    child.on('error', (error) => {
      clearTimeout(timer)
      reject(error)
    })
    child.on('close', (code) => {
      clearTimeout(timer)
      resolve({ code, stdout, stderr })
    })
  })
}

/** Parses `tsc --pretty false` output: `file(line,col): error TSxxxx: message`, then indented lines. */
function parseDiagnostics(output: string): Diagnostic[] {
  const diagnostics: Diagnostic[] = []
  for (const line of output.split('\n')) {
    const head = /^(.+?)\((\d+),\d+\): error (TS\d+): (.*)$/.exec(line)
    if (head) {
      diagnostics.push({ file: head[1]!.split(sep).join('/'), line: Number(head[2]), code: head[3]!, text: head[4]! })
    } else if (/^\s/.test(line) && diagnostics.length > 0) {
      diagnostics[diagnostics.length - 1]!.text += `\n${line.trim()}`
    } else if (line.trim() !== '') {
      diagnostics.push({ file: '', line: 0, code: '', text: line })
    }
  }
  return diagnostics
}

/**
 * The generator's own runtime (the fetch client it copies into `client/` and `core/`, the same
 * for every spec) passes `x | undefined` to optional properties in 14 places, which
 * exactOptionalPropertyTypes refuses (TS2375/TS2379). Nothing else is tolerated: the types and SDK
 * generated from the spec, and the program, must be clean under it.
 */
function isGeneratorRuntimeOptionalPropertyComplaint(d: Diagnostic): boolean {
  return (
    /^src\/generated\/(client|core)\//.test(d.file) &&
    (d.code === 'TS2375' || d.code === 'TS2379') &&
    d.text.includes("with 'exactOptionalPropertyTypes: true'")
  )
}

let dir: string
let gw: FakeApiGateway
let diagnostics: Diagnostic[]
let tsc: Run

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ncloud-apigw-hey-api-'))
  await cp(fixtures, dir, { recursive: true })
  await writeFile(join(dir, 'package.json'), `${JSON.stringify({ private: true, type: 'module' })}\n`)
  // The program imports @ncloud-apigw/signer and tsc needs @types/node: this package's own.
  await symlink(join(packageDir, 'node_modules'), join(dir, 'node_modules'), 'dir')

  // Offline: the input is a local file; logs silent, no crash-log file, never interactive.
  await createClient({
    input: specPath,
    output: { path: join(dir, 'src', 'generated'), tsConfigPath: join(dir, 'tsconfig.json') },
    plugins: ['@hey-api/client-fetch', '@hey-api/typescript', '@hey-api/sdk'],
    logs: { level: 'silent', file: false },
    interactive: false,
  })

  tsc = await run(process.execPath, [tscPath, '-p', 'tsconfig.json', '--pretty', 'false'], { cwd: dir, timeoutMs: 120_000 })
  diagnostics = parseDiagnostics(tsc.stdout + tsc.stderr)

  gw = await startFakeApiGateway()
})

afterAll(async () => {
  await gw?.close()
  if (dir) await rm(dir, { recursive: true, force: true })
})

describe('another generator (@hey-api/openapi-ts) as a consumer of the bundled spec', () => {
  test('generates, offline, an SDK function for each of the six operations, with imports Node can run', async () => {
    const sdk = await readFile(join(dir, 'src', 'generated', 'sdk.gen.ts'), 'utf8')
    const index = await readFile(join(dir, 'src', 'generated', 'index.ts'), 'utf8')
    for (const operationId of OPERATIONS) {
      expect(sdk).toContain(`export const ${operationId} =`)
      expect(index).toMatch(new RegExp(`\\b${operationId}\\b`))
    }
    // NodeNext (from the temp tsconfig): relative imports carry `.js`.
    expect(index).toContain("from './sdk.gen.js'")
    // Signature v2 is three headers, declared as the spec's three security schemes.
    expect(sdk).toContain("{ name: 'x-ncp-apigw-signature-v2', type: 'apiKey' }")
  })

  test('the program and the code generated from the spec type-check under strict, exactOptionalPropertyTypes and noUncheckedIndexedAccess', () => {
    expect(tsc.code, 'tsc did not finish').not.toBeNull()
    const unexpected = diagnostics.filter((d) => d.file !== 'src/must-fail.ts' && !isGeneratorRuntimeOptionalPropertyComplaint(d))
    expect(unexpected).toEqual([])
    // Everything generated from the spec itself (types, SDK, client instance) is clean.
    expect(diagnostics.filter((d) => /^src\/generated\/[^/]+$/.test(d.file))).toEqual([])
  })

  test('wrong calls fail to type-check: apiName for apiKeyName, keyType TERTIARY, a missing isEnabled or path, an unknown field, a string limit', async () => {
    const source = (await readFile(join(dir, 'src', 'must-fail.ts'), 'utf8')).split('\n')
    const expected = source.flatMap((text, i) => {
      const marker = /^\s+await .*\/\/ must fail: (\w+)$/.exec(text)
      return marker ? [{ line: i + 1, word: marker[1]! }] : []
    })
    expect(expected.map((e) => e.word)).toEqual(['apiName', 'isEnabled', 'TERTIARY', 'isEnabled', 'path', 'string'])
    const found = diagnostics.filter((d) => d.file === 'src/must-fail.ts')
    for (const { line, word } of expected) {
      const here = found.filter((d) => d.line === line)
      expect(here.length, `must-fail.ts:${line} type-checked, but must fail naming ${word}`).toBeGreaterThan(0)
      expect(here.some((d) => d.text.includes(word)), `must-fail.ts:${line}: ${here.map((d) => d.text).join('; ')}`).toBe(true)
    }
    // No error anywhere else in the file: each failure is the one the line is about.
    expect(found.filter((d) => !expected.some((e) => e.line === d.line))).toEqual([])
    const byLine = Object.fromEntries(found.map((d) => [d.line, d.code]))
    expect(byLine[expected[0]!.line]).toBe('TS2353') // 'apiName' does not exist in type 'CreateApiKeyRequest'
    expect(byLine[expected[2]!.line]).toBe('TS2322') // '"TERTIARY"' is not assignable to type 'KeyType'
  })

  test('the compiled program calls all six operations against the fake, every request signed and verified', async () => {
    gw.clearRequests()
    const program = await run(process.execPath, [join('dist', 'program.js')], {
      cwd: dir,
      timeoutMs: 60_000,
      env: {
        ...process.env,
        APIGW_BASE_URL: gw.url,
        NCLOUD_ACCESS_KEY_ID: TEST_CREDENTIALS.accessKey,
        NCLOUD_SECRET_ACCESS_KEY: TEST_CREDENTIALS.secretKey,
      },
    })
    const lines = program.stdout.trim().split('\n')
    const report = JSON.parse(lines[lines.length - 1] ?? '{}') as { steps?: { operation: string; status: number; data?: any; error?: any }[] }
    expect(program.stderr).toBe('')
    expect(program.code).toBe(0)
    const steps = report.steps ?? []

    expect(steps.map((s) => [s.operation, s.status])).toEqual([
      ['createApiKey', 201],
      ['getApiKey', 200],
      ['listApiKeys', 200],
      ['updateApiKey', 200],
      ['regenerateApiKey', 200],
      ['deleteApiKey', 204],
      ['getApiKey', 404],
    ])
    const [create, get, list, update, regenerate, , gone] = steps
    const key = create!.data.apiKey
    expect(key).toMatchObject({
      apiKeyName: 'hey-api-consumer',
      apiKeyDescription: 'Made through a generated SDK',
      isEnabled: true,
      primaryKey: expect.any(String),
      secondaryKey: expect.any(String),
    })
    expect(get!.data).toEqual(key)
    expect(list!.data).toMatchObject({ total: expect.any(Number), initialCount: expect.any(Number) })
    expect(list!.data.apiKeys.map((k: { apiKeyId: string }) => k.apiKeyId)).toContain(key.apiKeyId)
    expect(update!.data.apiKey).toMatchObject({ apiKeyId: key.apiKeyId, isEnabled: false })
    expect(regenerate!.data.apiKey.primaryKey).toBe(key.primaryKey)
    expect(regenerate!.data.apiKey.secondaryKey).not.toBe(key.secondaryKey)
    expect(gone!.error).toMatchObject({ error: { errorCode: '300' } })
    expect(gw.keys.has(key.apiKeyId)).toBe(false)

    // At the fake: each request routed to its operation, with the path and query as the generated
    // client sent them, and each signature verified.
    const requests = gw.requests
    expect(requests.map((r) => [r.method, r.operationId, r.status])).toEqual([
      ['POST', 'createApiKey', 201],
      ['GET', 'getApiKey', 200],
      ['GET', 'listApiKeys', 200],
      ['PUT', 'updateApiKey', 200],
      ['PATCH', 'regenerateApiKey', 200],
      ['DELETE', 'deleteApiKey', 204],
      ['GET', 'getApiKey', 404],
    ])
    expect(requests[2]!.path).toBe('/api/v1/api-keys?offset=0&limit=20&apiKeyName=hey-api-consumer')
    expect(requests[0]!.body).toEqual({ apiKeyName: 'hey-api-consumer', apiKeyDescription: 'Made through a generated SDK' })
    expect(requests[4]!.body).toEqual({ keyType: 'SECONDARY' })
    for (const [i, r] of requests.entries()) {
      expect(r.signatureValid, `request ${i} (${r.method} ${r.path}): ${r.authFailure}`).toBe(true)
    }
  })
})


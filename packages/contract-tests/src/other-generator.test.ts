import { readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { createClient } from '@hey-api/openapi-ts'
import { operationIds } from '@ncloud-apigw/operations'
import { type FakeApiGateway, startFakeApiGateway, TEST_CREDENTIALS } from '@ncloud-apigw/testing'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { compile, consumerProject, type Diagnostic, run, type Run, specPath } from './consumer-project.js'

/**
 * A real consumer beyond ours: @hey-api/openapi-ts (its bundled fetch client, TypeScript types
 * and SDK plugins) generates a client from the bundled spec, a small strict program
 * (fixtures/other-generator/src/program.ts) calls all six operations through it with signature
 * v2 in a request interceptor, and the program runs against the fake API Gateway. Bounded: one
 * generation, one tsc run (type-check and emit), one program run.
 */


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
  dir = await consumerProject('other-generator', 'ncloud-apigw-hey-api-')

  // Offline: the input is a local file; logs silent, no crash-log file, never interactive.
  await createClient({
    input: specPath,
    output: { path: join(dir, 'src', 'generated'), tsConfigPath: join(dir, 'tsconfig.json') },
    plugins: ['@hey-api/client-fetch', '@hey-api/typescript', '@hey-api/sdk'],
    logs: { level: 'silent', file: false },
    interactive: false,
  })

  const compiled = await compile(dir)
  tsc = compiled.tsc
  diagnostics = compiled.diagnostics

  gw = await startFakeApiGateway()
})

afterAll(async () => {
  await gw?.close()
  if (dir) await rm(dir, { recursive: true, force: true })
})

describe('another generator (@hey-api/openapi-ts) as a consumer of the bundled spec', () => {
  test('generates, offline, an SDK function for each operation of the table, with imports Node can run', async () => {
    const sdk = await readFile(join(dir, 'src', 'generated', 'sdk.gen.ts'), 'utf8')
    const index = await readFile(join(dir, 'src', 'generated', 'index.ts'), 'utf8')
    for (const operationId of operationIds) {
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

  test('the compiled program takes a key through the six operations of its lifecycle against the fake, every request signed and verified', async () => {
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


// Every TypeScript sample the pages show is compiled here against the real packages
// (@ncloud-apigw/client, @ncloud-apigw/testing, @ncloud-apigw/types, openapi-fetch), with the
// project's strict settings, so the docs cannot drift from the API they describe.
import { readdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import ts from 'typescript'
import { describe, expect, test } from 'vitest'
import { operationsOf } from './code-samples.mjs'
import { docsRoot, loadSpec } from '../test/load.js'

const samplesDir = join(docsRoot, 'samples')
const configFile = join(samplesDir, 'tsconfig.json')

/** Type-checks the samples, with some files' text replaced, and returns the diagnostics as text. */
function typeCheck(replaced: Record<string, string> = {}): { files: string[]; diagnostics: string[] } {
  const config = ts.getParsedCommandLineOfConfigFile(configFile, {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
      throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'))
    },
  })
  if (!config) throw new Error(`Cannot read ${configFile}`)
  const host = ts.createCompilerHost(config.options)
  const replacements = new Map(Object.entries(replaced).map(([file, text]) => [resolve(samplesDir, file), text]))
  const readFile = host.readFile.bind(host)
  host.readFile = (file) => replacements.get(resolve(file)) ?? readFile(file)
  const program = ts.createProgram({ rootNames: config.fileNames, options: config.options, host })
  const diagnostics = [...config.errors, ...ts.getPreEmitDiagnostics(program)].map((diagnostic) => {
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')
    if (!diagnostic.file || diagnostic.start === undefined) return message
    const { line, character } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start)
    return `${diagnostic.file.fileName.slice(samplesDir.length + 1)}(${line + 1},${character + 1}): ${message}`
  })
  return { files: config.fileNames.map((file) => file.slice(samplesDir.length + 1)).sort(), diagnostics }
}

const source = (file: string) => ts.sys.readFile(join(samplesDir, file)) ?? ''

describe('TypeScript samples', () => {
  test('all of them type-check against the real packages', () => {
    const { files, diagnostics } = typeCheck()
    const samples = ['operations', 'guides'].flatMap((dir) =>
      readdirSync(join(samplesDir, dir))
        .filter((file) => file.endsWith('.ts'))
        .map((file) => `${dir}/${file}`),
    )
    expect(files).toEqual(samples.sort())
    // A client and a raw sample per operation of the spec, besides the guides' ones.
    const operationIds = operationsOf(loadSpec()).map((o: { operationId: string }) => o.operationId)
    for (const id of operationIds) expect(samples).toEqual(expect.arrayContaining([`operations/${id}.client.ts`, `operations/${id}.raw.ts`]))
    expect(diagnostics).toEqual([])
  })

  test('a sample calling a method the client does not have fails the check', () => {
    const file = 'operations/createApiKey.client.ts'
    const { diagnostics } = typeCheck({ [file]: source(file).replace('apigw.createApiKey(', 'apigw.createKey(') })
    expect(diagnostics).toEqual([expect.stringMatching(/^operations\/createApiKey\.client\.ts\(\d+,\d+\): Property 'createKey' does not exist/)])
  })

  test('a raw sample taking the client\'s old raw property fails the check: createRawClient makes it', () => {
    const file = 'operations/getApiKey.raw.ts'
    const { diagnostics } = typeCheck({ [file]: source(file).replace('const raw = createRawClient(createApiKeyClient())', 'const { raw } = createApiKeyClient()') })
    expect(diagnostics).toEqual(expect.arrayContaining([expect.stringMatching(/^operations\/getApiKey\.raw\.ts\(\d+,\d+\): Property 'raw' does not exist/)]))
  })

  test('a raw sample sending a query value of the wrong type fails the check', () => {
    const file = 'operations/listApiKeys.raw.ts'
    const { diagnostics } = typeCheck({ [file]: source(file).replace('limit: 20,', "limit: '20',") })
    expect(diagnostics).toEqual([expect.stringMatching(/^operations\/listApiKeys\.raw\.ts\(\d+,\d+\): Type 'string' is not assignable to type 'number'/)])
  })

  test('a raw sample sending a body the spec forbids fails the check', () => {
    const file = 'operations/regenerateApiKey.raw.ts'
    const { diagnostics } = typeCheck({ [file]: source(file).replace("keyType: 'SECONDARY'", "keyType: 'TERTIARY'") })
    expect(diagnostics).toEqual([expect.stringMatching(/^operations\/regenerateApiKey\.raw\.ts\(\d+,\d+\): Type '"TERTIARY"' is not assignable/)])
  })
})

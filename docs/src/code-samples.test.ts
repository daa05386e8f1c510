import { execFile } from 'node:child_process'
import { createHmac } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { startFakeApiGateway, TEST_CREDENTIALS, type FakeApiGateway } from '@ncloud-apigw/testing'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { signatureV2Headers } from '../samples/guides/signature-v2.js'
import { docsRoot, loadSpec } from '../test/load.js'
import { addCodeSamples, operationsOf, sampleKinds } from './code-samples.mjs'

const run = promisify(execFile)
const samples = join(docsRoot, 'samples')
const spec = loadSpec()
const example = spec.info['x-signature-v2-example']
const operations = operationsOf(spec)

/** Runs a curl sample with `date` frozen at the example's second and `curl` printing its arguments. */
async function curlArguments(sample: string, env: Record<string, string>): Promise<string[]> {
  const harness = [
    `date() { echo ${Number(example.timestamp) / 1000}; }`,
    `curl() { printf '%s\\0' "$@"; }`,
    readFileSync(join(samples, 'operations', sample), 'utf8'),
  ].join('\n')
  const { stdout } = await run('bash', ['-c', harness], { env: { PATH: process.env.PATH ?? '', ...env } })
  return stdout.split('\0').slice(0, -1)
}

function headersOf(args: string[]): Record<string, string> {
  const headers: Record<string, string> = {}
  args.forEach((arg, i) => {
    if (arg !== '--header') return
    const [name = '', ...value] = (args[i + 1] ?? '').split(': ')
    headers[name.toLowerCase()] = value.join(': ')
  })
  return headers
}

describe('code samples', () => {
  test('every operation of the spec gets a curl, a client and an openapi-fetch sample', () => {
    const withSamples = addCodeSamples(spec, join(samples, 'operations'))
    for (const { operationId, method, path } of operations) {
      const codeSamples = withSamples.paths[path][method]['x-codeSamples']
      expect(codeSamples.map((s: { label: string }) => s.label), operationId).toEqual(sampleKinds.map((k) => k.label))
      for (const s of codeSamples) expect(s.source.trim(), `${operationId} ${s.label}`).not.toBe('')
    }
    expect(operations.map((o) => o.operationId).sort()).toEqual(['createApiKey', 'getApiKey', 'regenerateApiKey', 'updateApiKey'])
  })

  test('each TypeScript sample calls its own operation', () => {
    const methodName = { createApiKey: 'createApiKey', getApiKey: 'getApiKey', updateApiKey: 'updateApiKey', regenerateApiKey: 'regenerateApiKey' }
    for (const { operationId, method, path } of operations) {
      const client = readFileSync(join(samples, 'operations', `${operationId}.client.ts`), 'utf8')
      expect(client).toContain(`apigw.${methodName[operationId as keyof typeof methodName]}(`)
      const raw = readFileSync(join(samples, 'operations', `${operationId}.raw.ts`), 'utf8')
      expect(raw).toContain(`raw.${method.toUpperCase()}('${path}'`)
    }
  })

  test.each(operations)('the curl sample of $operationId signs exactly the request it sends', async ({ operationId, method, path }) => {
    const env = { NCLOUD_ACCESS_KEY_ID: example.accessKey, NCLOUD_SECRET_ACCESS_KEY: example.secretKey }
    const args = await curlArguments(`${operationId}.sh`, env)
    expect(args[args.indexOf('-X') + 1]).toBe(method.toUpperCase())
    const url = new URL(args.find((arg) => arg.startsWith('https://'))!)
    expect(url.origin + '/api/v1').toBe(spec.servers[0].url)
    expect(url.pathname).toMatch(new RegExp(`^/api/v1${path.replace('{api-key-id}', '[^/]+')}$`))

    const headers = headersOf(args)
    expect(headers['x-ncp-apigw-timestamp']).toBe(example.timestamp)
    expect(headers['x-ncp-iam-access-key']).toBe(example.accessKey)
    const stringToSign = `${method.toUpperCase()} ${url.pathname}${url.search}\n${example.timestamp}\n${example.accessKey}`
    expect(headers['x-ncp-apigw-signature-v2']).toBe(createHmac('sha256', example.secretKey).update(stringToSign).digest('base64'))
    if (args.includes('--data')) {
      expect(headers['content-type']).toBe('application/json')
      expect(() => JSON.parse(args[args.indexOf('--data') + 1]!)).not.toThrow()
    }
  })

  test("the GET curl sample reproduces the spec's worked signature example", async () => {
    const env = { NCLOUD_ACCESS_KEY_ID: example.accessKey, NCLOUD_SECRET_ACCESS_KEY: example.secretKey }
    const args = await curlArguments('getApiKey.sh', env)
    expect(args).toContain(example.url)
    expect(headersOf(args)['x-ncp-apigw-signature-v2']).toBe(example.signature)
  })

  test("the signature guide's shell snippet prints the worked example's signature", async () => {
    const { stdout } = await run('bash', [join(samples, 'guides', 'signature-v2.sh')])
    expect(stdout.trim()).toBe(example.signature)
  })

  test("the signature guide's node:crypto function computes the worked example", () => {
    const headers = signatureV2Headers(example.method, example.url, example.accessKey, example.secretKey, Number(example.timestamp))
    expect(headers).toEqual({
      'x-ncp-apigw-timestamp': example.timestamp,
      'x-ncp-iam-access-key': example.accessKey,
      'x-ncp-apigw-signature-v2': example.signature,
    })
  })
})

describe('the curl samples against the fake API Gateway', () => {
  let gateway: FakeApiGateway | undefined
  beforeAll(async () => {
    gateway = await startFakeApiGateway()
  })
  afterAll(() => gateway?.close())

  /** Runs a sample as a user would, pointed at the fake instead of NCP, and parses what curl printed. */
  async function send(operationId: string, apiKeyId?: string): Promise<any> {
    let source = readFileSync(join(samples, 'operations', `${operationId}.sh`), 'utf8')
    const replaceLine = (name: string, value: string) => {
      const line = new RegExp(`^${name}=.*$`, 'm')
      expect(source, `${operationId}.sh sets ${name}`).toMatch(line)
      source = source.replace(line, `${name}="${value}"`)
    }
    replaceLine('HOST', new URL(gateway!.url).origin)
    if (apiKeyId !== undefined) replaceLine('API_KEY_ID', apiKeyId)
    const env = { NCLOUD_ACCESS_KEY_ID: TEST_CREDENTIALS.accessKey, NCLOUD_SECRET_ACCESS_KEY: TEST_CREDENTIALS.secretKey }
    const { stdout } = await run('bash', ['-c', source], { env: { PATH: process.env.PATH ?? '', ...env } })
    return JSON.parse(stdout)
  }

  test('create, get, update and regenerate all succeed, each signature verified by the fake', async () => {
    const created = await send('createApiKey')
    expect(created.apiKey).toMatchObject({ apiKeyName: 'ci-bot', apiKeyDescription: 'Deploys from CI', isEnabled: true })
    const id: string = created.apiKey.apiKeyId

    expect(await send('getApiKey', id)).toMatchObject({ apiKeyId: id, apiKeyName: 'ci-bot' })
    const updated = await send('updateApiKey', id)
    expect(updated.apiKey).toMatchObject({ apiKeyId: id, apiKeyDescription: 'Paused', isEnabled: false })
    const regenerated = await send('regenerateApiKey', id)
    expect(regenerated.apiKey.primaryKey).toBe(updated.apiKey.primaryKey)
    expect(regenerated.apiKey.secondaryKey).not.toBe(updated.apiKey.secondaryKey)

    expect(gateway!.requests.map((r) => [r.operationId, r.status, r.signatureValid])).toEqual([
      ['createApiKey', 200, true],
      ['getApiKey', 200, true],
      ['updateApiKey', 200, true],
      ['regenerateApiKey', 200, true],
    ])
  })
})

import { execFile } from 'node:child_process'
import { createHmac } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { createApiKeyClient, type ApiKey, type ApiKeyClient } from '@ncloud-apigw/client'
import {
  exampleRequests,
  matchOperation,
  operations as operationTable,
  problems,
  queryValues,
  requestProblems,
  type OperationId,
} from '@ncloud-apigw/operations'
import { startFakeApiGateway, TEST_CREDENTIALS, type FakeApiGateway } from '@ncloud-apigw/testing'
import { describe, expect, test } from 'vitest'
import { signatureV2Headers } from '../samples/guides/signature-v2.js'
import { docsRoot, loadSpec } from '../test/load.js'
import { involvesProducts, sampleProducts, startWithProducts } from '../test/sample-products.js'
import { parse } from 'yaml'
import { languages } from './languages.mjs'
import { addCodeSamples, codeSampleLanguageProblems, operationsOf, redocSampleName, sampleKinds } from './code-samples.mjs'

const run = promisify(execFile)
const samples = join(docsRoot, 'samples')
const spec = loadSpec()
interface SignatureExample {
  summary: string
  method: string
  url: string
  pathWithQuery: string
  timestamp: string
  accessKey: string
  secretKey: string
  stringToSign: string
  signature: string
}
const examples: SignatureExample[] = spec.info['x-signature-v2-examples']
const example = examples[0]!
const operations = operationsOf(spec)
/** The success status the spec gives an operation. */
const successOf = (operationId: string) => {
  const { method, path } = operations.find((o) => o.operationId === operationId)!
  return Number(Object.keys(spec.paths[path][method].responses).find((status) => /^2\d\d$/.test(status)))
}

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
    // The docs read the spec's operations as the client, the fake and the CLI do: by the table.
    expect(operations.map((o) => o.operationId)).toEqual(Object.keys(operationTable))
  })

  test("redocly.yaml names every sample kind for Redoc, on every language's page", () => {
    const config = parse(readFileSync(join(docsRoot, 'redocly.yaml'), 'utf8'))
    for (const { code } of languages) expect(codeSampleLanguageProblems(config.apis[code].openapi), code).toEqual([])
  })

  test('the Redoc language check names what Redoc would hide', () => {
    const languagesOf = (names: string[]) => ({ codeSamples: { languages: names.map((label) => ({ lang: 'x', label })) } })
    const all = [...sampleKinds.map((kind) => kind.label), 'Payload']
    expect(codeSampleLanguageProblems({ hideDownloadButtons: true })).toEqual([expect.stringContaining('codeSamples.languages is not set')])
    // Case does not matter to Redoc; a missing label, or a missing Payload, does.
    expect(codeSampleLanguageProblems(languagesOf(all.map((label) => label.toUpperCase())))).toEqual([])
    expect(codeSampleLanguageProblems(languagesOf(all.filter((label) => label !== 'openapi-fetch (raw)')))).toEqual([
      'openapi.codeSamples.languages has no entry labelled "openapi-fetch (raw)": Redoc would hide every .raw.ts sample',
    ])
    expect(codeSampleLanguageProblems(languagesOf(all.slice(0, -1)))).toEqual([expect.stringContaining('no Payload entry')])
    // Redoc's own default list, which hid the TypeScript samples.
    const redocDefault = ['curl', 'JavaScript', 'Node.js', 'Python', 'Java', 'C#', 'PHP', 'Go', 'Ruby', 'R', 'Payload']
    expect(codeSampleLanguageProblems(languagesOf(redocDefault))).toHaveLength(2)
    expect(redocSampleName({ lang: 'TypeScript' })).toBe('typescript')
    expect(redocSampleName({ lang: 'TypeScript', label: '@ncloud-apigw/client' })).toBe('@ncloud-apigw/client')
  })

  test('each TypeScript sample calls its own operation, the raw one through createRawClient', () => {
    // The client's methods are named by operationId.
    for (const { operationId, method, path } of operations) {
      const client = readFileSync(join(samples, 'operations', `${operationId}.client.ts`), 'utf8')
      expect(client, operationId).toContain(`apigw.${operationId}(`)
      const raw = readFileSync(join(samples, 'operations', `${operationId}.raw.ts`), 'utf8')
      expect(raw, operationId).toContain('const raw = createRawClient(createApiKeyClient())')
      expect(raw, operationId).not.toMatch(/\.raw\b/)
      // A path too long for the panel is a template literal in pieces, `/a/{b}${'/c/{d}'}` as
      // const, in a variable named path; joined, it is the spec's path.
      const code = raw.replace(/\$\{\s*'([^'`]*)'\s*\}/g, '$1').replace(/\(\s+/g, '(')
      const inPieces = code.includes(`const path =\n  \`${path}\` as const`)
      expect(code, operationId).toContain(`raw.${method.toUpperCase()}(${inPieces ? 'path' : `'${path}'`},`)
    }
  })

  // The sample panel of a 1400 px window shows about 61 characters of code (the browser test
  // measures the rendered lines); this holds the files to that before any browser runs.
  test('every line of every operation sample fits 60 columns, as the page shows them', () => {
    const long = readdirSync(join(samples, 'operations')).flatMap((file) =>
      readFileSync(join(samples, 'operations', file), 'utf8')
        .split('\n')
        .map((line, i) => ({ at: `${file}:${i + 1}`, width: [...line].length }))
        .filter(({ width }) => width > 60),
    )
    expect(long).toEqual([])
  })

  test.each(operations)('the curl sample of $operationId signs exactly the request it sends', async ({ operationId, method, path }) => {
    const env = { NCLOUD_ACCESS_KEY_ID: example.accessKey, NCLOUD_SECRET_ACCESS_KEY: example.secretKey }
    const args = await curlArguments(`${operationId}.sh`, env)
    expect(args[args.indexOf('-X') + 1]).toBe(method.toUpperCase())
    const url = new URL(args.find((arg) => arg.startsWith('https://'))!)
    expect(url.origin + '/api/v1').toBe(spec.servers[0].url)
    const route = matchOperation(method.toUpperCase(), url.pathname.slice('/api/v1'.length))
    expect(route?.operationId, `${url.pathname} is the path of ${operationId}`).toBe(operationId)
    expect(url.pathname.startsWith('/api/v1/')).toBe(true)
    // An operation with query parameters is shown with a query, which the signature covers.
    const operation = spec.paths[path][method]
    const queryNames = (operation.parameters ?? [])
      .map((p: { $ref?: string; in?: string; name?: string }) => (p.$ref ? spec.components.parameters[p.$ref.split('/').pop()!] : p))
      .filter((p: { in: string }) => p.in === 'query')
      .map((p: { name: string }) => p.name)
    expect([...url.searchParams.keys()], operationId).toEqual(queryNames)

    const headers = headersOf(args)
    expect(headers['x-ncp-apigw-timestamp']).toBe(example.timestamp)
    expect(headers['x-ncp-iam-access-key']).toBe(example.accessKey)
    const stringToSign = `${method.toUpperCase()} ${url.pathname}${url.search}\n${example.timestamp}\n${example.accessKey}`
    expect(headers['x-ncp-apigw-signature-v2']).toBe(createHmac('sha256', example.secretKey).update(stringToSign).digest('base64'))
    const body = args.includes('--data') ? JSON.parse(args[args.indexOf('--data') + 1]!) : undefined
    if (body !== undefined) expect(headers['content-type']).toBe('application/json')
    // What it sends is a request the spec allows: its IDs, query and body within every limit.
    const pathParams = Object.fromEntries(Object.entries(route!.rawParams).map(([name, raw]) => [name, decodeURIComponent(raw)]))
    const query = queryValues(operationTable[operationId as OperationId], url.searchParams)
    expect(requestProblems(operationTable[operationId as OperationId], { pathParams, query, body })).toEqual([])
  })

  test("the GET curl sample reproduces the spec's worked signature example", async () => {
    const env = { NCLOUD_ACCESS_KEY_ID: example.accessKey, NCLOUD_SECRET_ACCESS_KEY: example.secretKey }
    const args = await curlArguments('getApiKey.sh', env)
    expect(args).toContain(example.url)
    expect(headersOf(args)['x-ncp-apigw-signature-v2']).toBe(example.signature)
  })

  test.each([
    ['signature-v2.sh', 0],
    ['signature-v2-query.sh', 1],
  ])("the signature guide's shell snippet %s prints worked example %i's signature", async (file, index) => {
    const { stdout } = await run('bash', [join(samples, 'guides', file)])
    expect(stdout.trim()).toBe(examples[index]!.signature)
    expect(readFileSync(join(samples, 'guides', file), 'utf8')).toContain(`# ${examples[index]!.signature}\n`)
  })

  test("the second worked example has a query, percent-encoded as the client sends it", () => {
    const withQuery = examples[1]!
    const url = new URL(withQuery.url)
    expect(url.search).not.toBe('')
    expect(withQuery.pathWithQuery).toBe(url.pathname + url.search)
    const encoded = [...url.searchParams].map(([name, value]) => `${name}=${encodeURIComponent(value)}`).join('&')
    expect(url.search).toBe(`?${encoded}`)
  })

  test.each(examples.map((e, index) => ({ ...e, index })))("the signature guide's node:crypto function computes worked example $index", (e) => {
    const headers = signatureV2Headers(e.method, e.url, e.accessKey, e.secretKey, Number(e.timestamp))
    expect(headers).toEqual({
      'x-ncp-apigw-timestamp': e.timestamp,
      'x-ncp-iam-access-key': e.accessKey,
      'x-ncp-apigw-signature-v2': e.signature,
    })
    expect(createHmac('sha256', e.secretKey).update(e.stringToSign).digest('base64')).toBe(e.signature)
  })
})

describe('the curl samples against the fake API Gateway', () => {
  /** Runs a sample as a user would, pointed at the fake instead of NCP, and returns what curl printed. */
  async function send(gateway: FakeApiGateway, operationId: string, apiKeyId?: string): Promise<string> {
    let source = readFileSync(join(samples, 'operations', `${operationId}.sh`), 'utf8')
    const replaceLine = (name: string, value: string) => {
      const line = new RegExp(`^${name}=.*$`, 'm')
      expect(source, `${operationId}.sh sets ${name}`).toMatch(line)
      source = source.replace(line, `${name}="${value}"`)
    }
    replaceLine('HOST', new URL(gateway.url).origin)
    if (apiKeyId !== undefined) replaceLine('API_KEY_ID', apiKeyId)
    const env = { NCLOUD_ACCESS_KEY_ID: TEST_CREDENTIALS.accessKey, NCLOUD_SECRET_ACCESS_KEY: TEST_CREDENTIALS.secretKey }
    const { stdout } = await run('bash', ['-c', source], { env: { PATH: process.env.PATH ?? '', ...env } })
    return stdout
  }
  /** What curl prints for an answer with no body: the status line the sample writes out. */
  const statusLine = (operationId: string) => `\nHTTP ${successOf(operationId)}\n`

  /**
   * The state a sample starts from. By default a key named ci-bot exists and, for the samples
   * about products, is subscribed to every product the fake holds and approved there: a key in
   * use. These samples need something else.
   */
  const before: Partial<Record<OperationId, { apiKeyName?: string; state: 'new' | 'subscribed' }>> = {
    // The key it subscribes is not subscribed yet.
    subscribeApiKey: { state: 'new' },
    // The key it approves waits for approval.
    updateProductApiKeyStatus: { state: 'subscribed' },
    // Its search asks for a key of this name waiting for approval.
    searchApiKeys: { apiKeyName: 'apiKey-***', state: 'subscribed' },
  }

  interface Outcome {
    printed: string
    key: ApiKey
    apigw: ApiKeyClient
    gateway: FakeApiGateway
  }
  const productIds = sampleProducts.map((product) => product.productId)
  const productsOf = async (apigw: ApiKeyClient, key: ApiKey) => {
    const related = []
    for await (const product of apigw.paginateApiKeyProducts(key.apiKeyId)) related.push(product)
    return related
  }

  /** What each sample did, beyond answering its success status to a signature the fake verified. */
  const effects: Partial<Record<OperationId, (outcome: Outcome) => Promise<void> | void>> = {
    createApiKey: ({ printed, gateway }) => {
      const created = JSON.parse(printed).apiKey
      expect(created).toMatchObject({ apiKeyName: 'ci-bot', apiKeyDescription: 'Deploys from CI', isEnabled: true })
      expect(gateway.keys.has(created.apiKeyId)).toBe(true)
    },
    listApiKeys: ({ printed, key }) => {
      const page = JSON.parse(printed)
      expect(page.apiKeys.map((listed: { apiKeyId: string }) => listed.apiKeyId)).toContain(key.apiKeyId)
      expect(page.apiKeys.every((listed: object) => !('primaryKey' in listed) && !('secondaryKey' in listed))).toBe(true)
    },
    getApiKey: ({ printed, key }) => expect(JSON.parse(printed)).toMatchObject({ apiKeyId: key.apiKeyId, apiKeyName: 'ci-bot' }),
    updateApiKey: ({ printed, key }) => {
      expect(JSON.parse(printed).apiKey).toMatchObject({ apiKeyId: key.apiKeyId, apiKeyDescription: 'Paused', isEnabled: false })
    },
    regenerateApiKey: ({ printed, key }) => {
      const regenerated = JSON.parse(printed).apiKey
      expect(regenerated.primaryKey).toBe(key.primaryKey)
      expect(regenerated.secondaryKey).not.toBe(key.secondaryKey)
    },
    deleteApiKey: ({ printed, key, gateway }) => {
      expect(printed).toBe(statusLine('deleteApiKey'))
      expect(gateway.keys.has(key.apiKeyId)).toBe(false)
    },
    subscribeApiKey: async ({ printed, key, apigw }) => {
      expect(printed).toBe(statusLine('subscribeApiKey'))
      expect((await productsOf(apigw, key)).map((p) => p.productId)).toEqual([exampleRequests.subscribeApiKey.body.productId])
    },
    unsubscribeApiKey: async ({ printed, key, apigw }) => {
      expect(printed).toBe(statusLine('unsubscribeApiKey'))
      const left = (await productsOf(apigw, key)).map((p) => p.productId)
      expect(left.sort()).toEqual(productIds.filter((id) => id !== exampleRequests.unsubscribeApiKey.body.productId).sort())
    },
    listApiKeyProducts: ({ printed }) => {
      const { apiKeyRelateProductDtos: related, total } = JSON.parse(printed)
      expect(related.map((p: { productId: string }) => p.productId).sort()).toEqual([...productIds].sort())
      expect(related.every((p: { status: string }) => p.status === 'ACCEPTED')).toBe(true)
      expect(total).toBe(productIds.length)
    },
    searchApiKeys: ({ printed }) => {
      // One key matches its name and status; the page starts past it, at the sample's offset.
      expect(JSON.parse(printed)).toEqual({ apiKeys: [], total: 1 })
    },
    listApiKeySubscriptions: ({ printed, key }) => {
      const { content, total } = JSON.parse(printed).apiKeyRelations
      const { stageId, apiId } = exampleRequests.listApiKeySubscriptions.query
      expect(content).toEqual([expect.objectContaining({ apiKeyId: key.apiKeyId, apiId, stageId })])
      expect(total).toBe(1)
    },
    searchProductApiKeys: ({ printed, key }) => {
      const { content, total } = JSON.parse(printed).apiKeyPage
      expect(content).toEqual([expect.objectContaining({ apiKeyId: key.apiKeyId, status: 'ACCEPTED', primaryKey: key.primaryKey })])
      expect(total).toBe(1)
    },
    updateProductApiKeyStatus: async ({ printed, key, apigw }) => {
      expect(printed).toBe(statusLine('updateProductApiKeyStatus'))
      const productId = exampleRequests.updateProductApiKeyStatus.pathParams['product-id']
      const statuses = (await productsOf(apigw, key)).map((p) => [p.productId, p.status])
      expect(statuses).toContainEqual([productId, 'ACCEPTED'])
      // Only that product: the others still wait for their publisher.
      expect(statuses.filter(([, status]) => status === 'ACCEPTED')).toHaveLength(1)
    },
    updateApiKeyUsagePlan: async ({ printed, key, apigw }) => {
      expect(printed).toBe(statusLine('updateApiKeyUsagePlan'))
      const { pathParams, body } = exampleRequests.updateApiKeyUsagePlan
      const page = await apigw.listApiKeySubscriptions(key.apiKeyId, { productId: pathParams['product-id'], stageId: pathParams['stage-id'] })
      expect(page.content.map((stage) => stage.usagePlanId)).toEqual([body.usagePlanId])
    },
  }

  test('every operation has its check of what the sample did', () => {
    expect(Object.keys(effects).sort()).toEqual(operations.map((o) => o.operationId).sort())
  })

  test.each(operations)('the $operationId sample succeeds, its signature verified by the fake', async ({ operationId }) => {
    const id = operationId as OperationId
    const products = involvesProducts(id)
    const gateway = await (products ? startWithProducts(sampleProducts) : startFakeApiGateway())
    try {
      const apigw = createApiKeyClient({ baseUrl: gateway.url, credentials: TEST_CREDENTIALS })
      const { apiKeyName = 'ci-bot', state = 'in use' } = before[id] ?? {}
      const key = await apigw.createApiKey({ apiKeyName })
      if (products && state !== 'new') {
        for (const { productId, subscriptionCode } of sampleProducts) {
          await apigw.subscribeApiKey(key.apiKeyId, { productId })
          if (state === 'in use' && subscriptionCode === 'PROTECTED') {
            await apigw.updateProductApiKeyStatus(productId, key.apiKeyId, { status: 'ACCEPTED' })
          }
        }
      }
      const sentBefore = gateway.requests.length
      const takesKey = 'api-key-id' in operationTable[id].pathParams
      const printed = await send(gateway, operationId, takesKey ? key.apiKeyId : undefined)
      const sent = gateway.requests.slice(sentBefore)
      expect(sent.map((r) => [r.operationId, r.status, r.signatureValid])).toEqual([[operationId, successOf(operationId), true]])
      // An answer with a body is one the spec allows.
      if (!printed.startsWith('\nHTTP ')) expect(problems(operationTable[id].response!, JSON.parse(printed))).toEqual([])
      await effects[id]!({ printed, key, apigw, gateway })
    } finally {
      await gateway.close()
    }
  })

  test('the delete sample prints the 404 of a key that is gone, with its body', async () => {
    const gateway = await startFakeApiGateway()
    try {
      const answer = await send(gateway, 'deleteApiKey', 'no-such-key')
      const [body, status] = answer.split('\nHTTP ')
      expect(status).toBe('404\n')
      expect(JSON.parse(body!).error).toMatchObject({ errorCode: '300', message: 'Not Found Exception' })
    } finally {
      await gateway.close()
    }
  })
})

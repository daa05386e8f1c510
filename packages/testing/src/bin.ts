#!/usr/bin/env node
// ncloud-apigw-fake: the fake API Gateway as a process, for test suites in other languages.
import { readFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { exampleWorld } from './resources/example-world.js'
import { TEST_CREDENTIALS } from './server/credentials.js'
import { startFakeApiGateway } from './start.js'
import type { FakeApiGateway, FakeApiGatewayOptions, FakeProduct } from './types.js'

const usage = `Usage: ncloud-apigw-fake [--port <n>] [--host <address>] [--products <file.json>] [--examples] [--json]

Runs a fake NCP API Gateway (API Key API) until SIGINT or SIGTERM. It accepts only the
published test credentials printed below, which are fake and work nowhere else.

  --port <n>              port to listen on (default: a free one)
  --host <address>        address to listen on (default: 127.0.0.1)
  --products <file.json>  the account's products: a JSON array, as the products option of
                          startFakeApiGateway takes it (see the package README)
  --examples              hold every key, product and subscription the spec's examples name
  --json                  print one JSON line {"url","accessKey","secretKey"} instead of text
  -h, --help              show this help`

/** A usage error: the message, the usage, exit code 2. */
function fail(message: string): never {
  process.stderr.write(`ncloud-apigw-fake: ${message}\n\n${usage}\n`)
  process.exit(2)
}

let values: { port?: string; host?: string; products?: string; examples?: boolean; json?: boolean; help?: boolean }
try {
  values = parseArgs({
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      products: { type: 'string' },
      examples: { type: 'boolean' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  }).values
} catch (error) {
  fail((error as Error).message)
}

if (values.help) {
  process.stdout.write(`${usage}\n`)
  process.exit(0)
}
const port = values.port === undefined ? 0 : Number(values.port)
if (!/^\d+$/.test(values.port ?? '0') || port > 65535) fail(`--port must be an integer from 0 to 65535, got ${values.port}`)
if (values.examples && values.products !== undefined) fail('--products and --examples cannot be combined: the examples bring their own products')

/** The products of a `--products` file, or a message that names the file and what is wrong with it. */
function productsFrom(file: string): unknown {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (error) {
    fail(`cannot read --products ${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`)
  }
  try {
    return JSON.parse(text)
  } catch (error) {
    fail(`--products ${file} is not valid JSON: ${(error as Error).message}`)
  }
}

const options: FakeApiGatewayOptions = {
  port,
  ...(values.host === undefined ? {} : { host: values.host }),
  ...(values.examples ? exampleWorld() : {}),
  ...(values.products === undefined ? {} : { products: productsFrom(values.products) as readonly FakeProduct[] }),
}

let gateway: FakeApiGateway
try {
  gateway = await startFakeApiGateway(options)
} catch (error) {
  const { code, message } = error as NodeJS.ErrnoException
  const where = `${values.host ?? '127.0.0.1'}:${port}`
  if (code === 'EADDRINUSE') {
    process.stderr.write(`ncloud-apigw-fake: ${where} is already in use; choose another --port, or leave it out for a free one\n`)
    process.exit(1)
  }
  if (code === 'EADDRNOTAVAIL' || code === 'EACCES' || code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    process.stderr.write(`ncloud-apigw-fake: cannot listen on ${where} (${code}): ${message}\n`)
    process.exit(1)
  }
  // What the options said wrong: the products file's contents, named by the file.
  fail(values.products === undefined ? message : `--products ${values.products}: ${message}`)
}

const { accessKey, secretKey } = TEST_CREDENTIALS
process.stdout.write(
  values.json
    ? `${JSON.stringify({ url: gateway.url, accessKey, secretKey })}\n`
    : [
        `Fake NCP API Gateway listening on ${gateway.url}`,
        '',
        'Its test credentials (fake, accepted only here), for your shell:',
        `  export NCLOUD_ACCESS_KEY_ID=${accessKey}`,
        `  export NCLOUD_SECRET_ACCESS_KEY=${secretKey}`,
        '',
        'Then point the CLI or the client at it:',
        `  ncloud-apigw --base-url ${gateway.url} api-key list`,
        `  createApiKeyClient({ baseUrl: '${gateway.url}' })`,
        '',
        'Stop with Ctrl-C (SIGINT) or SIGTERM.',
        '',
      ].join('\n'),
)

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void gateway.close().then(() => process.exit(0))
  })
}

#!/usr/bin/env node
// ncloud-apigw-fake: the fake API Gateway as a process, for test suites in other languages.
import { parseArgs } from 'node:util'
import { TEST_CREDENTIALS } from './credentials.js'
import { startFakeApiGateway } from './gateway.js'

const usage = `Usage: ncloud-apigw-fake [--port <n>] [--host <address>] [--json]

Runs a fake NCP API Gateway (API Key API) until SIGINT or SIGTERM. It accepts only the
published test credentials printed below, which are fake and work nowhere else.

  --port <n>        port to listen on (default: a free one)
  --host <address>  address to listen on (default: 127.0.0.1)
  --json            print one JSON line {"url","accessKey","secretKey"} instead of text
  -h, --help        show this help`

function fail(message: string): never {
  process.stderr.write(`ncloud-apigw-fake: ${message}\n\n${usage}\n`)
  process.exit(2)
}

let values: { port?: string; host?: string; json?: boolean; help?: boolean }
try {
  values = parseArgs({
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
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
if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port must be an integer from 0 to 65535, got ${values.port}`)

const gateway = await startFakeApiGateway({ port, ...(values.host === undefined ? {} : { host: values.host }) })
const { accessKey, secretKey } = TEST_CREDENTIALS
process.stdout.write(
  values.json
    ? `${JSON.stringify({ url: gateway.url, accessKey, secretKey })}\n`
    : [
        `Fake NCP API Gateway listening on ${gateway.url}`,
        `Test credentials (fake, accepted only here):`,
        `  NCLOUD_ACCESS_KEY_ID=${accessKey}`,
        `  NCLOUD_SECRET_KEY=${secretKey}`,
        'Stop with Ctrl-C (SIGINT) or SIGTERM.',
        '',
      ].join('\n'),
)

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void gateway.close().then(() => process.exit(0))
  })
}

import { type ApiKey, type ApiKeyClient, createApiKeyClient, type KeyType, type Site, sites } from '@ncloud-apigw/client'
import { Command, InvalidArgumentError, Option } from 'commander'
import { CancelledError } from './cancelled.js'
import { confirm } from './confirm.js'
import { exitCodes } from './exit-codes.js'
import { formatApiKey, type OutputFormat, outputFormats } from './format-api-key.js'
import { maskApiKey } from './mask.js'

/** The process's streams, injectable so the program can run in a test. */
export interface Io {
  stdin: NodeJS.ReadableStream & { isTTY?: boolean }
  stdout: NodeJS.WritableStream & { isTTY?: boolean }
  stderr: NodeJS.WritableStream
}

/** The options every command takes, set before or after the command's name. */
export interface GlobalOptions {
  site?: Site
  baseUrl?: string
  profile?: string
  output: OutputFormat
  showSecrets?: boolean
  timeout?: number
}

function baseUrl(value: string): string {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw new InvalidArgumentError('Not a URL; give the base URL up to and including /api/v1, e.g. https://apigateway.apigw.ntruss.com/api/v1.')
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new InvalidArgumentError('Use an http: or https: URL.')
  return value
}

// The client holds the timeout to its limit (a positive integer); here it only becomes a number.
const milliseconds = (value: string) => Number(value)

/**
 * The `ncloud-apigw` command tree. Commands call the client, which reads credentials (its chain:
 * environment, then ~/.ncloud/configure), validates input against the spec and throws typed
 * errors; the caller of `parseAsync` turns those into messages and exit codes.
 */
export function createProgram(io: Io, version: string): Command {
  const program = new Command('ncloud-apigw')
    .description("Create, read, update and regenerate API keys of NAVER Cloud Platform's API Gateway.")
    .version(version, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help for a command')
    .helpCommand(false)
    // Commander's own exits become exceptions, so the caller decides the exit code.
    .exitOverride()
    .configureOutput({ writeOut: (text) => io.stdout.write(text), writeErr: (text) => io.stderr.write(text) })
    .configureHelp({ showGlobalOptions: true, sortSubcommands: false })
    .showHelpAfterError('(add --help for usage and examples)')
    .addOption(new Option('--site <site>', 'NCP site (default: NCLOUD_SITE, the profile\'s ncloud_api_url, then public)').choices(Object.keys(sites)))
    .addOption(new Option('--base-url <url>', 'base URL up to and including /api/v1; overrides --site (proxies, tests)').argParser(baseUrl))
    .addOption(new Option('--profile <name>', 'section of ~/.ncloud/configure to read credentials from, even when NCLOUD_ACCESS_KEY_ID is set (default: NCLOUD_PROFILE, then DEFAULT)'))
    .addOption(
      new Option('--output <format>', 'output format')
        .choices(outputFormats)
        .default(io.stdout.isTTY ? 'table' : 'json', 'table on a terminal, else json'),
    )
    .addOption(new Option('--show-secrets', 'print primaryKey and secondaryKey in full (masked otherwise)'))
    .addOption(new Option('--timeout <ms>', 'per-attempt timeout in milliseconds (default: 30000)').argParser(milliseconds))
    .addHelpText(
      'after',
      `
Examples:
  $ ncloud-apigw api-key create --name ci-bot --description "deploys"
  $ ncloud-apigw api-key get ab12cd34ef --output table
  $ ncloud-apigw --profile prod api-key update ab12cd34ef --name ci-bot --disabled

Credentials come from NCLOUD_ACCESS_KEY_ID and NCLOUD_SECRET_ACCESS_KEY, else from
~/.ncloud/configure. Exit codes: ${Object.entries(exitCodes)
        .map(([name, code]) => `${code} ${name}`)
        .join(', ')}.`,
    )

  const globals = (command: Command) => command.optsWithGlobals<GlobalOptions>()

  function clientFor(options: GlobalOptions): ApiKeyClient {
    return createApiKeyClient({
      ...(options.site !== undefined && { site: options.site }),
      ...(options.baseUrl !== undefined && { baseUrl: options.baseUrl }),
      ...(options.profile !== undefined && { profile: options.profile }),
      ...(options.timeout !== undefined && { timeoutMs: options.timeout }),
    })
  }

  function print(key: ApiKey, options: GlobalOptions): void {
    io.stdout.write(formatApiKey(options.showSecrets ? key : maskApiKey(key), options.output))
    if (!options.showSecrets && options.output === 'table') io.stderr.write('(primaryKey and secondaryKey are masked; pass --show-secrets to print them)\n')
  }

  /** The one flag given of two that exclude each other (Commander refuses both); a usage error if neither. */
  function oneOf<T>(command: Command, choices: Record<string, T>): T {
    const options = command.opts<Record<string, boolean | undefined>>()
    const given = Object.keys(choices).find((name) => options[name])
    if (given === undefined) {
      command.error(`error: pass one of ${Object.keys(choices).map((name) => `--${name}`).join(' or ')}`, { exitCode: exitCodes.usage, code: 'ncloud-apigw.missingChoice' })
    }
    return choices[given]!
  }

  const apiKey = program.command('api-key').description('create, read, update and regenerate API keys')
  apiKey.addHelpText(
    'after',
    `
Examples:
  $ ncloud-apigw api-key create --name ci-bot
  $ ncloud-apigw api-key get ab12cd34ef
  $ ncloud-apigw api-key update ab12cd34ef --name ci-bot --enabled
  $ ncloud-apigw api-key regenerate ab12cd34ef --secondary --yes`,
  )

  apiKey
    .command('create')
    .description('create an API key (POST /api-keys); it starts enabled, with fresh primary and secondary keys')
    .requiredOption('--name <name>', 'name of the API key, 1 to 20 characters')
    .option('--description <text>', 'description, at most 50 characters')
    .addHelpText(
      'after',
      `
Examples:
  $ ncloud-apigw api-key create --name ci-bot
  $ ncloud-apigw api-key create --name ci-bot --description "deploys" --output table
  $ ncloud-apigw api-key create --name ci-bot --show-secrets | jq -r .primaryKey`,
    )
    .action(async (options: { name: string; description?: string }, command: Command) => {
      const global = globals(command)
      const body = { apiKeyName: options.name, ...(options.description !== undefined && { apiKeyDescription: options.description }) }
      print(await clientFor(global).createApiKey(body), global)
    })

  apiKey
    .command('get')
    .description('show an API key (GET /api-keys/{api-key-id})')
    .argument('<api-key-id>', 'ID of the API key')
    .addHelpText(
      'after',
      `
Examples:
  $ ncloud-apigw api-key get ab12cd34ef
  $ ncloud-apigw api-key get ab12cd34ef --output json | jq .isEnabled
  $ ncloud-apigw api-key get ab12cd34ef --show-secrets --profile prod`,
    )
    .action(async (id: string, _options: object, command: Command) => {
      const global = globals(command)
      print(await clientFor(global).getApiKey(id), global)
    })

  apiKey
    .command('update')
    .description(
      'set the name, state and description of an API key (PUT /api-keys/{api-key-id}); the API replaces all three, so give --description to keep one',
    )
    .argument('<api-key-id>', 'ID of the API key')
    .requiredOption('--name <name>', 'name of the API key, 1 to 20 characters (give the current one to keep it)')
    .addOption(new Option('--enabled', 'enable the key').conflicts('disabled'))
    .addOption(new Option('--disabled', 'disable the key: calls sending it are refused').conflicts('enabled'))
    .option('--description <text>', 'description, at most 50 characters; left out, none is sent')
    .addHelpText(
      'after',
      `
One of --enabled and --disabled is required.

Examples:
  $ ncloud-apigw api-key update ab12cd34ef --name ci-bot --disabled
  $ ncloud-apigw api-key update ab12cd34ef --name ci-bot --enabled --description "deploys"`,
    )
    .action(async (id: string, options: { name: string; description?: string }, command: Command) => {
      const isEnabled = oneOf(command, { enabled: true, disabled: false })
      const global = globals(command)
      const body = { apiKeyName: options.name, isEnabled, ...(options.description !== undefined && { apiKeyDescription: options.description }) }
      print(await clientFor(global).updateApiKey(id, body), global)
    })

  apiKey
    .command('regenerate')
    .description(
      'replace the primary or the secondary key value of an API key (PATCH /api-keys/{api-key-id}); callers still sending the old value are refused',
    )
    .argument('<api-key-id>', 'ID of the API key')
    .addOption(new Option('--primary', 'regenerate primaryKey').conflicts('secondary'))
    .addOption(new Option('--secondary', 'regenerate secondaryKey').conflicts('primary'))
    .option('-y, --yes', 'do not ask for confirmation (required when stdin is not a terminal)')
    .addHelpText(
      'after',
      `
One of --primary and --secondary is required. Without --yes, asks for confirmation on a
terminal and refuses (exit code 2) elsewhere. Rotate without downtime: move callers to the
secondary key, regenerate the primary, move them back, then regenerate the secondary.

Examples:
  $ ncloud-apigw api-key regenerate ab12cd34ef --primary
  $ ncloud-apigw api-key regenerate ab12cd34ef --secondary --yes --show-secrets --output json`,
    )
    .action(async (id: string, options: { yes?: boolean }, command: Command) => {
      const keyType = oneOf<KeyType>(command, { primary: 'PRIMARY', secondary: 'SECONDARY' })
      const global = globals(command)
      // Created first, so missing credentials fail before the question is asked.
      const client = clientFor(global)
      if (!options.yes) {
        if (!io.stdin.isTTY) {
          command.error(`error: regenerate invalidates the current ${keyType} key of ${JSON.stringify(id)}; pass --yes to confirm (stdin is not a terminal, so it cannot be asked)`, {
            exitCode: exitCodes.usage,
            code: 'ncloud-apigw.confirmationRequired',
          })
        }
        const question = `Regenerate the ${keyType} key of API key ${JSON.stringify(id)}? Callers still sending the current value will be refused.`
        if (!(await confirm(question, { input: io.stdin, output: io.stderr }))) throw new CancelledError()
      }
      print(await client.regenerateApiKey(id, keyType), global)
    })

  return program
}

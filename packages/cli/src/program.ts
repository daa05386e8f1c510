import { createApiKeyClient, findNcpCredentials, sites } from '@ncloud-apigw/client'
import { operationIds } from '@ncloud-apigw/operations'
import { Command, Option } from 'commander'
import { CancelledError } from './cancelled.js'
import { commands } from './commands.js'
import type { Context, GlobalOptions, Io } from './context.js'
import { confirm } from './confirm.js'
import { exitCodes } from './exit-codes.js'
import { formatApiKey, outputFormats } from './format-api-key.js'
import { maskApiKey } from './mask.js'
import { baseUrlProblem, wholeNumber } from './parse.js'
import { visible } from './text.js'
import { verboseLogger } from './verbose.js'

/** What the CLI adds to the client's User-Agent. */
export const userAgentFor = (version: string) => `ncloud-apigw-cli/${version}`

/** The advice that ends the client's "No NCP credentials found" error, in the CLI's terms. */
export const credentialsHint = 'name one of its sections with --profile'

/**
 * The `ncloud-apigw` command tree: one command under `api-key` per operation of the spec (see
 * commands.ts). Commands call the client, which validates input against the spec and throws
 * typed errors; the caller of `parseAsync` turns those into messages and exit codes.
 */
export function createProgram(io: Io, version: string): Command {
  const program: Command = new Command('ncloud-apigw')
    .description("List, create, read, update, delete and regenerate API keys of NAVER Cloud Platform's API Gateway.")
    .version(version, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help for a command')
    .helpCommand(false)
    // Commander's own exits become exceptions, so the caller decides the exit code.
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
      // Its errors quote the command line, which may hold anything: controls visible, and only
      // its own "(Did you mean ...?)" on a line of its own.
      outputError: (text, write) => write(`${visible(text.replace(/\n$/, '')).replaceAll('\\n(Did you mean ', '\n(Did you mean ')}\n`),
    })
    .configureHelp({ showGlobalOptions: true, sortSubcommands: false })
    .showHelpAfterError('(add --help for usage and examples)')
    .addOption(new Option('--site <site>', "NCP site (default: NCLOUD_SITE, the profile's ncloud_api_url, then public)").choices(Object.keys(sites)))
    .addOption(
      new Option('--base-url <url>', 'base URL up to and including /api/v1; overrides --site (proxies, tests)').argParser((value: string) => {
        const problem = baseUrlProblem(value, sites.public)
        // Never quoted: it may hold a password.
        if (problem) {
          program.error(`error: option '--base-url <url>' ${problem}`, {
            exitCode: exitCodes.usage,
            code: 'ncloud-apigw.invalidBaseUrl',
          })
        }
        return value
      }),
    )
    .addOption(
      new Option('--profile <name>', 'section of ~/.ncloud/configure to read credentials from, even when NCLOUD_ACCESS_KEY_ID is set (default: NCLOUD_PROFILE, then DEFAULT)'),
    )
    .addOption(new Option('--output <format>', 'output format').choices(outputFormats).default(io.stdout.isTTY ? 'table' : 'json', 'table on a terminal, else json'))
    .addOption(new Option('--show-secrets', 'print primaryKey and secondaryKey in full (masked otherwise)'))
    .addOption(new Option('--timeout <ms>', 'per-attempt timeout in milliseconds (default: 30000)').argParser(wholeNumber('30000')))
    .addOption(new Option('--verbose', 'print each attempt, answer, retry and wait, and clock correction on stderr, with statuses and trace IDs'))
    .addHelpText(
      'after',
      `
Examples:
  $ ncloud-apigw api-key list --output table
  $ ncloud-apigw api-key create --name ci-bot --description "deploys"
  $ ncloud-apigw --profile prod api-key update ab12cd34ef --name ci-bot --disabled

Credentials come from NCLOUD_ACCESS_KEY_ID and NCLOUD_SECRET_ACCESS_KEY, else from
~/.ncloud/configure. Exit codes: ${Object.entries(exitCodes)
        .map(([name, code]) => `${code} ${name}`)
        .join(', ')}.`,
    )

  const globals = (command: Command) => command.optsWithGlobals<GlobalOptions>()

  const context: Context = {
    io,
    globals,

    client(command) {
      const options = globals(command)
      // The chain on its own, so that its error names the CLI's way (--profile), not an option of the library's.
      const { credentials, site } = findNcpCredentials({ ...(options.profile !== undefined && { profile: options.profile }), hint: credentialsHint })
      // --site, else NCLOUD_SITE (left to the client, which names it when it is wrong), else the profile's.
      const chosen = options.site ?? (process.env.NCLOUD_SITE ? undefined : site)
      return createApiKeyClient({
        credentials,
        ...(chosen !== undefined && { site: chosen }),
        ...(options.baseUrl !== undefined && { baseUrl: options.baseUrl }),
        ...(options.timeout !== undefined && { timeoutMs: options.timeout }),
        ...(options.verbose && { logger: verboseLogger((line) => io.stderr.write(line), options.output, [credentials.secretKey]) }),
        userAgent: userAgentFor(version),
      })
    },

    print(key, command) {
      const options = globals(command)
      io.stdout.write(formatApiKey(options.showSecrets ? key : maskApiKey(key), options.output))
      if (!options.showSecrets && options.output === 'table') io.stderr.write('(primaryKey and secondaryKey are masked; pass --show-secrets to print them)\n')
    },

    oneOf<T>(command: Command, choices: Record<string, T>): T {
      const options = command.opts<Record<string, boolean | undefined>>()
      const given = Object.keys(choices).find((name) => options[name])
      if (given === undefined) {
        command.error(`error: pass one of ${Object.keys(choices).map((name) => `--${name}`).join(' or ')}`, { exitCode: exitCodes.usage, code: 'ncloud-apigw.missingChoice' })
      }
      return choices[given]!
    },

    async confirmFirst(command: Command, yes: boolean | undefined, { refusal, question }: { refusal: string; question: string }) {
      if (yes) return
      if (!io.stdin.isTTY) {
        command.error(`error: ${refusal}; pass --yes to confirm (stdin is not a terminal, so it cannot be asked)`, {
          exitCode: exitCodes.usage,
          code: 'ncloud-apigw.confirmationRequired',
        })
      }
      if (!(await confirm(question, { input: io.stdin, output: io.stderr }))) throw new CancelledError()
    },
  }

  const apiKey = program.command('api-key').description('list, create, read, update, delete and regenerate API keys').helpCommand(false)
  // In the spec's order; `commands` has one entry per operation, which the compiler holds it to.
  for (const id of operationIds) commands[id].define(apiKey, context)
  apiKey.addHelpText('after', `\nExamples:\n${operationIds.map((id) => `  $ ncloud-apigw api-key ${commands[id].example}`).join('\n')}`)

  return program
}

export type { Context, GlobalOptions, Io } from './context.js'

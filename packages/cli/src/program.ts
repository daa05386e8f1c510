import { baseUrlProblem, sites } from '@ncloud-apigw/client'
import { operationIds } from '@ncloud-apigw/operations'
import { Argument, Command, Help, Option } from 'commander'
import { attach, usageError } from './attach.js'
import { commandModules as modules } from './commands/index.js'
import type { CommandModule } from './commands/command.js'
import { completionScript, shells } from './completion.js'
import type { Session } from './context.js'
import { exitCodes } from './exit-codes.js'
import { groups, operationHelp, programSummary } from './generated/help.js'
import { outputFormats } from './output.js'
import { wholeNumber } from './parse.js'
import { visible } from './text.js'

/** Every command, in the spec's order of operations, each operation's commands in their listed order. */
export const commandModules: readonly CommandModule[] = operationIds.flatMap((id) => modules.filter((module) => module.operation === id))

/** The global options' flags for the client options they set, so a refusal names the flag. */
export const globalFieldFlags: Readonly<Record<string, string>> = { site: '--site', baseUrl: '--base-url', timeoutMs: '--timeout' }

/** Every line of an error starts with the program's name (Commander's start `error: `). */
const prefixed = (text: string) =>
  `${text
    .replace(/\n$/, '')
    .split('\n')
    .map((line) => `ncloud-apigw: ${line.replace(/^error: /, '')}`)
    .join('\n')}\n`

/**
 * The `ncloud-apigw` command tree: a group of commands per tag of the spec (`api-key`,
 * `product`), one or more commands per operation in each (commands/), `help` and `completion`.
 * Commander's own exits become exceptions, so `run` decides every exit code.
 */
export function createProgram(session: Session): Command {
  const { io } = session
  const program: Command = new Command('ncloud-apigw')
    .description(programSummary)
    .version(session.version, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help for a command')
    .helpCommand(false)
    .exitOverride()
    .configureOutput({
      writeOut: (text) => session.stdout.write(text),
      writeErr: (text) => session.stderr.write(text),
      // Its errors quote the command line, which may hold anything: controls made visible, and
      // only its own "(Did you mean ...?)" on a line of its own, each line under the program's name.
      outputError: (text, write) => write(prefixed(visible(text.replace(/\n$/, '')).replaceAll('\\n(Did you mean ', '\n(Did you mean '))),
    })
    .configureHelp({
      sortSubcommands: false,
      // Required flags say so; Commander's help does not.
      optionDescription(option) {
        const text = Help.prototype.optionDescription.call(this, option)
        return option.mandatory ? `${text} (required)` : text
      },
    })
    .showHelpAfterError('ncloud-apigw: add --help for usage and examples')
    .addOption(new Option('--site <site>', "NCP site (default: NCLOUD_SITE, the profile's ncloud_api_url, then public)").choices(Object.keys(sites)))
    .addOption(
      new Option('--base-url <url>', 'base URL up to and including /api/v1; overrides --site (proxies, tests)').argParser((value: string) => {
        // The client's rule, in the CLI's words; never quoted: it may hold a password.
        const problem = baseUrlProblem(value)
        if (problem) program.error(`option '--base-url <url>' must be ${problem.limit}, got ${problem.got}`, { exitCode: exitCodes.usage, code: 'ncloud-apigw.invalidBaseUrl' })
        return value
      }),
    )
    .addOption(
      new Option('--profile <name>', 'section of ~/.ncloud/configure to read credentials from, even when NCLOUD_ACCESS_KEY_ID is set (default: NCLOUD_PROFILE, then DEFAULT)'),
    )
    .addOption(new Option('--output <format>', 'output format').choices(outputFormats).default(io.stdout.isTTY ? 'table' : 'json', 'table on a terminal, else json'))
    .addOption(new Option('--show-secrets', 'print key values (primaryKey, secondaryKey, ...) in full (masked otherwise)'))
    .addOption(new Option('--timeout <ms>', 'per-attempt timeout in milliseconds (default: 30000)').argParser(wholeNumber('30000')))
    .addOption(new Option('--verbose', 'print each attempt, answer, retry and wait, and clock correction on stderr, with statuses and trace IDs'))
    .addOption(new Option('--debug', 'the same as --verbose'))
    .addHelpText(
      'after',
      `
Examples:
  $ ncloud-apigw api-key list --output table
  $ ncloud-apigw api-key create --name ci-bot --description "deploys"
  $ ncloud-apigw --profile prod api-key disable ab12cd34ef
  $ ncloud-apigw help api-key subscribe

Credentials come from NCLOUD_ACCESS_KEY_ID and NCLOUD_SECRET_ACCESS_KEY, else from
~/.ncloud/configure. Exit codes: ${Object.entries(exitCodes)
        .map(([name, code]) => `${code} ${name}`)
        .join(', ')}.`,
    )

  const globalFlags = program.options.flatMap((option) => (option.long === '--version' ? [] : [option.long])).join(', ')
  const globalsPointer = `\nGlobal options (${globalFlags}): ncloud-apigw --help`

  for (const [name, { description }] of Object.entries(groups)) {
    const modules = commandModules.filter((module) => operationHelp[module.operation].group === name)
    if (modules.length === 0) continue
    const group = program
      .command(name)
      .summary(modules.map((module) => module.name).join(', '))
      .description(description)
      .helpCommand(false)
    for (const module of modules) attach(group, module, session).showHelpAfterError(`ncloud-apigw: add --help for usage and examples (ncloud-apigw ${name} ${module.name} --help)`)
    group.addHelpText('after', `\nExamples:\n${modules.map((module) => `  $ ncloud-apigw ${name} ${module.examples[0]}`).join('\n')}`)
  }

  program
    .command('help')
    .summary('show help for a command: help api-key create')
    .description('Show the help of a command, as its --help does.')
    .argument('[command...]', 'the command: a group, or a group and one of its commands')
    .action((path: string[], _options: object, command: Command) => {
      let target = program
      for (const name of path) {
        const next = target.commands.find((sub) => sub.name() === name)
        if (!next) usageError(command, `unknown command '${path.join(' ')}'; the commands are listed by ncloud-apigw --help`)
        target = next!
      }
      target.outputHelp()
    })

  program
    .command('completion')
    .summary('print a shell completion script: completion bash|zsh|fish')
    .description('Print a script that completes ncloud-apigw commands and flags in your shell.')
    .addArgument(new Argument('<shell>', 'the shell').choices(shells))
    .addHelpText(
      'after',
      `
Load it in your shell's start-up file:
  bash (~/.bashrc):                    eval "$(ncloud-apigw completion bash)"
  zsh (~/.zshrc):                      eval "$(ncloud-apigw completion zsh)"
  fish (~/.config/fish/config.fish):   ncloud-apigw completion fish | source`,
    )
    .action((shell: (typeof shells)[number]) => {
      session.stdout.write(completionScript(program, shell))
    })

  for (const command of program.commands) addPointer(command, globalsPointer)
  return program
}

/** Subcommands' help lists their own options and points to the global ones instead of repeating them. */
function addPointer(command: Command, pointer: string): void {
  command.addHelpText('after', pointer)
  for (const sub of command.commands) addPointer(sub, pointer)
}

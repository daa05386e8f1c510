import { describe, lengthLimit, type OperationId, operations, type Schema } from '@ncloud-apigw/operations'
import { type Command, Option } from 'commander'
import type { CommandInput, CommandModule, Flag } from './commands/command.js'
import { confirm } from './confirm.js'
import { CancelledError } from './cancelled.js'
import type { GlobalOptions, Session } from './context.js'
import { exitCodes } from './exit-codes.js'
import { operationHelp } from './generated/help.js'
import { printResult } from './output.js'

/** The schema of a field of an operation's query or body, if it has one. */
export function fieldSchema(operation: OperationId, field: string): Schema | undefined {
  const op = operations[operation] as { query: Readonly<Record<string, Schema>>; body?: Schema }
  return op.query[field] ?? op.body?.properties?.[field]
}

/** The spec's limit for a field, as help states it: `1 to 20 characters`, `an integer of at least 1`; '' when the choices say it. */
function limitOf(schema: Schema | undefined): string {
  const value = schema?.type === 'array' ? schema.items : schema
  if (!value || value.enum) return ''
  return value.type === 'string' ? lengthLimit(value) : describe(value)
}

/** `api-key-id` → `ID of the API key`: what a path parameter is, as help says it. */
function argumentDescription(operation: OperationId, name: string): string {
  const thing = name.replace(/-id$/, '').replaceAll('-', ' ').replace(/^api key/, 'API key')
  const limit = limitOf((operations[operation].pathParams as Readonly<Record<string, Schema>>)[name])
  return `ID of the ${thing}${limit ? `, ${limit}` : ''}`
}

/** The long flag of a Commander flags string: `-y, --yes` → `--yes`, `--status <status...>` → `--status`. */
export const longFlag = (flags: string) => /--[\w-]+/.exec(flags)![0]

/** A flag as Commander's option, its description ending with the spec's limit for its field. */
function optionOf(operation: OperationId, flag: Flag): Option {
  // A flag that takes no value (`--enabled`) sets its field to what its name says.
  const limit = flag.field === undefined || !flag.flags.includes('<') ? '' : limitOf(fieldSchema(operation, flag.field))
  const option = new Option(flag.flags, [flag.description, limit].filter(Boolean).join(', ') + (flag.after ? ` ${flag.after}` : ''))
  if (flag.choices) option.choices(flag.choices)
  if (flag.parse) option.argParser(flag.parse)
  if (flag.conflicts) option.conflicts([...flag.conflicts])
  if (flag.required) option.makeOptionMandatory()
  return option
}

/** The `-y, --yes` of a command that asks first. */
const yesFlag: Flag = { flags: '-y, --yes', description: 'do not ask for confirmation (required when stdin is not a terminal)' }

/** Every flag of a command: its own, then `--yes` when it asks first. */
export const flagsOf = (module: CommandModule): readonly Flag[] => (module.confirms ? [...module.flags, yesFlag] : module.flags)

/** The request field each flag and argument of a command sets: `apiKeyName` → `--name`, `api-key-id` → `<api-key-id>`. */
export function fieldFlags(module: CommandModule): Map<string, string> {
  const map = new Map<string, string[]>()
  for (const name of Object.keys(operations[module.operation].pathParams)) map.set(name, [`<${name}>`])
  for (const flag of module.flags) if (flag.field !== undefined) map.set(flag.field, [...(map.get(flag.field) ?? []), longFlag(flag.flags)])
  return new Map([...map].map(([field, flags]) => [field, flags.join(' or ')]))
}

/** The summary of a command: its own, else its operation's, from the spec. */
const summaryOf = (module: CommandModule) => module.summary ?? operationHelp[module.operation].summary

/**
 * Adds `module` to `group` as a Commander command: its arguments (the operation's path
 * parameters), its flags with their limits, its help (the summary, the method and path, notes
 * and examples), and an action that runs it and prints what it did.
 */
export function attach(group: Command, module: CommandModule, session: Session): Command {
  const { method, path, pathParams } = operations[module.operation]
  const summary = summaryOf(module)
  const command = group
    .command(module.name)
    .summary(summary)
    .description(`${summary} (${method} ${path})${module.description ? `: ${module.description}` : ''}`)
  for (const name of Object.keys(pathParams)) command.argument(`<${name}>`, argumentDescription(module.operation, name))
  for (const flag of flagsOf(module)) command.addOption(optionOf(module.operation, flag))
  const asks = module.confirms ? 'Without --yes, asks for confirmation on a terminal and refuses (exit code 2) elsewhere.' : ''
  const examples = module.examples.map((line) => `  $ ncloud-apigw ${group.name()} ${line}`).join('\n')
  command.addHelpText('after', `\n${[module.notes, asks].filter(Boolean).join('\n')}${module.notes || asks ? '\n\n' : ''}Examples:\n${examples}`)

  command.action(async (...given: unknown[]) => {
    const options = given.at(-2) as Record<string, unknown>
    session.options = command.optsWithGlobals<GlobalOptions>()
    session.running = module
    const result = await module.run(inputFor(command, given.slice(0, -2) as string[], options, session))
    session.result = result
    await printResult(result, session.options, session.stdout, session.stderr)
  })
  return command
}

/** A usage error on `command` (exit code 2): its message, then where to find its help. */
export function usageError(command: Command, message: string): never {
  command.error(message, { exitCode: exitCodes.usage, code: 'ncloud-apigw.usage' })
  // Commander's error() ends by throwing, the program overriding its exits.
  throw new Error('unreachable')
}

function inputFor(command: Command, args: readonly string[], options: Readonly<Record<string, unknown>>, session: Session): CommandInput {
  const usage = (message: string) => usageError(command, message)
  return {
    args,
    options,
    client: () => session.client(),
    oneOf(choices) {
      const given = Object.keys(choices).find((name) => options[name])
      if (given === undefined) usage(`pass one of ${Object.keys(choices).map((name) => `--${name}`).join(' or ')}`)
      return choices[given!]!
    },
    async confirm({ refusal, question }) {
      if (options.yes) return
      if (!session.io.stdin.isTTY) usage(`${refusal}; pass --yes to confirm (stdin is not a terminal, so it cannot be asked)`)
      if (!(await confirm(question, { input: session.io.stdin, output: session.stderr }))) throw new CancelledError()
    },
    usage,
  }
}

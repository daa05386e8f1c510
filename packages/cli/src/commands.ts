import type { ApiKeySummary, KeyType } from '@ncloud-apigw/client'
import { describe, lengthLimit, type OperationId, operations } from '@ncloud-apigw/operations'
import { type Command, Option } from 'commander'
import { formatApiKeyTable, formatJson } from './format-api-key.js'
import { maskList } from './mask.js'
import { wholeNumber } from './parse.js'
import type { Context } from './context.js'
import { quoteId } from './text.js'

/** One `api-key` subcommand: what it is called, an example for the group's help, and how it is built. */
export interface CommandDefinition {
  readonly name: string
  /** The command line after `ncloud-apigw api-key`, shown in `ncloud-apigw api-key --help`. */
  readonly example: string
  define(group: Command, context: Context): void
}

/** `GET /api-keys/{api-key-id}`: how an operation is called, from the table. */
const route = (id: OperationId) => `${operations[id].method} ${operations[id].path}`

// Every limit a help text states is the spec's, read from the generated table.
const { listApiKeys, createApiKey, updateApiKey } = operations
const limits = {
  listName: lengthLimit(listApiKeys.query.apiKeyName),
  limit: describe(listApiKeys.query.limit),
  offset: describe(listApiKeys.query.offset),
  createName: lengthLimit(createApiKey.body.properties.apiKeyName),
  createDescription: lengthLimit(createApiKey.body.properties.apiKeyDescription),
  updateName: lengthLimit(updateApiKey.body.properties.apiKeyName),
  updateDescription: lengthLimit(updateApiKey.body.properties.apiKeyDescription),
}

const examples = (...lines: string[]) => `\nExamples:\n${lines.map((line) => `  $ ncloud-apigw api-key ${line}`).join('\n')}`

interface ListOptions {
  name?: string
  limit?: number
  offset?: number
  all?: boolean
}

/**
 * One command per operation of the spec. The `satisfies` clause makes an operation added to the
 * spec (and so to the generated table) a compile error here until it has a command.
 */
export const commands = {
  listApiKeys: {
    name: 'list',
    example: 'list --name ci --output table',
    define(group, context) {
      group
        .command('list')
        .description(`list API keys, one page or every page (${route('listApiKeys')}); the list holds no key values, get a key to read them`)
        .option('--name <text>', `only keys whose name matches this text (as the API matches it), ${limits.listName}`)
        .addOption(new Option('--limit <n>', `at most this many keys on the page, ${limits.limit} (default: the API's)`).argParser(wholeNumber('20')).conflicts('all'))
        .addOption(new Option('--offset <n>', `skip this many matching keys first, ${limits.offset} (default: the API's)`).argParser(wholeNumber('20')).conflicts('all'))
        .addOption(new Option('--all', 'walk every page and list every matching key'))
        .addHelpText(
          'after',
          `
As JSON: one page as the API answers it, {"apiKeys": [...], "total": n, "initialCount": n}, where
total counts the matching keys on all pages; with --all, {"apiKeys": [...], "total": n}, every
matching key and their number. As a table: a row per key; how many there are goes to stderr.
${examples('list', 'list --name ci-bot --limit 20 --offset 20 --output table', 'list --all | jq -r \'.apiKeys[] | select(.isEnabled | not) | .apiKeyId\'')}`,
        )
        .action(async (options: ListOptions, command: Command) => {
          const global = context.globals(command)
          const client = context.client(command)
          const filter = options.name === undefined ? {} : { apiKeyName: options.name }
          let list: { apiKeys: ApiKeySummary[]; total: number; initialCount?: number }
          if (options.all) {
            const apiKeys: ApiKeySummary[] = []
            for await (const key of client.paginateApiKeys(filter)) apiKeys.push(key)
            list = { apiKeys, total: apiKeys.length }
          } else {
            const query = { ...filter, ...(options.offset !== undefined && { offset: options.offset }), ...(options.limit !== undefined && { limit: options.limit }) }
            list = await client.listApiKeys(query)
          }
          const shown = global.showSecrets ? list : maskList(list)
          if (global.output === 'json') {
            context.io.stdout.write(formatJson(shown))
            return
          }
          context.io.stdout.write(formatApiKeyTable(shown.apiKeys))
          const count = shown.apiKeys.length
          const keys = (n: number) => `${n} API key${n === 1 ? '' : 's'}`
          const next = (options.offset ?? 0) + count
          const more = !options.all && count > 0 && next < list.total ? `; --offset ${next} for the next page, --all for every one` : ''
          const whole = options.all || ((options.offset ?? 0) === 0 && count === list.total)
          context.io.stderr.write(`(${keys(count)}${whole ? '' : ` of ${list.total}`}${more})\n`)
        })
    },
  },

  createApiKey: {
    name: 'create',
    example: 'create --name ci-bot',
    define(group, context) {
      group
        .command('create')
        .description(`create an API key (${route('createApiKey')}); it starts enabled, with fresh primary and secondary keys`)
        .requiredOption('--name <name>', `name of the API key, ${limits.createName}`)
        .option('--description <text>', `description, ${limits.createDescription}`)
        .addHelpText(
          'after',
          examples('create --name ci-bot', 'create --name ci-bot --description "deploys" --output table', 'create --name ci-bot --show-secrets | jq -r .primaryKey'),
        )
        .action(async (options: { name: string; description?: string }, command: Command) => {
          const body = { apiKeyName: options.name, ...(options.description !== undefined && { apiKeyDescription: options.description }) }
          context.print(await context.client(command).createApiKey(body), command)
        })
    },
  },

  getApiKey: {
    name: 'get',
    example: 'get ab12cd34ef',
    define(group, context) {
      group
        .command('get')
        .description(`show an API key with its values (${route('getApiKey')})`)
        .argument('<api-key-id>', 'ID of the API key')
        .addHelpText('after', examples('get ab12cd34ef', 'get ab12cd34ef --output json | jq .isEnabled', 'get ab12cd34ef --show-secrets --profile prod'))
        .action(async (id: string, _options: object, command: Command) => {
          context.print(await context.client(command).getApiKey(id), command)
        })
    },
  },

  updateApiKey: {
    name: 'update',
    example: 'update ab12cd34ef --name ci-bot --enabled',
    define(group, context) {
      group
        .command('update')
        .description(`set the name, state and description of an API key (${route('updateApiKey')}); the API replaces all three, so give --description to keep one`)
        .argument('<api-key-id>', 'ID of the API key')
        .requiredOption('--name <name>', `name of the API key, ${limits.updateName} (give the current one to keep it)`)
        .addOption(new Option('--enabled', 'enable the key').conflicts('disabled'))
        .addOption(new Option('--disabled', 'disable the key: calls sending it are refused').conflicts('enabled'))
        .option('--description <text>', `description, ${limits.updateDescription}; left out, none is sent`)
        .addHelpText(
          'after',
          `
One of --enabled and --disabled is required.
${examples('update ab12cd34ef --name ci-bot --disabled', 'update ab12cd34ef --name ci-bot --enabled --description "deploys"')}`,
        )
        .action(async (id: string, options: { name: string; description?: string }, command: Command) => {
          const isEnabled = context.oneOf(command, { enabled: true, disabled: false })
          const body = { apiKeyName: options.name, isEnabled, ...(options.description !== undefined && { apiKeyDescription: options.description }) }
          context.print(await context.client(command).updateApiKey(id, body), command)
        })
    },
  },

  deleteApiKey: {
    name: 'delete',
    example: 'delete ab12cd34ef --yes',
    define(group, context) {
      group
        .command('delete')
        .description(`delete an API key (${route('deleteApiKey')}); callers still sending its values are refused, and it cannot be undone`)
        .argument('<api-key-id>', 'ID of the API key')
        .option('-y, --yes', 'do not ask for confirmation (required when stdin is not a terminal)')
        .addHelpText(
          'after',
          `
Without --yes, asks for confirmation on a terminal and refuses (exit code 2) elsewhere.
Prints {"apiKeyId": "...", "deleted": true} as JSON, a line saying so as a table.
${examples('delete ab12cd34ef', 'delete ab12cd34ef --yes --output json')}`,
        )
        .action(async (id: string, options: { yes?: boolean }, command: Command) => {
          const global = context.globals(command)
          // Created first, so missing credentials fail before the question is asked.
          const client = context.client(command)
          await context.confirmFirst(command, options.yes, {
            refusal: `delete removes the API key ${quoteId(id)} for good`,
            question: `Delete the API key ${quoteId(id)}? Callers still sending its values will be refused, and it cannot be undone.`,
          })
          await client.deleteApiKey(id)
          context.io.stdout.write(global.output === 'json' ? formatJson({ apiKeyId: id, deleted: true }) : `Deleted the API key ${quoteId(id)}.\n`)
        })
    },
  },

  regenerateApiKey: {
    name: 'regenerate',
    example: 'regenerate ab12cd34ef --secondary --yes',
    define(group, context) {
      group
        .command('regenerate')
        .description(
          `replace the primary or the secondary key value of an API key (${route('regenerateApiKey')}); callers still sending the old value are refused`,
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
${examples('regenerate ab12cd34ef --primary', 'regenerate ab12cd34ef --secondary --yes --show-secrets --output json')}`,
        )
        .action(async (id: string, options: { yes?: boolean }, command: Command) => {
          const keyType = context.oneOf<KeyType>(command, { primary: 'PRIMARY', secondary: 'SECONDARY' })
          // Created first, so missing credentials fail before the question is asked.
          const client = context.client(command)
          await context.confirmFirst(command, options.yes, {
            refusal: `regenerate invalidates the current ${keyType} key of ${quoteId(id)}`,
            question: `Regenerate the ${keyType} key of API key ${quoteId(id)}? Callers still sending the current value will be refused.`,
          })
          context.print(await client.regenerateApiKey(id, keyType), command)
        })
    },
  },
} satisfies Record<OperationId, CommandDefinition>

import type { ApiKeyClient } from '@ncloud-apigw/client'
import type { OperationId } from '@ncloud-apigw/operations'

/**
 * A flag of one command, with the request field it sets: a refusal of that field (a name too
 * long, a product ID missing) then names the flag, and its help states the spec's limit for it.
 */
export interface Flag {
  /** As Commander takes it: `--product <product-id>`, `--all`, `--status <status...>`. */
  readonly flags: string
  /** What it does, in lower case; the field's limit from the spec is appended. */
  readonly description: string
  /** The field of the operation's query or body that it sets (`productId`). */
  readonly field?: string
  /** Must be given; `(required)` in the help. */
  readonly required?: boolean
  /** The values it takes (a usage error otherwise); from the spec's enum where there is one. */
  readonly choices?: readonly string[]
  /** Other flags it cannot be given with, by their names (`all`, `disabled`). */
  readonly conflicts?: readonly string[]
  /** Turns the text given into the value (a whole number...); throws Commander's InvalidArgumentError. */
  readonly parse?: (value: string) => unknown
  /** Said after the limit: `(default: the API's)`. */
  readonly after?: string
}

/** What a command's `run` is given. */
export interface CommandInput {
  /** The operation's path parameters in the path's order (`api-key-id`, ...), as typed. */
  readonly args: readonly string[]
  /** The command's own flags, by Commander's names for them (`product`, `all`, `keyValue`). */
  readonly options: Readonly<Record<string, unknown>>
  /** A client for the global options; throws the credentials error before anything is asked or sent. */
  client(): ApiKeyClient
  /**
   * Unless `--yes`: asks `question` on a terminal (no cancels, exit code 7), and refuses with a
   * usage error saying `refusal` when stdin is no terminal, so nothing is sent either way.
   */
  confirm(prompt: { readonly refusal: string; readonly question: string }): Promise<void>
  /** The one flag given of several that exclude each other; a usage error if none is. */
  oneOf<T>(choices: Readonly<Record<string, T>>): T
  /** A usage error (exit code 2): the command line cannot be run. */
  usage(message: string): never
}

/** A page of items, one page or all of them, and what a table of them shows. */
export interface PageResult {
  readonly kind: 'page'
  /** The page as the API answered it; with `--all`, `{ [items]: every item, total: their number }`. */
  readonly value: Readonly<Record<string, unknown>>
  /** The property holding the items (`apiKeys`, `content`): the table's `page.items`. */
  readonly items: string
  /** The table's columns, one row per item. */
  readonly columns: readonly string[]
  /** The items as a count names them: `['API key', 'API keys']`. */
  readonly noun: readonly [one: string, many: string]
  /** Where the page started (`--offset`), or `'all'`. */
  readonly from: number | 'all'
}

/** What a command did, printed by output.ts: as JSON in scripts, as a table for people. */
export type Result =
  /** One object (an API key): as JSON, or as `field  value` lines, the fields in `order` first. */
  | { readonly kind: 'record'; readonly value: object; readonly order: readonly string[] }
  | PageResult
  /** An operation that answers no body: what was done, as JSON and as a sentence. */
  | { readonly kind: 'done'; readonly json: object; readonly text: string }

/**
 * One command of `ncloud-apigw`: the operation it calls, its name, its flags and what it prints.
 * Its group is its operation's tag, its arguments are the operation's path parameters (in the
 * path's order), and its summary is the spec's unless it says its own.
 */
export interface CommandModule {
  readonly operation: OperationId
  readonly name: string
  /** Where one operation makes several commands (`approve`, `reject`), each says its own. */
  readonly summary?: string
  /** What the spec's summary leaves out, for the command's description. */
  readonly description?: string
  readonly flags: readonly Flag[]
  /** The operation's request fields the command sets itself, with no flag (`status` for `approve`). */
  readonly sets?: readonly string[]
  /** Takes `-y, --yes` and asks first: what it does cannot be undone or breaks callers. */
  readonly confirms?: boolean
  /** Command lines after `ncloud-apigw <group> `; the first is the group help's example. */
  readonly examples: readonly string[]
  /** Help text between the options and the examples. */
  readonly notes?: string
  run(input: CommandInput): Promise<Result>
}

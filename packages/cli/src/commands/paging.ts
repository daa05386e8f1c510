import { type OperationId, operations } from '@ncloud-apigw/operations'
import { wholeNumber } from '../parse.js'
import type { CommandInput, Flag, PageResult } from './command.js'

/** An operation that answers a page, walked by `offset` and `limit`. */
export type PageOperationId = { [K in OperationId]: (typeof operations)[K]['page'] extends undefined ? never : K }[OperationId]

/** `--limit` and `--offset` for one page, `--all` for every page (through the client's paginator). */
export function pageFlags(items: string): readonly Flag[] {
  return [
    { flags: '--limit <n>', description: `at most this many ${items} on the page`, field: 'limit', parse: wholeNumber('20'), conflicts: ['all'], after: "(default: the API's)" },
    { flags: '--offset <n>', description: `skip this many matching ${items} first`, field: 'offset', parse: wholeNumber('20'), conflicts: ['all'], after: "(default: the API's)" },
    { flags: '--all', description: `walk every page and print every matching one of the ${items}` },
  ]
}

/** What a page command shows of its items. */
export interface PageView {
  readonly columns: readonly string[]
  readonly noun: readonly [one: string, many: string]
}

/** How a page command reads: one page through the operation's method, or every item through its paginator. */
export interface PageReaders {
  one(window: { offset?: number; limit?: number }): Promise<object>
  every(): AsyncIterable<unknown>
}

/**
 * One page (`--limit`, `--offset`), as the API answered it, or with `--all` every item, as
 * `{ [items]: [...], total: n }`: the page's own shape, so a script reads both alike.
 */
export async function readPage(input: CommandInput, operation: PageOperationId, view: PageView, read: PageReaders): Promise<PageResult> {
  const { items } = operations[operation].page
  const { all, offset, limit } = input.options as { all?: boolean; offset?: number; limit?: number }
  if (all) {
    const every: unknown[] = []
    for await (const item of read.every()) every.push(item)
    return { kind: 'page', value: { [items]: every, total: every.length }, items, ...view, from: 'all' }
  }
  const window = { ...(offset !== undefined && { offset }), ...(limit !== undefined && { limit }) }
  return { kind: 'page', value: (await read.one(window)) as Record<string, unknown>, items, ...view, from: offset ?? 0 }
}

import { type Operation, problems, type RequestParts } from '@ncloud-apigw/operations'
import { NcpApiError, NcpValidationError } from './errors.js'
import type { CallOptions } from './options.js'

const DEFAULT_PAGE_SIZE = 100

/** The table's page of an operation: where its items and total are, and where offset and limit go. */
interface PageShape {
  /** The paginator's name (`paginateApiKeys`), for its errors. */
  readonly paginator: string
  readonly items: string
  readonly total: string
  readonly in: 'query' | 'body'
}

/** What a paginator takes, as a person lists it: its operation's query or body fields but offset and limit, then pageSize. */
function takes(op: Operation, page: PageShape): string {
  const fields = page.in === 'query' ? op.query : ((op.body as { properties?: object } | undefined)?.properties ?? {})
  const names = [...Object.keys(fields).filter((name) => name !== 'offset' && name !== 'limit'), 'pageSize']
  return names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : names[0]!
}

/**
 * What tells two items apart: their `...Id` fields, which every item of NCP's pages carries (a
 * key's `apiKeyId`, a product's `productId`, a stage's `apiId` and `stageId`); the whole item
 * where it has none.
 */
function identity(item: unknown): string {
  const fields = item !== null && typeof item === 'object' ? Object.entries(item).filter(([name]) => /Id$/.test(name)) : []
  return JSON.stringify(fields.length > 0 ? fields : item)
}

/**
 * Every item of a page operation, asking for one page after another by `offset`. Bounded by the
 * `total` the first page announces, so a server that keeps answering cannot keep it going; a
 * page with no item not already given, before that total, means the server ignores `offset`: it
 * fails rather than loop or quietly stop short. An empty page ends it (a total that lied high).
 *
 * `send` is the operation's call with its request parts; `pathParams` and `query` (the query or
 * the body, without offset and limit, with `pageSize`) are the paginator's arguments.
 */
export async function* paginate(
  send: (parts: RequestParts, options?: CallOptions) => Promise<unknown>,
  op: Operation,
  pathParams: Record<string, unknown>,
  query: Record<string, unknown> = {},
  options?: CallOptions,
): AsyncGenerator<unknown, void, undefined> {
  const operation = op.id
  const page = op.page as PageShape | undefined
  if (!page) throw new TypeError(`${operation} answers no page`)
  const { paginator } = page
  const { pageSize = DEFAULT_PAGE_SIZE, ...rest } = query
  // pageSize is sent as limit: held to limit's rule, named as the caller wrote it.
  const limitRule = page.in === 'query' ? (op.query as Record<string, never>).limit : (op.body as { properties: Record<string, never> } | undefined)?.properties.limit
  const [wrong] = limitRule ? problems(limitRule, pageSize, 'pageSize') : []
  if (wrong) throw new NcpValidationError(wrong, paginator)
  for (const name of ['offset', 'limit']) {
    if (Object.hasOwn(rest, name)) throw new NcpValidationError({ field: name, limit: `absent: ${paginator} takes ${takes(op, page)}` }, paginator)
  }
  const seen = new Set<string>()
  let total = Infinity
  for (let offset = 0; seen.size < total; ) {
    const asked = { ...rest, offset, limit: pageSize }
    const value = (await send({ pathParams, [page.in]: asked }, options)) as Record<string, unknown>
    const items = value[page.items] as unknown[]
    if (offset === 0) total = value[page.total] as number
    if (items.length === 0) return
    const before = seen.size
    for (const item of items) {
      const id = identity(item)
      if (seen.has(id) || seen.size >= total) continue
      seen.add(id)
      yield item
    }
    if (seen.size === before && seen.size < total) {
      throw new NcpApiError(
        { operation, status: 200, retryable: false },
        `with only items already listed at offset ${offset} (${seen.size} of ${total} so far), so the server seems to ignore offset`,
        `Stopped rather than loop; check the base URL and any proxy in between, or read the pages with ${operation}.`,
      )
    }
    offset += items.length
  }
}

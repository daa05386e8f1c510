import { operations, problems } from '@ncloud-apigw/operations'
import type { ApiKeyPage, ApiKeySummary, ListApiKeysQuery } from '@ncloud-apigw/types'
import { NcpApiError, NcpValidationError } from './errors.js'
import type { CallOptions, PaginateQuery } from './options.js'

const DEFAULT_PAGE_SIZE = 100

/**
 * Every key across pages, asking `listApiKeys` for one page after another by `offset`. Bounded
 * by the `total` the first page announces, so a server that keeps answering cannot keep it going;
 * a page with no key not already given, before that total, means the server ignores `offset`:
 * it fails rather than loop or quietly stop short. An empty page ends it (a total that lied high).
 */
export async function* paginate(
  list: (query: ListApiKeysQuery, options?: CallOptions) => Promise<ApiKeyPage>,
  query: PaginateQuery = {},
  options?: CallOptions,
): AsyncGenerator<ApiKeySummary, void, undefined> {
  const { apiKeyName, pageSize = DEFAULT_PAGE_SIZE, ...unknown } = query
  // pageSize is sent as limit: held to limit's rule, named as the caller wrote it.
  const [wrong] = problems(operations.listApiKeys.query.limit, pageSize, 'pageSize')
  const extra = Object.keys(unknown)[0]
  if (wrong || extra !== undefined) {
    throw new NcpValidationError(wrong ?? { field: extra!, limit: 'absent: paginateApiKeys takes apiKeyName and pageSize' }, 'paginateApiKeys')
  }
  const seen = new Set<string>()
  let total = Infinity
  for (let offset = 0; seen.size < total; ) {
    const page = await list({ offset, limit: pageSize, ...(apiKeyName !== undefined && { apiKeyName }) }, options)
    if (offset === 0) total = page.total
    if (page.apiKeys.length === 0) return
    const before = seen.size
    for (const key of page.apiKeys) {
      if (seen.has(key.apiKeyId) || seen.size >= total) continue
      seen.add(key.apiKeyId)
      yield key
    }
    if (seen.size === before && seen.size < total) {
      throw new NcpApiError(
        { operation: 'listApiKeys', status: 200, retryable: false },
        `with only keys already listed at offset ${offset} (${seen.size} of ${total} so far), so the server seems to ignore offset`,
        'Stopped rather than loop; check the base URL and any proxy in between, or list the pages with listApiKeys.',
      )
    }
    offset += page.apiKeys.length
  }
}

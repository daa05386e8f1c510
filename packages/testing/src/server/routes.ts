import { matchOperation, operationIds, operations, type Route } from '@ncloud-apigw/operations'

/** The base path of every server the spec lists. */
export const BASE_PATH = '/api/v1'

/** Refuses a base path that could not prefix the spec's paths. */
export function checkBasePath(basePath: string): void {
  if (basePath !== '' && !/^(\/[^/?#]+)+$/.test(basePath)) {
    throw new RangeError(`basePath must be '' or start with '/' and not end with '/', got ${JSON.stringify(basePath)}`)
  }
}

/** A request target split at its first `?`: the path and the raw query, both as received. */
export function splitTarget(pathWithQuery: string): { path: string; query: string } {
  const at = pathWithQuery.indexOf('?')
  return at === -1 ? { path: pathWithQuery, query: '' } : { path: pathWithQuery.slice(0, at), query: pathWithQuery.slice(at + 1) }
}

/**
 * The operation for a method and a request target as received, below `basePath`. The matching
 * itself is the shared table's (`matchOperation`): a path parameter is exactly one non-empty
 * segment, so an encoded `/` (`%2F`) stays inside it; anything the spec does not describe
 * (another method, a trailing slash, an extra segment) has no route.
 */
export function route(method: string, pathWithQuery: string, basePath: string): Route | undefined {
  const { path } = splitTarget(pathWithQuery)
  if (!path.startsWith(`${basePath}/`)) return undefined
  return matchOperation(method, path.slice(basePath.length))
}

/** The routes of the API in words, for the details of a 404: `GET, POST /api/v1/api-keys and ...`. */
export function routeList(basePath: string): string {
  const byPath = new Map<string, string[]>()
  for (const id of operationIds) {
    const { method, path } = operations[id]
    byPath.set(path, [...(byPath.get(path) ?? []), method])
  }
  return [...byPath].map(([path, methods]) => `${methods.join(', ')} ${basePath}${path}`).join(' and ')
}

/**
 * The path parameters decoded once, and the names of those that are not valid percent-encoded
 * UTF-8 (left out of `params`).
 */
export function decodeParams(raw: Readonly<Record<string, string>>): { params: Record<string, string>; undecodable: string[] } {
  const params: Record<string, string> = {}
  const undecodable: string[] = []
  for (const [name, segment] of Object.entries(raw)) {
    try {
      params[name] = decodeURIComponent(segment)
    } catch {
      undecodable.push(name)
    }
  }
  return { params, undecodable }
}

import { operations, type OperationId } from './generated/limits.js'

export type { OperationId }

/** The base path of every server the spec lists. */
export const BASE_PATH = '/api/v1'

/** Refuses a base path that could not prefix the spec's paths. */
export function checkBasePath(basePath: string): void {
  if (basePath !== '' && !/^(\/[^/?#]+)+$/.test(basePath)) {
    throw new RangeError(`basePath must be '' or start with '/' and not end with '/', got ${JSON.stringify(basePath)}`)
  }
}

export type Route =
  | {
      readonly operationId: OperationId
      /** Path parameters as received, still percent-encoded. */
      readonly rawParams: Readonly<Record<string, string>>
    }
  | undefined

const table = Object.entries(operations).map(([operationId, op]) => ({
  operationId: operationId as OperationId,
  method: op.method as string,
  segments: op.path.split('/').slice(1),
}))

/**
 * Finds the operation for a method and a request target as received. A path parameter matches
 * exactly one non-empty segment, so an encoded `/` (`%2F`) stays inside the id; anything the spec
 * does not describe (another method, a trailing slash, an extra segment) has no route.
 */
export function route(method: string, pathWithQuery: string, basePath = BASE_PATH): Route {
  const query = pathWithQuery.indexOf('?')
  const path = query === -1 ? pathWithQuery : pathWithQuery.slice(0, query)
  if (!path.startsWith(`${basePath}/`)) return undefined
  const segments = path.slice(basePath.length + 1).split('/')
  for (const entry of table) {
    if (entry.method !== method || entry.segments.length !== segments.length) continue
    const rawParams: Record<string, string> = {}
    const matched = entry.segments.every((want, i) => {
      const got = segments[i] as string
      const name = /^\{(.+)\}$/.exec(want)?.[1]
      if (name === undefined) return want === got
      rawParams[name] = got
      return got !== ''
    })
    if (matched) return { operationId: entry.operationId, rawParams }
  }
  return undefined
}

/** Decodes a path segment once; `undefined` when it is not valid percent-encoded UTF-8. */
export function decodeSegment(raw: string): string | undefined {
  try {
    return decodeURIComponent(raw)
  } catch {
    return undefined
  }
}

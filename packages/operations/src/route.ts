import { type OperationId, operations } from './generated/operations.js'

export interface Route {
  readonly operationId: OperationId
  /** Path parameters as they appear in the path, still percent-encoded. */
  readonly rawParams: Readonly<Record<string, string>>
}

// Made on first use, so that a program that never routes does not keep the whole table.
let table: { operationId: OperationId; method: string; segments: string[] }[] | undefined
const routes = () =>
  (table ??= (Object.keys(operations) as OperationId[]).map((operationId) => ({
    operationId,
    method: operations[operationId].method as string,
    segments: operations[operationId].path.split('/').slice(1),
  })))

/**
 * The operation a method and a path (relative to the base path, without the query) name. A path
 * parameter matches exactly one non-empty segment, so an encoded `/` (`%2F`) stays inside it;
 * anything the spec does not describe (another method, a trailing slash, an extra segment) has no
 * operation. Used by the fake to route and by the client's raw adapter to name what it sends.
 */
export function matchOperation(method: string, path: string): Route | undefined {
  const segments = path.split('/').slice(1)
  for (const entry of routes()) {
    if (entry.method !== method || entry.segments.length !== segments.length || !path.startsWith('/')) continue
    const rawParams: Record<string, string> = {}
    const matched = entry.segments.every((want, i) => {
      const got = segments[i]!
      const name = /^\{(.+)\}$/.exec(want)?.[1]
      if (name === undefined) return want === got
      rawParams[name] = got
      return got !== ''
    })
    if (matched) return { operationId: entry.operationId, rawParams }
  }
  return undefined
}

import { type OperationId, operations } from './generated/limits.js'

const table = Object.entries(operations).map(([id, op]) => ({ id: id as OperationId, method: op.method as string, segments: op.path.split('/') }))

/**
 * Names the operation a request URL and method belong to, from the spec's paths, so network
 * errors and log lines carry it whichever way the call was made (high-level method or raw).
 */
export function operationFinder(baseUrl: string): (method: string, url: string) => OperationId | undefined {
  const base = new URL(baseUrl).href.replace(/\/$/, '')
  return (method, url) => {
    if (!url.startsWith(base)) return undefined
    const segments = url.slice(base.length).split(/[?#]/, 1)[0]!.split('/')
    for (const op of table) {
      if (
        op.method === method &&
        op.segments.length === segments.length &&
        op.segments.every((s, i) => s.startsWith('{') || s === segments[i])
      )
        return op.id
    }
    return undefined
  }
}

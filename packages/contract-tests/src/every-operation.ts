import { createApiKeyClient, createRawClient, type Credentials } from '@ncloud-apigw/client'
import { exampleRequests, type OperationId, operations } from '@ncloud-apigw/operations'
import { violationRecorder } from './violations.js'

/** What one operation's example request came to. */
export interface ExampleOutcome {
  operation: OperationId
  status: number
  /** The answer's body as the typed raw client read it. */
  data: unknown
  /** What Prism found wrong with the request or the answer, if anything. */
  violations: unknown[]
}

/**
 * Sends the spec's example request of `operation` (its every parameter's example and its body's)
 * through the typed raw client of `baseUrl`: signed and sent like every call, by the table's
 * method and path, so nothing here names an operation.
 */
export async function sendExample(baseUrl: string, credentials: Credentials, operation: OperationId): Promise<ExampleOutcome> {
  const recorder = violationRecorder()
  const raw = createRawClient(createApiKeyClient({ baseUrl, credentials, fetch: recorder.fetch, maxAttempts: 1 }))
  const { method, path } = operations[operation]
  const { pathParams, query, body } = exampleRequests[operation] as { pathParams: object; query?: object; body?: object }
  const request = raw.request as (method: string, path: string, init: object) => Promise<{ data?: unknown; response: Response }>
  const { data, response } = await request(method.toLowerCase(), path, { params: { path: pathParams, ...(query && { query }) }, ...(body && { body }) })
  return { operation, status: response.status, data, violations: recorder.violations }
}

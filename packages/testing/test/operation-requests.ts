// One valid request per operation of the table, for tests that run over every operation. A
// `Record<OperationId, ...>`: an operation added to the spec fails the tests' build until it has one.
import { operationIds, operations, type OperationId } from '@ncloud-apigw/operations'

export { operationIds, operations, type OperationId }

/** A body each operation accepts (`undefined` for one without a body). */
export const validBodies = {
  listApiKeys: undefined,
  createApiKey: { apiKeyName: 'ci-bot', apiKeyDescription: 'deploys' },
  getApiKey: undefined,
  updateApiKey: { apiKeyName: 'renamed', isEnabled: false },
  deleteApiKey: undefined,
  regenerateApiKey: { keyType: 'SECONDARY' },
} satisfies Record<OperationId, unknown>

/** Whether the operation names a key in its path. */
export const namesKey = (id: OperationId): boolean => Object.hasOwn(operations[id].pathParams, 'api-key-id')

/** The operations that name a key in their path: get, update, delete, regenerate. */
export const keyOperationIds = operationIds.filter(namesKey)

/** The path of the operation below the base path, with `apiKeyId` percent-encoded into it. */
export function pathOf(id: OperationId, apiKeyId = ''): string {
  return operations[id].path.replace('{api-key-id}', encodeURIComponent(apiKeyId))
}

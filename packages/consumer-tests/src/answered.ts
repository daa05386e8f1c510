import { type OperationId, operations } from '@ncloud-apigw/operations'

/**
 * A request the fake API Gateway recorded, as the lifecycle tests expect it: validly signed and
 * answered with its operation's success status from the table (201 for create, 204 for
 * delete), or with `status` (404 for a key that is not there).
 */
export const answered = (operationId: OperationId, status: number = operations[operationId].success) => ({
  method: operations[operationId].method,
  operationId,
  status,
  signatureValid: true,
})

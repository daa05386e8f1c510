import type { NcpErrorBody } from '@ncloud-apigw/types'
import { documentedErrors } from '@ncloud-apigw/operations'

/** NCP's Unexpected Error pair, used for statuses the spec does not document (such as 502). */
const fallback = { errorCode: '900', message: 'Unexpected Error' } as const

/**
 * NCP's error body for `status`, with the errorCode and message the spec documents for it.
 * `errorCode` picks one of several codes of a status (429 has 400, 410 and 420); a code the spec
 * does not document for that status keeps the status's default message.
 */
export function ncpErrorBody(status: number, options: { errorCode?: string; details?: string } = {}): NcpErrorBody {
  const ofStatus = documentedErrors.filter((e) => e.status === status)
  const pair = ofStatus.find((e) => e.errorCode === options.errorCode) ?? ofStatus[0] ?? fallback
  const error: NcpErrorBody['error'] = { errorCode: options.errorCode ?? pair.errorCode, message: pair.message }
  if (options.details !== undefined) error.details = options.details
  return { error }
}

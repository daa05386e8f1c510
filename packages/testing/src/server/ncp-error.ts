import type { NcpErrorBody } from '@ncloud-apigw/types'
import { documentedErrors } from '@ncloud-apigw/operations'
import type { FakeResponse } from '../types.js'

/** NCP's Unexpected Error pair, used for statuses the spec does not document (such as 502). */
const fallback = { errorCode: '900', message: 'Unexpected Error' } as const

/** How NCP labels its JSON answers. */
export const JSON_TYPE = 'application/json;charset=UTF-8'

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

export function jsonResponse(status: number, body: unknown): FakeResponse {
  return { status, headers: { 'content-type': JSON_TYPE }, body }
}

/** NCP's error answer for `status`, saying what went wrong in `details`. */
export function errorResponse(status: number, details: string): FakeResponse {
  return jsonResponse(status, ncpErrorBody(status, { details }))
}

import { operationIds, operations } from '@ncloud-apigw/operations'
import { firstLine, headerProblem, serialize } from '../server/write.js'
import type { Fault } from '../types.js'

const malformedBodies = ['html', 'truncated-json', 'not-json', 'empty'] as const
/** The longest a timer can wait: Node fires a longer one after about 1 ms. */
const MAX_DELAY_MS = 2 ** 31 - 1

function refuse(message: string): never {
  throw new RangeError(`injectFault: ${message}`)
}

function checkStatus(status: unknown): void {
  if (!Number.isInteger(status) || (status as number) < 100 || (status as number) > 599) {
    refuse(`status must be an integer from 100 to 599, got ${String(status)}`)
  }
}

function checkBytes(bytes: unknown): void {
  if (bytes !== undefined && (!Number.isSafeInteger(bytes) || (bytes as number) < 0)) {
    refuse(`bytes must be a non-negative integer, got ${String(bytes)}`)
  }
}

/** node:http would refuse such a header only when answering: refuse it here, where the test can see why. */
function checkHeader(where: string, name: string, value: unknown): void {
  const problem = headerProblem(name, value)
  if (problem !== undefined) refuse(`${where} cannot be sent over HTTP (${problem}); a raw socket server can send what HTTP forbids`)
}

function checkStatusFault(fault: Extract<Fault, { kind: 'status' }>): void {
  checkStatus(fault.status)
  for (const [name, value] of Object.entries(fault.headers ?? {})) checkHeader(`headers[${JSON.stringify(name)}]`, name, value)
  if (fault.retryAfter !== undefined) checkHeader('retryAfter', 'retry-after', String(fault.retryAfter))
  try {
    serialize(fault.body)
  } catch (error) {
    refuse(`body cannot be sent as JSON (${firstLine(error)}); give a string to send other text`)
  }
}

/** Refuses a fault that cannot work, naming the field, so a test fails at the line that is wrong. */
export function checkFault(fault: Fault): void {
  const times = fault.times ?? 1
  if (fault.operationId !== undefined && !Object.hasOwn(operations, fault.operationId)) {
    refuse(`operationId must be one of ${operationIds.join(', ')}, got ${JSON.stringify(fault.operationId)}`)
  }
  if (times !== Infinity && (!Number.isSafeInteger(times) || times < 1)) {
    refuse(`times must be a positive integer or Infinity, got ${String(fault.times)}`)
  }
  switch (fault.kind) {
    case 'status':
      return checkStatusFault(fault)
    case 'delay':
      if (!Number.isFinite(fault.ms) || fault.ms < 0 || fault.ms > MAX_DELAY_MS) {
        refuse(`ms must be a finite number of milliseconds from 0 to ${MAX_DELAY_MS} (2^31 - 1, the longest a timer waits), got ${String(fault.ms)}`)
      }
      return
    case 'reset':
    case 'large':
      return checkBytes(fault.bytes)
    case 'malformed':
      if (!malformedBodies.includes(fault.body)) refuse(`body must be one of ${malformedBodies.join(', ')}, got ${String(fault.body)}`)
      if (fault.status !== undefined) checkStatus(fault.status)
      return
    case 'transform':
      if (typeof fault.transform !== 'function') throw new TypeError('injectFault: transform must be a function')
      return
    case 'drop':
    case 'hang':
      return
    default:
      refuse(`unknown kind ${JSON.stringify((fault as { kind: unknown }).kind)}`)
  }
}

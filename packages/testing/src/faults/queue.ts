import type { OperationId } from '@ncloud-apigw/operations'
import type { Fault, InjectedFault } from '../types.js'
import { checkFault } from './check.js'

interface Entry {
  readonly fault: Fault
  applied: number
  remaining: number
}

/** Faults waiting for requests, first injected first applied. */
export class FaultQueue {
  #entries: Entry[] = []

  add(fault: Fault): InjectedFault {
    checkFault(fault)
    const entry: Entry = { fault, applied: 0, remaining: fault.times ?? 1 }
    this.#entries.push(entry)
    return {
      fault,
      get applied() {
        return entry.applied
      },
      get remaining() {
        return entry.remaining
      },
      remove: () => {
        entry.remaining = 0
        this.#entries = this.#entries.filter((e) => e !== entry)
      },
    }
  }

  /** The fault for the next request to `operationId` (undefined when not routed), and counts it. */
  take(operationId: OperationId | undefined): Fault | undefined {
    const entry = this.#entries.find((e) => e.fault.operationId === undefined || e.fault.operationId === operationId)
    if (entry === undefined) return undefined
    entry.applied += 1
    entry.remaining -= 1
    if (entry.remaining <= 0) this.#entries = this.#entries.filter((e) => e !== entry)
    return entry.fault
  }

  clear(): void {
    for (const entry of this.#entries) entry.remaining = 0
    this.#entries = []
  }
}

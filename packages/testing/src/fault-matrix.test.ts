// Every fault kind with every operation of the table, each operation's example request sent to a
// fake holding the examples' world: what the client sees, and whether the request was processed
// (the state changes exactly as the same request changes it without a fault).
import { afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest'
import { exampleCall, operationIds, operations, send, state } from '../test/example-requests.js'
import { failure } from '../test/failure.js'
import { heldSleep, type HeldSleep } from '../test/held-sleep.js'
import { exampleWorld, startFakeApiGateway, type FakeApiGateway } from './index.js'

let gw: FakeApiGateway
// Delay faults wait on the test, never on real time.
let delays: HeldSleep
beforeEach(async () => {
  delays = heldSleep()
  gw = await startFakeApiGateway({ ...exampleWorld(), sleep: delays.sleep })
})
afterEach(async () => {
  await gw.close()
})

describe.each(operationIds)('every fault kind works with %s', (op) => {
  const { success, response } = operations[op]
  const call = (options: { signal?: AbortSignal } = {}) => send(gw, exampleCall(op), options)
  const aimed = <F extends object>(fault: F) => gw.injectFault({ ...fault, operationId: op } as never)
  // Another operation that only reads: its request must not use up the fault.
  const other = operationIds.find((id) => id !== op && operations[id].method === 'GET')!

  /** Whether the operation's example changes the world's state without any fault: what a processed request must do. */
  let changes: boolean
  beforeAll(async () => {
    const control = await startFakeApiGateway(exampleWorld())
    try {
      const before = state(control)
      const res = await send(control, exampleCall(op))
      expect(res.status).toBe(success)
      await res.arrayBuffer()
      changes = state(control) !== before
    } finally {
      await control.close()
    }
  })
  /** Runs `exercise` with a fault aimed at the operation and says whether the fake's state changed. */
  async function withFault(fault: object, exercise: () => Promise<void>): Promise<boolean> {
    aimed(fault)
    const untouched = await send(gw, exampleCall(other))
    expect(untouched.status).toBe(operations[other].success)
    await untouched.arrayBuffer()
    const before = state(gw)
    await exercise()
    expect(gw.requests.at(-1)).toMatchObject({ operationId: op, fault: (fault as { kind: string }).kind })
    return state(gw) !== before
  }

  test('status: that status, not processed', async () => {
    const changed = await withFault({ kind: 'status', status: 503 }, async () => {
      const res = await call()
      expect(res.status).toBe(503)
      expect(await res.json()).toEqual({ error: { errorCode: '500', message: 'Endpoint Error' } })
    })
    expect(changed).toBe(false)
  })

  test('drop: no answer, not processed', async () => {
    const changed = await withFault({ kind: 'drop' }, async () => {
      expect((await failure(call())).message).toBe('fetch failed')
    })
    expect(changed).toBe(false)
  })

  test('hang: no answer until the client gives up, not processed', async () => {
    const changed = await withFault({ kind: 'hang' }, async () => {
      const client = new AbortController()
      const pending = failure(call({ signal: client.signal }))
      // The client gives up only once its request hangs at the fake, however long it took to get there.
      await gw.waitForRequests(1, (r) => r.operationId === op && r.fault === 'hang')
      client.abort()
      expect((await pending).name).toBe('AbortError')
    })
    expect(changed).toBe(false)
  })

  test('malformed html: a 502 page, not processed', async () => {
    const changed = await withFault({ kind: 'malformed', body: 'html' }, async () => {
      const res = await call()
      expect(res.status).toBe(502)
      expect(await res.text()).toMatch(/^<!DOCTYPE html>/)
    })
    expect(changed).toBe(false)
  })

  test(`delay: the normal answer (${success}), late, processed`, async () => {
    const changed = await withFault({ kind: 'delay', ms: 20 }, async () => {
      const pending = call()
      const [held] = await gw.waitForRequests(1, (r) => r.operationId === op && r.fault === 'delay')
      expect(delays.asked).toEqual([20])
      expect(held?.status).toBeUndefined()
      await delays.release()
      const res = await pending
      expect(res.status).toBe(success)
      await res.arrayBuffer()
    })
    expect(changed).toBe(changes)
  })

  test('reset: the status line and headers, then a reset connection, processed', async () => {
    const changed = await withFault({ kind: 'reset' }, async () => {
      const res = await call()
      expect(res.status).toBe(success)
      if (response !== undefined) expect((await failure(res.text())).message).toBe('terminated')
    })
    expect(changed).toBe(changes)
  })

  test('malformed truncated-json: half the answer, processed', async () => {
    const changed = await withFault({ kind: 'malformed', body: 'truncated-json' }, async () => {
      const res = await call()
      expect(res.status).toBe(success)
      const text = await res.text()
      if (response === undefined) expect(text).toBe('')
      else expect(() => JSON.parse(text)).toThrow(SyntaxError)
    })
    expect(changed).toBe(changes)
  })

  test('large: the answer padded to the size asked for, still valid JSON, processed', async () => {
    const changed = await withFault({ kind: 'large', bytes: 4096 }, async () => {
      const res = await call()
      expect(res.status).toBe(success)
      const text = await res.text()
      // An answer without a body has nothing to pad.
      if (response === undefined) expect(text).toBe('')
      else {
        expect(text.length).toBe(4096)
        expect(typeof JSON.parse(text)).toBe('object')
      }
    })
    expect(changed).toBe(changes)
  })

  test('transform: whatever the function makes of the answer, processed', async () => {
    const changed = await withFault(
      { kind: 'transform', transform: (r: { status: number; headers: Record<string, string> }) => void (r.headers['x-transformed'] = String(r.status)) },
      async () => {
        const res = await call()
        expect(res.status).toBe(success)
        expect(res.headers.get('x-transformed')).toBe(String(success))
        await res.arrayBuffer()
      },
    )
    expect(changed).toBe(changes)
  })
})

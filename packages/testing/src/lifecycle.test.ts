import { connect } from 'node:net'
import { describe, expect, test } from 'vitest'
import { ncpFetch } from '../test/ncp-fetch.js'
import { heldSleep } from '../test/held-sleep.js'
import { exampleCall, operationIds, operations, send } from '../test/example-requests.js'
import { exampleWorld, startFakeApiGateway, TEST_CREDENTIALS } from './index.js'

/** Polls for a state that no event announces (a request that arrived but whose body is still being read). */
async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 10))
}

describe('starting', () => {
  test('listens on 127.0.0.1 and a free port by default, with a base URL ending in /api/v1', async () => {
    const gw = await startFakeApiGateway()
    try {
      expect(gw.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/v1$/)
      expect(new URL(gw.url).port).not.toBe('0')
    } finally {
      await gw.close()
    }
  })

  test('two fakes run side by side with separate state', async () => {
    const [a, b] = await Promise.all([startFakeApiGateway(), startFakeApiGateway()])
    try {
      expect(a.url).not.toBe(b.url)
      a.seedKey()
      expect([a.keys.size, b.keys.size]).toEqual([1, 0])
    } finally {
      await Promise.all([a.close(), b.close()])
    }
  })

  test('basePath serves the API elsewhere, for a proxy that strips /api/v1', async () => {
    const gw = await startFakeApiGateway({ basePath: '' })
    try {
      expect(gw.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
      const res = await ncpFetch(gw.url, TEST_CREDENTIALS, 'POST', '/api-keys', { body: { apiKeyName: 'root' } })
      expect(res.status).toBe(201)
      expect(gw.requests[0]).toMatchObject({ path: '/api-keys', signatureValid: true })
      expect((await ncpFetch(gw.url, TEST_CREDENTIALS, 'POST', '/api/v1/api-keys', { body: { apiKeyName: 'x' } })).status).toBe(404)
    } finally {
      await gw.close()
    }
  })

  test.each(operationIds)('a basePath of its own serves %s below it, signed over the path as received', async (id) => {
    const gw = await startFakeApiGateway({ ...exampleWorld(), basePath: '/proxy/apigw' })
    try {
      expect(gw.url).toMatch(/\/proxy\/apigw$/)
      const call = exampleCall(id)
      const res = await send(gw, call)
      expect(res.status).toBe(operations[id].success)
      expect(gw.requests[0]).toMatchObject({ operationId: id, signatureValid: true, path: `/proxy/apigw${call.path}` })
    } finally {
      await gw.close()
    }
  })

  test.each(['api', '/api/', '/api?x'])('a basePath of %j is refused', async (basePath) => {
    await expect(startFakeApiGateway({ basePath })).rejects.toThrow(/basePath must be/)
  })

  test('a port in use is an error from start, not a hang', async () => {
    const first = await startFakeApiGateway()
    try {
      const port = Number(new URL(first.url).port)
      await expect(startFakeApiGateway({ port })).rejects.toMatchObject({ code: 'EADDRINUSE' })
    } finally {
      await first.close()
    }
  })
})

describe('closing', () => {
  test('close() ends a request that hangs, and the client sees the connection end', async () => {
    const gw = await startFakeApiGateway()
    gw.injectFault({ kind: 'hang' })
    const pending = ncpFetch(gw.url, TEST_CREDENTIALS, 'GET', '/api-keys/abc').then(
      () => 'answered',
      (error: Error) => error.name,
    )
    await gw.waitForRequests(1)
    await gw.close()
    expect(await pending).toBe('TypeError')
  })

  test('close() does not wait for a delayed answer (the default sleep, a real timer, ends with it)', async () => {
    const gw = await startFakeApiGateway()
    gw.injectFault({ kind: 'delay', ms: 10 * 60 * 1000 })
    const pending = ncpFetch(gw.url, TEST_CREDENTIALS, 'POST', '/api-keys', { body: { apiKeyName: 'late' } }).then(
      () => 'answered',
      (error: Error) => error.name,
    )
    await gw.waitForRequests(1)
    await gw.close()
    expect(await pending).toBe('TypeError')
    expect(gw.keys.size).toBe(0)
  })

  test('an idle keep-alive connection is left open for the client to reuse or close: the fake sets no idle timeout', async () => {
    const gw = await startFakeApiGateway()
    try {
      const res = await ncpFetch(gw.url, TEST_CREDENTIALS, 'GET', '/api-keys/abc')
      await res.text()
      expect(res.headers.get('connection')).toBe('keep-alive')
      // Node's server sends \`Keep-Alive: timeout=5\` exactly when it closes idle connections after
      // 5 s; a client starved past that reused one just as it closed and got ECONNRESET (seen
      // under load). Watching for that close itself would take over 5 s of real time.
      expect(res.headers.get('keep-alive')).toBeNull()
    } finally {
      await gw.close()
    }
  })

  test('a delayed request whose injected sleep ends only after close() changes nothing', async () => {
    let wake = () => {}
    // A sleep that ignores the signal: the fake must not process once it is closed.
    const gw = await startFakeApiGateway({ sleep: () => new Promise<void>((resolve) => (wake = resolve)) })
    gw.injectFault({ kind: 'delay', ms: 1_000 })
    const pending = ncpFetch(gw.url, TEST_CREDENTIALS, 'POST', '/api-keys', { body: { apiKeyName: 'late' } }).catch((error: Error) => error.name)
    await gw.waitForRequests(1)
    await gw.close()
    expect(await pending).toBe('TypeError')
    wake()
    await new Promise((resolve) => setImmediate(resolve))
    expect(gw.keys.size).toBe(0)
    expect(gw.requests[0]).toMatchObject({ fault: 'delay', status: undefined })
  })

  test('close() ends idle keep-alive connections, and closing twice is harmless', async () => {
    const gw = await startFakeApiGateway()
    const res = await ncpFetch(gw.url, TEST_CREDENTIALS, 'GET', '/api-keys/abc')
    expect(res.headers.get('connection')).toBe('keep-alive')
    await res.text()
    const first = gw.close()
    const second = gw.close()
    expect(second).toBe(first)
    await Promise.all([first, second, gw.close()])
    const error = await fetch(`${gw.url}/api-keys/abc`).catch((e: Error & { cause?: { code?: string } }) => e.cause?.code)
    expect(error).toBe('ECONNREFUSED')
  })
})

describe('clients that leave', () => {
  test('a client that disconnects mid-body leaves the fake healthy and its request unanswered', async () => {
    const gw = await startFakeApiGateway()
    try {
      const { hostname, port } = new URL(gw.url)
      await new Promise<void>((resolve) => {
        const socket = connect(Number(port), hostname, () => {
          socket.write('POST /api/v1/api-keys HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: 1000\r\n\r\n{"apiKey')
          // Leaves once the fake has the request and is reading its body.
          void until(() => gw.requests.length === 1).then(() => socket.destroy())
        })
        socket.on('close', () => resolve())
      })
      expect(gw.requests[0]).toMatchObject({ method: 'POST', status: undefined })
      const res = await ncpFetch(gw.url, TEST_CREDENTIALS, 'POST', '/api-keys', { body: { apiKeyName: 'after' } })
      expect(res.status).toBe(201)
    } finally {
      await gw.close()
    }
  })

  test('clients that give up during a delay or a 10 MiB answer cause no error', async () => {
    const delays = heldSleep()
    const gw = await startFakeApiGateway({ sleep: delays.sleep })
    try {
      gw.injectFault({ kind: 'delay', ms: 1_000, times: 5 })
      gw.injectFault({ kind: 'large', times: 5 })
      const clients = Array.from({ length: 10 }, () => new AbortController())
      const attempts = clients.map((client) =>
        ncpFetch(gw.url, TEST_CREDENTIALS, 'POST', '/api-keys', { body: { apiKeyName: 'quitter' }, signal: client.signal }).then(
          (res) => res.body?.cancel(),
          () => undefined,
        ),
      )
      // The clients give up once all ten requests are inside their faults: five held in their
      // delay, five answered (or being answered) with 10 MiB.
      await gw.waitForRequests(10)
      for (const client of clients) client.abort()
      await Promise.all(attempts)
      expect(gw.keys.size).toBe(5)
      // The delayed ones are processed after their clients left; their answers go to closed sockets.
      await delays.release()
      expect(gw.keys.size).toBe(10)
      expect(gw.requests.map((r) => r.fault).sort()).toEqual([...Array(5).fill('delay'), ...Array(5).fill('large')])
      const res = await ncpFetch(gw.url, TEST_CREDENTIALS, 'POST', '/api-keys', { body: { apiKeyName: 'after' } })
      expect(res.status).toBe(201)
    } finally {
      await gw.close()
    }
  })
})

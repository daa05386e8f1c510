// The limits that keep a long-running fake from being held or filled by its clients: a cap on
// connections, and timeouts for a request's headers and for the whole request. Real sockets, with
// small limits given as options; each outcome is the same however slowly the machine runs (a
// client that never finishes its headers is cut off whenever the timeout fires).
import { connect, type Socket } from 'node:net'
import { afterEach, describe, expect, test } from 'vitest'
import { signedHeaders } from '../test/ncp-fetch.js'
import { rawExchange } from '../test/raw-exchange.js'
import { startFakeApiGateway, TEST_CREDENTIALS, type FakeApiGateway, type FakeApiGatewayOptions } from './index.js'

let gw: FakeApiGateway | undefined
const sockets: Socket[] = []
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.destroy()
  await gw?.close()
  gw = undefined
})

async function start(options: FakeApiGatewayOptions): Promise<FakeApiGateway> {
  gw = await startFakeApiGateway(options)
  return gw
}

/** A socket to the fake, and everything it receives until it closes. */
function open(fake: FakeApiGateway): { socket: Socket; received: () => string; closed: Promise<void> } {
  const { hostname, port } = new URL(fake.url)
  const socket = connect(Number(port), hostname)
  sockets.push(socket)
  let text = ''
  socket.setEncoding('latin1')
  socket.on('data', (chunk: string) => (text += chunk))
  socket.on('error', () => {})
  const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()))
  return { socket, received: () => text, closed }
}

/** A keep-alive connection that has had one whole answer: the fake has counted it, and it stays open. */
async function held(fake: FakeApiGateway): Promise<Socket> {
  const connection = open(fake)
  const url = `${fake.url}/api-keys/held`
  const head = Object.entries({ ...signedHeaders('GET', url, TEST_CREDENTIALS), host: 'fake' }).map(([k, v]) => `${k}: ${v}\r\n`).join('')
  connection.socket.write(`GET ${new URL(url).pathname} HTTP/1.1\r\n${head}\r\n`)
  // The 404's JSON body ends the answer.
  while (!connection.received().endsWith('}}')) await new Promise((resolve) => connection.socket.once('data', resolve))
  return connection.socket
}

describe('a cap on connections', () => {
  test('past maxConnections a connection is closed unanswered; the open ones keep working; one closed frees a place', async () => {
    const fake = await start({ maxConnections: 2 })
    const [first] = [await held(fake), await held(fake)]
    const refused = await rawExchange(`${fake.url}/api-keys/x`, TEST_CREDENTIALS)
    expect(refused.received.length).toBe(0)
    expect(fake.requests).toHaveLength(2)
    first!.destroy()
    // The fake counts the closed connection out when it sees it close: until then, connections are refused.
    let answered = 0
    while (answered === 0) answered = (await rawExchange(`${fake.url}/api-keys/x`, TEST_CREDENTIALS)).received.length
    expect(fake.requests.at(-1)).toMatchObject({ status: 404, signatureValid: true })
  })

  test.each([0, -1, 1.5, Infinity])('a maxConnections of %j is refused when starting', async (maxConnections) => {
    await expect(startFakeApiGateway({ maxConnections })).rejects.toThrow(/^maxConnections must be a positive integer, got /)
  })
})

describe('timeouts for a client that trickles its request', () => {
  test('headers not finished within headersTimeoutMs: 408 and the connection closed; the request never reaches the fake', async () => {
    const fake = await start({ headersTimeoutMs: 100, requestTimeoutMs: 200 })
    const connection = open(fake)
    connection.socket.write('GET /api/v1/api-keys HTTP/1.1\r\nhost: fake\r\nx-never: ')
    await connection.closed
    expect(connection.received()).toMatch(/^HTTP\/1\.1 408 Request Timeout\r\n/)
    expect(fake.requests).toEqual([])
  })

  test('a body not finished within requestTimeoutMs: 408 and the connection closed; the record has no status', async () => {
    const fake = await start({ headersTimeoutMs: 100, requestTimeoutMs: 200 })
    const connection = open(fake)
    const url = `${fake.url}/api-keys`
    const head = Object.entries({ ...signedHeaders('POST', url, TEST_CREDENTIALS), host: 'fake', 'content-type': 'application/json', 'content-length': '100' })
      .map(([k, v]) => `${k}: ${v}\r\n`)
      .join('')
    connection.socket.write(`POST /api/v1/api-keys HTTP/1.1\r\n${head}\r\n{"apiKeyName":`)
    await connection.closed
    expect(connection.received()).toMatch(/^HTTP\/1\.1 408 Request Timeout\r\n/)
    expect(fake.requests).toMatchObject([{ method: 'POST', operationId: 'createApiKey', status: undefined }])
    expect(fake.keys.size).toBe(0)
  })

  test('a request that arrived whole is not cut off: a hang outlasts requestTimeoutMs', async () => {
    const fake = await start({ headersTimeoutMs: 100, requestTimeoutMs: 200 })
    fake.injectFault({ kind: 'hang' })
    const hanging = open(fake)
    let hangingClosed = false
    void hanging.closed.then(() => (hangingClosed = true))
    const url = `${fake.url}/api-keys/x`
    const head = Object.entries({ ...signedHeaders('GET', url, TEST_CREDENTIALS), host: 'fake' }).map(([k, v]) => `${k}: ${v}\r\n`).join('')
    hanging.socket.write(`GET /api/v1/api-keys/x HTTP/1.1\r\n${head}\r\n`)
    await fake.waitForRequests(1)
    // A later connection that trickles is cut off: the check has run since, past the hanging request's deadline too.
    const trickling = open(fake)
    trickling.socket.write('GET /api/v1/api-keys HTTP/1.1\r\nhost: fake\r\n')
    await trickling.closed
    expect(trickling.received()).toMatch(/^HTTP\/1\.1 408 /)
    expect((await rawExchange(url, TEST_CREDENTIALS)).received.toString('latin1')).toMatch(/^HTTP\/1\.1 404 /)
    expect(hangingClosed).toBe(false)
    expect(hanging.received()).toBe('')
    expect(fake.requests[0]).toMatchObject({ fault: 'hang', status: undefined })
  })

  test.each<[FakeApiGatewayOptions, RegExp]>([
    [{ headersTimeoutMs: -1 }, /^headersTimeoutMs must be a non-negative integer, got -1$/],
    [{ requestTimeoutMs: 1.5 }, /^requestTimeoutMs must be a non-negative integer, got 1.5$/],
    [{ headersTimeoutMs: 2_000, requestTimeoutMs: 1_000 }, /^headersTimeoutMs \(2000\) must not exceed requestTimeoutMs \(1000\): the headers are part of the request$/],
  ])('%j is refused when starting', async (options, message) => {
    await expect(startFakeApiGateway(options)).rejects.toThrow(message)
  })
})

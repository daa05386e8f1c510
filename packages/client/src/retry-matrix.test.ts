// Which failures each operation retries, for every operation of the table: a repeat is made only
// where the request was provably not carried out (refused connection, NCP's throttling codes,
// nothing sent, a refused timestamp) or where a repeat does no more than one request
// (idempotent operations). The README's Retries table is this matrix, checked cell by cell.
import { readFileSync } from 'node:fs'
import { type OperationId, operationIds } from '@ncloud-apigw/operations'
import { afterEach, describe, expect, test } from 'vitest'
import { manualTimer, nodeClient, untimedClient } from '../test/fixtures/attempt-timer.js'
import { calls, validAnswer } from '../test/fixtures/calls.js'
import { type Loopback, refusedPort, sendJson, startServer } from '../test/fixtures/loopback.js'
import { failures, type FailureName, isRetried } from '../test/fixtures/retry-matrix.js'
import { baseUrl, credentials, json, ncpError, type Reply, refused, reset, scriptedFetch } from '../test/fixtures/scripted-fetch.js'
import { NcpError, NcpNetworkError } from './errors.js'
import { type ApiKeyClientOptions, createApiKeyClient } from './node.js'

const local = Date.parse('2024-05-07T07:00:00Z')
/** Times attempts: `timeOut` expires the running one, as the time of a hanging attempt runs out. */
const attemptTimer = manualTimer()
const timeOut: Reply = attemptTimer.hang

/** Per failure: the first attempt's answer(s), each checked in turn, and any option it needs. */
const provoke: Record<FailureName, { replies: Reply[][]; options?: ApiKeyClientOptions; slowCredentials?: boolean }> = {
  'Connection refused (ECONNREFUSED)': { replies: [[refused()]] },
  'Name not resolved, no route (ENOTFOUND, EAI_AGAIN, EHOSTUNREACH)': {
    replies: [
      ['getaddrinfo ENOTFOUND apigw.test', 'ENOTFOUND'],
      ['getaddrinfo EAI_AGAIN apigw.test', 'EAI_AGAIN'],
      ['connect EHOSTUNREACH 10.0.0.1:443', 'EHOSTUNREACH'],
    ].map(([message, code]) => [new TypeError('fetch failed', { cause: Object.assign(new Error(message), { code }) })]),
  },
  'Credentials provider timed out (nothing was sent)': { replies: [[]], slowCredentials: true },
  '429 Quota Exceeded, Throttle Limited, Rate Limited (errorCode 400, 410, 420)': {
    replies: [
      [ncpError(429, '400', 'Quota Exceeded')],
      [ncpError(429, '410', 'Throttle Limited', { 'retry-after': '0' })],
      [ncpError(429, 420, 'Rate Limited')],
    ],
  },
  '401 Authentication Failed (errorCode 200) with a server clock 4 minutes to 24 hours off (re-signed once)': {
    replies: [
      [ncpError(401, 200, 'Authentication Failed', { date: new Date(local + 10 * 60_000).toUTCString() })],
      [ncpError(401, '200', 'Authentication Failed', { date: new Date(local - 23 * 3_600_000).toUTCString() })],
    ],
    options: { now: () => local },
  },
  '429 with another errorCode, or not NCP’s body': { replies: [[ncpError(429, '900', 'Too Many')], [new Response('slow down', { status: 429 })]] },
  '502, 503, 504': { replies: [[new Response('<html>502</html>', { status: 502 })], [ncpError(503, 500, 'Endpoint Error')], [ncpError(504, 510, 'Endpoint Timeout')]] },
  'Connection reset or closed before the answer': { replies: [[reset()]] },
  'Attempt timed out (timeoutMs)': { replies: [[timeOut]] },
  '500, 400, 401, 403, 404, 413': {
    replies: [500, 400, 401, 403, 404, 413].map((status) => [ncpError(status, '100', 'Refused')]),
    options: { now: () => local },
  },
  'Retry-After longer than 60 s': { replies: [[ncpError(429, '410', 'Throttle Limited', { 'retry-after': '61' })], [ncpError(503, 500, 'Endpoint Error', { 'retry-after': '3600' })]] },
  '401 with a server clock more than 24 hours off, or not errorCode 200': {
    replies: [
      [ncpError(401, 200, 'Authentication Failed', { date: new Date(local + 25 * 3_600_000).toUTCString() })],
      [ncpError(401, 210, 'Permission Denied', { date: new Date(local + 10 * 60_000).toUTCString() })],
      [new Response('Unauthorized', { status: 401, headers: { date: new Date(local + 10 * 60_000).toUTCString() } })],
    ],
    options: { now: () => local },
  },
  'Redirect (3xx), status outside 200..599': { replies: [[new Response(null, { status: 307, headers: { location: 'https://elsewhere.test/' } })]] },
  'Answer larger than maxResponseBytes': { replies: [[json({ padding: 'x'.repeat(2000) })]], options: { maxResponseBytes: 1000 } },
}

describe.each(failures)('$name', (failure) => {
  test.each(operationIds)(`%s: ${failure.retried === 'none' ? 'never retried' : `retried for ${failure.retried}`}`, async (operation) => {
    const { replies, options = {}, slowCredentials } = provoke[failure.name]
    for (const first of replies) {
      const { fetch, seen } = scriptedFetch(...first, validAnswer(operation))
      let provided = 0
      // The first answer never comes, and the attempt's time runs out while it is awaited.
      const slow = () => {
        if (provided++ > 0) return credentials
        attemptTimer.expire()
        return new Promise<never>(() => {})
      }
      const apigw = nodeClient(
        { credentials: slowCredentials ? slow : credentials, baseUrl, fetch, maxAttempts: 2, random: () => 0, sleep: async () => {}, ...options },
        attemptTimer.timer,
      )
      const outcome = await calls[operation](apigw, 'k').then(
        () => 'succeeded',
        (e: unknown) => e,
      )
      const sentFirst = slowCredentials ? 0 : 1
      if (isRetried(failure, operation)) {
        expect(outcome).toBe('succeeded')
        expect(seen).toHaveLength(sentFirst + 1)
      } else {
        expect(outcome).toBeInstanceOf(NcpError)
        expect(seen).toHaveLength(sentFirst)
      }
    }
  })
})

describe("the client README's Retries table is this matrix", () => {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8')
  const section = readme.slice(readme.indexOf('## Retries'))
  // The section's first table: its lines from the first that starts with | to the first that does not.
  const lines = section.split('\n')
  const start = lines.findIndex((line) => line.startsWith('|'))
  const end = lines.findIndex((line, i) => i > start && !line.startsWith('|'))
  const rows = lines
    .slice(start, end)
    .map((line) =>
      line
        .slice(1, -1)
        .split('|')
        .map((cell) => cell.trim()),
    )
  const [header, , ...body] = rows

  test('its columns are the operations of the table, in the spec order', () => {
    expect(header!.slice(1)).toEqual(operationIds.map((id) => `\`${id}\``))
  })

  test('its rows are the failures tested here, and each cell says what the client does', () => {
    expect(body.map((row) => row[0])).toEqual(failures.map((f) => f.name))
    for (const [i, failure] of failures.entries()) {
      expect(body[i]!.slice(1), failure.name).toEqual(operationIds.map((id: OperationId) => (isRetried(failure, id) ? 'retried' : 'no')))
    }
  })
})

describe('on real sockets', () => {
  const servers: Loopback[] = []
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => s.close()))
  })

  test.each(operationIds)('%s: a refused connection is retried up to maxAttempts, whatever the operation', async (operation) => {
    const port = await refusedPort()
    const apigw = untimedClient({ credentials, baseUrl: `http://127.0.0.1:${port}/api/v1`, maxAttempts: 3, random: () => 0 })
    const error = await calls[operation](apigw, 'k').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(NcpNetworkError)
    expect(error).toMatchObject({ operation, attempts: 3, cause: { code: 'ECONNREFUSED' } })
    // Scripts reading the error as JSON (a CLI's --output json) keep the code too.
    expect(JSON.parse(JSON.stringify(error)).cause).toEqual({ name: 'TypeError', message: expect.stringContaining('ECONNREFUSED'), code: 'ECONNREFUSED' })
  })

  test.each(operationIds)('%s: a connection closed without an answer is retried only when idempotent', async (operation) => {
    const server = await startServer((_r, res) => void res.destroy())
    servers.push(server)
    const apigw = untimedClient({ credentials, baseUrl: server.baseUrl, maxAttempts: 3, random: () => 0 })
    await expect(calls[operation](apigw, 'k')).rejects.toBeInstanceOf(NcpNetworkError)
    expect(server.received).toHaveLength(isRetried(failures.find((f) => f.name.startsWith('Connection reset'))!, operation) ? 3 : 1)
  })

  test.each(operationIds)('%s: NCP throttling (429, errorCode 410, Retry-After: 1) is waited out (1000 ms asked for) and retried', async (operation) => {
    let n = 0
    const server = await startServer((_r, res) => {
      if (n++ === 0) return sendJson(res, 429, { error: { errorCode: '410', message: 'Throttle Limited' } }, { 'retry-after': '1' })
      const answer = validAnswer(operation)
      void answer.text().then((text) => {
        res.writeHead(answer.status, { 'content-type': 'application/json' })
        res.end(text)
      })
    })
    servers.push(server)
    const waits: { ms: number; received: number }[] = []
    const sleep = async (ms: number) => void waits.push({ ms, received: server.received.length })
    const apigw = untimedClient({ credentials, baseUrl: server.baseUrl, random: () => 0, sleep })
    await calls[operation](apigw, 'k')
    // The whole second, after the 429 and before the retry was sent.
    expect(waits).toEqual([{ ms: 1000, received: 1 }])
    expect(server.received).toHaveLength(2)
    expect(server.received.every((r) => r.signatureValid)).toBe(true)
  })
})

describe('a refused connection to every address of a name (localhost as ::1 and 127.0.0.1)', () => {
  // As Node's fetch reports it (20, 22 and 24 alike): an AggregateError of each address's error,
  // whose own code is the first one's.
  const aggregate = (codes: string[]) =>
    new TypeError('fetch failed', { cause: Object.assign(new AggregateError(codes.map((code) => Object.assign(new Error(code), { code }))), { code: codes[0] }) })

  test('is refused: createApiKey is retried', async () => {
    const { fetch, seen } = scriptedFetch(aggregate(['ECONNREFUSED', 'ECONNREFUSED']), validAnswer('createApiKey'))
    await createApiKeyClient({ credentials, baseUrl, fetch, sleep: async () => {} }).createApiKey({ apiKeyName: 'ci-bot' })
    expect(seen).toHaveLength(2)
  })

  test.each([[['ECONNREFUSED', 'ETIMEDOUT']], [[]]])('with %j it is not: createApiKey is not retried', async (codes) => {
    const { fetch, seen } = scriptedFetch(aggregate(codes), validAnswer('createApiKey'))
    await expect(createApiKeyClient({ credentials, baseUrl, fetch, sleep: async () => {} }).createApiKey({ apiKeyName: 'ci-bot' })).rejects.toBeInstanceOf(NcpNetworkError)
    expect(seen).toHaveLength(1)
  })
})

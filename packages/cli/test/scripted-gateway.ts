import { once } from 'node:events'
import { createServer, type IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'
import { exampleAnswers, matchOperation, type OperationId, operations } from '@ncloud-apigw/operations'
import { TEST_CREDENTIALS } from '@ncloud-apigw/testing'
import { afterAll, beforeAll } from 'vitest'
import { type CliResult, runInProcess } from './run-cli.js'

/** A request as the scripted gateway received it. */
export interface ScriptedRequest {
  readonly operationId: OperationId
  readonly method: string
  /** Path parameters, decoded. */
  readonly pathParams: Readonly<Record<string, string>>
  readonly query: Readonly<Record<string, string>>
  readonly body: unknown
}

/** What the gateway answers a request: a status and a JSON body, or none. */
export interface Reply {
  readonly status?: number
  readonly body?: unknown
}

export interface ScriptedGateway {
  /** The base URL, up to and including /api/v1. */
  readonly url: string
  readonly requests: ScriptedRequest[]
  /** Answers `operationId` with `reply` (or what it returns for each request) from now on. */
  answer(operationId: OperationId, reply: Reply | ((request: ScriptedRequest) => Reply)): void
  close(): Promise<void>
}

/**
 * An HTTP server on a free loopback port that answers each operation of the table as scripted,
 * by default with the operation's success status and the spec's example answer. It checks no
 * signature and keeps no state: it shows what a command sent and what it makes of an answer.
 * For answers the fake API Gateway would never give (values at any depth, pages of any shape).
 */
export async function startScriptedGateway(): Promise<ScriptedGateway> {
  const requests: ScriptedRequest[] = []
  const replies = new Map<OperationId, Reply | ((request: ScriptedRequest) => Reply)>()
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://gateway')
    const route = matchOperation(req.method ?? 'GET', url.pathname.replace(/^\/api\/v1/, ''))
    if (!route) {
      res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { errorCode: '300', message: 'Not Found Exception' } }))
      return
    }
    const text = await read(req)
    const request: ScriptedRequest = {
      operationId: route.operationId,
      method: req.method ?? 'GET',
      pathParams: Object.fromEntries(Object.entries(route.rawParams).map(([name, value]) => [name, decodeURIComponent(value)])),
      query: Object.fromEntries(url.searchParams),
      body: text ? JSON.parse(text) : undefined,
    }
    requests.push(request)
    const scripted = replies.get(route.operationId)
    const reply = typeof scripted === 'function' ? scripted(request) : scripted
    const status = reply?.status ?? operations[route.operationId].success
    const body = reply && 'body' in reply ? reply.body : exampleAnswers[route.operationId]
    if (body === undefined) res.writeHead(status).end()
    else res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body))
  })
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/api/v1`,
    requests,
    answer: (operationId, reply) => void replies.set(operationId, reply),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}

/** A test file's scripted gateway, and the CLI run in-process against it with test credentials and no HOME. */
export function useScriptedGateway() {
  let started: ScriptedGateway | undefined
  beforeAll(async () => {
    started = await startScriptedGateway()
  })
  afterAll(() => started?.close())
  const gateway = {
    get url() {
      return started!.url
    },
    get requests() {
      return started!.requests
    },
    answer: (...args: Parameters<ScriptedGateway['answer']>) => started!.answer(...args),
  }
  const env = { NCLOUD_ACCESS_KEY_ID: TEST_CREDENTIALS.accessKey, NCLOUD_SECRET_ACCESS_KEY: TEST_CREDENTIALS.secretKey, HOME: '/nonexistent' }
  const cli = (args: readonly string[]): Promise<CliResult> => runInProcess([...args, '--base-url', gateway.url], env)
  /** Runs the CLI and gives the requests it sent. */
  const sent = async (args: readonly string[]) => {
    const before = gateway.requests.length
    const result = await cli(args)
    return { result, requests: gateway.requests.slice(before) }
  }
  return { gateway, cli, sent }
}

async function read(req: IncomingMessage): Promise<string> {
  let text = ''
  for await (const chunk of req) text += chunk
  return text
}

import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { FakeApiGateway, Fault, RecordedRequest } from '@ncloud-apigw/testing'

export interface FakeControlOptions {
  /** Called on `POST /reset` with what the fake recorded, which the reset forgets, just before it. */
  onReset?: (recorded: readonly RecordedRequest[]) => void
}

/**
 * The fake API Gateway behind Prism's proxy lives in the process that runs vitest's global
 * setup, while the tests run in workers; orval.test.ts's program runs in a child process of its
 * test. This loopback endpoint lets them reach a fake:
 *
 * - `POST /faults` with a JSON `Fault` (every kind but `transform`, which is a function) queues it;
 * - `DELETE /faults` clears the queue;
 * - `GET /requests` returns what the fake received (method, path, operationId, status);
 * - `GET /url` returns the fake's own base URL, for a test that bypasses the proxy;
 * - `POST /reset` puts the fake back as it started (`reset()`).
 */
export async function startFakeControl(fake: FakeApiGateway, options: FakeControlOptions = {}): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((request, response) => {
    let body = ''
    request.setEncoding('utf8')
    request.on('data', (chunk: string) => (body += chunk))
    request.on('end', () => {
      const answer = (status: number, value?: unknown) => {
        response.writeHead(status, { 'content-type': 'application/json' })
        response.end(value === undefined ? undefined : JSON.stringify(value))
      }
      try {
        if (request.method === 'POST' && request.url === '/faults') {
          fake.injectFault(JSON.parse(body) as Fault)
          return answer(204)
        }
        if (request.method === 'DELETE' && request.url === '/faults') {
          fake.clearFaults()
          return answer(204)
        }
        if (request.method === 'GET' && request.url === '/requests') {
          return answer(
            200,
            fake.requests.map(({ method, path, operationId, status }) => ({ method, path, operationId, status })),
          )
        }
        if (request.method === 'GET' && request.url === '/url') return answer(200, { url: fake.url })
        if (request.method === 'POST' && request.url === '/reset') {
          options.onReset?.(fake.requests)
          fake.reset()
          return answer(204)
        }
        answer(404, { error: `no ${request.method} ${request.url}` })
      } catch (error) {
        answer(400, { error: (error as Error).message })
      }
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

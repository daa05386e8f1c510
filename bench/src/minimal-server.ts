import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

/** The fixed answer: the documented getApiKey body (the key at the top level). */
export const API_KEY = {
  apiKeyId: 'cvcohvd2xj',
  apiKeyName: 'ci-bot',
  apiKeyDescription: 'deploys',
  primaryKey: 'QmVuY2htYXJrUHJpbWFyeUtleTAwMDAwMDAwMDAwMDA',
  secondaryKey: 'QmVuY2htYXJrU2Vjb25kYXJ5S2V5MDAwMDAwMDAwMDA',
  isEnabled: true,
  domainCode: 'PUB',
  tenantId: '6f5c2a6e1b8d4a1c9a3e',
  modifier: 'NCPEXAMPLEACCESSKEY1',
  modTime: '2024-05-07T07:08:12Z',
}

export interface MinimalServer {
  /** Base URL ending in `/api/v1`, as a client's `baseUrl`. */
  baseUrl: string
  close(): Promise<void>
}

/**
 * The cheapest server that answers like NCP's getApiKey: the same JSON for every request, no
 * routing, no signature check. Only the client's own cost differs between a raw `fetch` and
 * `getApiKey` against it (not so with the fake API Gateway, which verifies and records).
 */
export async function startMinimalServer(): Promise<MinimalServer> {
  const body = Buffer.from(JSON.stringify(API_KEY))
  const headers = { 'content-type': 'application/json', 'content-length': String(body.length) }
  const server: Server = createServer((request, response) => {
    request.resume()
    request.on('end', () => response.writeHead(200, headers).end(body))
  })
  server.keepAliveTimeout = 60_000
  // 1,000 connections may open at once (the throughput row): a backlog that holds them all, so
  // none waits out a dropped SYN's one-second retransmission.
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen({ port: 0, host: '127.0.0.1', backlog: 4096 }, resolve))
  const { port } = server.address() as AddressInfo
  return {
    baseUrl: `http://127.0.0.1:${port}/api/v1`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}

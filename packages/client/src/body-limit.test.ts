// The answer's body is read with a bound (maxResponseBytes, default 8 MiB, counted after gzip is
// undone): a server sending a gzip bomb (1 MB that decodes to 1 GiB) or a huge plain body gets a
// typed NcpApiError naming maxResponseBytes, after reading little more than the bound, once.
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { operationIds } from '@ncloud-apigw/operations'
import { afterEach, describe, expect, test, vi } from 'vitest'
import { manualTimer, nodeClient, untimedClient } from '../test/fixtures/attempt-timer.js'
import { calls } from '../test/fixtures/calls.js'
import { gzipBomb } from '../test/fixtures/gzip-bomb.js'
import { type Loopback, startServer } from '../test/fixtures/loopback.js'
import { apiKey, credentials, json, scriptedFetch } from '../test/fixtures/scripted-fetch.js'
import { NcpApiError, NcpTimeoutError } from './errors.js'
import { type ApiKeyClientOptions, createApiKeyClient, createRawClient } from './node.js'

const DEFAULT_LIMIT = 8 * 1024 * 1024
const GIB = 1024 * 1024 * 1024

const servers: Loopback[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()))
})

async function bombServer(status = 200, decodedBytes = GIB) {
  const bomb = gzipBomb(decodedBytes)
  const server = await startServer((_r, res) => {
    res.writeHead(status, { 'content-type': 'application/json', 'content-encoding': 'gzip', 'content-length': String(bomb.length) })
    res.end(bomb)
  })
  servers.push(server)
  return { server, bomb }
}

/** The client with a fetch that counts the decoded bytes the client reads. */
function counted(baseUrl: string, options: ApiKeyClientOptions = {}) {
  const read = { bytes: 0 }
  const apigw = untimedClient({
    credentials,
    baseUrl,
    random: () => 0,
    maxAttempts: 3,
    fetch: async (url, init) => {
      const response = await fetch(url, init)
      const counter = new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, controller) {
          read.bytes += chunk.byteLength
          controller.enqueue(chunk)
        },
      })
      return new Response(response.body!.pipeThrough(counter), { status: response.status, headers: response.headers })
    },
    ...options,
  })
  return { apigw, read }
}

describe('a gzip bomb: 1 MB on the wire, 1 GiB decoded', () => {
  test('the bomb is what it claims', () => {
    const bomb = gzipBomb(GIB)
    expect(bomb.length).toBeLessThan(1.1 * 1024 * 1024)
  })

  test.each(operationIds)('%s: NcpApiError naming maxResponseBytes after reading about 8 MiB, one request', async (operation) => {
    const { server } = await bombServer()
    const { apigw, read } = counted(server.baseUrl)
    const error = await calls[operation](apigw, 'k').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(NcpApiError)
    expect(error).toMatchObject({ operation, status: 200, retryable: false })
    expect((error as Error).message).toBe(
      `${operation} failed: HTTP 200 with a body larger than maxResponseBytes (${DEFAULT_LIMIT} bytes), so it was not read. Raise maxResponseBytes if answers this large are expected.`,
    )
    expect(read.bytes).toBeGreaterThan(DEFAULT_LIMIT)
    expect(read.bytes).toBeLessThan(DEFAULT_LIMIT + 1024 * 1024)
    expect(server.received).toHaveLength(1)
  })

  test('as an error answer (503, retried for GET otherwise) it is not retried either', async () => {
    const { server } = await bombServer(503)
    const { apigw } = counted(server.baseUrl)
    await expect(apigw.getApiKey('k')).rejects.toMatchObject({ name: 'NcpApiError', status: 503, retryable: false, message: expect.stringContaining('maxResponseBytes') })
    expect(server.received).toHaveLength(1)
  })

  test('through the raw client too', async () => {
    const { server } = await bombServer()
    const raw = createRawClient(untimedClient({ credentials, baseUrl: server.baseUrl }))
    await expect(raw.GET('/api-keys', {})).rejects.toMatchObject({ name: 'NcpApiError', message: expect.stringContaining('maxResponseBytes') })
  })

  test('a smaller maxResponseBytes stops sooner', async () => {
    const { server } = await bombServer()
    const { apigw, read } = counted(server.baseUrl, { maxResponseBytes: 64 * 1024 })
    await expect(apigw.getApiKey('k')).rejects.toThrow('maxResponseBytes (65536 bytes)')
    expect(read.bytes).toBeLessThan(64 * 1024 + 256 * 1024)
  })

  test('memory stays bounded: under --max-old-space-size=128 the process refuses it and lives', async () => {
    const child = fileURLToPath(new URL('../test/fixtures/gzip-bomb-child.mjs', import.meta.url))
    expect(existsSync(new URL('../dist/node.js', import.meta.url)), 'build the client first: pnpm --filter @ncloud-apigw/client build').toBe(true)
    const { server } = await bombServer()
    // Asynchronously: a synchronous spawn would block this process's event loop, and the server with it.
    const result = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      const proc = spawn(process.execPath, ['--max-old-space-size=128', child, server.baseUrl], { stdio: ['ignore', 'pipe', 'pipe'] })
      let stdout = ''
      let stderr = ''
      proc.stdout.on('data', (c) => (stdout += c))
      proc.stderr.on('data', (c) => (stderr += c))
      proc.on('close', (code) => resolve({ code, stdout, stderr }))
    })
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    const report = JSON.parse(result.stdout.trim().split('\n').at(-1)!)
    expect(report.name).toBe('NcpApiError')
    expect(report.message).toContain('maxResponseBytes')
    expect(report.decoded).toBeLessThan(DEFAULT_LIMIT + 1024 * 1024)
  })
})

describe('plain bodies', () => {
  test('a declared Content-Length above the limit is refused before reading', async () => {
    let written = 0
    const server = await startServer((_r, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(100 * 1024 * 1024) })
      const chunk = Buffer.alloc(64 * 1024, 0x20)
      const pump = () => {
        while (written < 100 * 1024 * 1024) {
          written += chunk.length
          if (!res.write(chunk)) return void res.once('drain', pump)
        }
        res.end()
      }
      res.on('close', () => (written = Math.min(written, 100 * 1024 * 1024)))
      pump()
    })
    servers.push(server)
    const { apigw, read } = counted(server.baseUrl, { maxResponseBytes: 1024 })
    await expect(apigw.getApiKey('k')).rejects.toThrow('maxResponseBytes (1024 bytes)')
    expect(read.bytes).toBe(0)
  })

  test('exactly maxResponseBytes is read; one byte more is refused', async () => {
    const text = JSON.stringify(apiKey)
    const size = new TextEncoder().encode(text).length
    const ok = scriptedFetch(json(apiKey))
    expect(await createApiKeyClient({ credentials, baseUrl: 'https://apigw.test/api/v1', fetch: ok.fetch, maxResponseBytes: size }).getApiKey('k')).toEqual(apiKey)
    const over = scriptedFetch(json(apiKey))
    await expect(createApiKeyClient({ credentials, baseUrl: 'https://apigw.test/api/v1', fetch: over.fetch, maxResponseBytes: size - 1 }).getApiKey('k')).rejects.toThrow(
      `maxResponseBytes (${size - 1} bytes)`,
    )
  })

  test("Node's own fetch: a body within its Content-Length that stalls halfway times out", async () => {
    const server = await startServer((_r, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' })
      res.write('{"apiKey":')
    })
    servers.push(server)
    // Node's own fetch (no fetch option, so the client reads the body as Node's own, exactly its declared length),
    // watched to learn when the answer's head is in: the attempt's time runs out after that.
    const nodeFetch = globalThis.fetch
    let headIn!: () => void
    const answered = new Promise<void>((resolve) => (headIn = resolve))
    const watched = vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
      const response = await nodeFetch(input, init)
      headIn()
      return response
    })
    try {
      const t = manualTimer()
      const call = nodeClient({ credentials, baseUrl: server.baseUrl, timeoutMs: 200, maxAttempts: 1 }, t.timer).getApiKey('k')
      await answered
      expect(t.expire()).toBe(1)
      const error = await call.catch((e: unknown) => e)
      expect(error).toBeInstanceOf(NcpTimeoutError)
      expect(error).toMatchObject({ timeoutMs: 200 })
      expect(watched).toHaveBeenCalledTimes(1)
    } finally {
      watched.mockRestore()
    }
  })

  test.each<[string, Record<string, string>]>([
    ['without Content-Length', {}],
    // A fetch option may hand back a new Response with the original headers over another body.
    ['with a Content-Length that understates it, from a fetch option', { 'content-length': '2' }],
  ])('a body %s, streamed past the limit, is cut off', async (_what, headers) => {
    const chunk = new TextEncoder().encode(' '.repeat(4096))
    let pulled = 0
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += chunk.length
        controller.enqueue(chunk)
      },
    })
    const { fetch } = scriptedFetch(() => new Response(endless, { status: 200, headers }))
    await expect(createApiKeyClient({ credentials, baseUrl: 'https://apigw.test/api/v1', fetch, maxResponseBytes: 10_000 }).getApiKey('k')).rejects.toThrow('maxResponseBytes')
    expect(pulled).toBeLessThan(10_000 + 4 * 4096)
  })
})

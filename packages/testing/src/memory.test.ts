import { spawn, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { Agent, request } from 'node:http'
import { fileURLToPath } from 'node:url'
import { afterAll, expect, test } from 'vitest'
import { signedHeaders } from '../test/ncp-fetch.js'

// The built binary, as users run it, with a preload that lets the process report its own memory.
const bin = fileURLToPath(new URL('../dist/bin.js', import.meta.url))
const probe = new URL('../test/fixtures/memory-probe.mjs', import.meta.url).href

const REQUESTS = 10_000
const CONCURRENCY = 16
/** What the process may grow by, after garbage collection, over 10,000 requests. */
const MAX_GROWTH = 64 * 1024 * 1024
/**
 * What the JavaScript heap may grow by: the 4,000 keys the run creates are kept (state, not log),
 * about 1.5 MB; a log that kept bodies would grow by a gigabyte.
 */
const MAX_HEAP_GROWTH = 16 * 1024 * 1024

interface Memory {
  rss: number
  heapTotal: number
  heapUsed: number
  external: number
  arrayBuffers: number
  gc: boolean
}

let child: ChildProcess | undefined
const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY })
afterAll(() => {
  agent.destroy()
  if (child?.exitCode === null) child.kill('SIGKILL')
})

function memory(): Promise<Memory> {
  const answer = once(child!, 'message') as Promise<[Memory]>
  child!.send('memory')
  return answer.then(([m]) => m)
}

function send(url: string, method: string, body?: Buffer | string, sign = true): Promise<number> {
  const { hostname, port, pathname } = new URL(url)
  const headers: Record<string, string | number> = sign ? signedHeaders(method, url, { accessKey, secretKey }) : {}
  if (body !== undefined) Object.assign(headers, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) })
  return new Promise((resolve, reject) => {
    const req = request({ host: hostname, port, path: pathname, method, headers, agent }, (res) => {
      res.resume()
      res.on('end', () => resolve(res.statusCode ?? 0))
      res.on('error', reject)
    })
    req.on('error', reject)
    req.end(body)
  })
}

let accessKey = ''
let secretKey = ''

// Bounded in count (12,000 requests, 240 of them 1 MB bodies) and given its own time: on a loaded
// two-core machine pushing that much through loopback takes minutes, never a timing asserted.
test('the ncloud-apigw-fake binary stays flat in memory over 10,000 requests, 200 of them unauthenticated 1 MB bodies', { timeout: 600_000 }, async () => {
  child = spawn(process.execPath, ['--expose-gc', '--import', probe, bin, '--json'], { stdio: ['ignore', 'pipe', 'inherit', 'ipc'] })
  let line = ''
  for await (const chunk of child.stdout as AsyncIterable<Buffer>) {
    line += chunk.toString()
    if (line.includes('\n')) break
  }
  const printed = JSON.parse(line.slice(0, line.indexOf('\n'))) as { url: string; accessKey: string; secretKey: string }
  ;({ accessKey, secretKey } = printed)
  const keys = `${printed.url}/api-keys`
  const created = await send(keys, 'POST', JSON.stringify({ apiKeyName: 'memory' }))
  expect(created).toBe(201)

  const big = Buffer.alloc(1_000_000, 'x')
  const statuses = new Map<number, number>()
  async function run(count: number, keyId: string): Promise<void> {
    let next = 0
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < count) {
          const i = next++
          const status =
            i % 50 === 0
              ? await send(keys, 'POST', big, false)
              : i % 10 < 5
                ? await send(keys, 'POST', JSON.stringify({ apiKeyName: `key-${i}` }))
                : await send(`${keys}/${keyId}`, 'GET')
          statuses.set(status, (statuses.get(status) ?? 0) + 1)
        }
      }),
    )
  }
  // Find the key made above through the API's own list, then warm up (sockets, JIT, a full log)
  // before the first measure. Never a timing: only what the process holds is asserted.
  const keyId = await new Promise<string>((resolve, reject) => {
    const { hostname, port, pathname } = new URL(keys)
    request({ host: hostname, port, path: pathname, headers: signedHeaders('GET', keys, printed), agent }, (res) => {
      let text = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => (text += chunk))
      res.on('end', () => resolve((JSON.parse(text) as { apiKeys: { apiKeyId: string }[] }).apiKeys[0]!.apiKeyId))
    })
      .on('error', reject)
      .end()
  })
  await run(2_000, keyId)
  const before = await memory()
  statuses.clear()
  await run(REQUESTS, keyId)
  const after = await memory()

  expect(before.gc).toBe(true)
  expect(Object.fromEntries(statuses)).toEqual({ 401: REQUESTS / 50, 201: REQUESTS * 0.4 + (REQUESTS * 0.1 - REQUESTS / 50), 200: REQUESTS / 2 })
  const MB = (n: number) => `${(n / 2 ** 20).toFixed(1)} MB`
  console.info(
    `ncloud-apigw-fake over ${REQUESTS} requests: RSS ${MB(before.rss)} -> ${MB(after.rss)} (${MB(after.rss - before.rss)}), ` +
      `heap used ${MB(before.heapUsed)} -> ${MB(after.heapUsed)}, heap total ${MB(before.heapTotal)} -> ${MB(after.heapTotal)}, ` +
      `external ${MB(before.external)} -> ${MB(after.external)}`,
  )
  expect(after.rss - before.rss).toBeLessThan(MAX_GROWTH)
  expect(after.heapUsed - before.heapUsed).toBeLessThan(MAX_HEAP_GROWTH)

  child.kill('SIGTERM')
  const [code] = await once(child, 'exit')
  expect(code).toBe(0)
})

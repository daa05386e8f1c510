// The client in a browser: a page bundled by esbuild from the client's browser entry, served
// from one loopback server and opened in Debian's Chromium, takes a key through its whole
// lifecycle against the fake API Gateway on another loopback port (another origin: CORS), signed
// with Web Crypto.
import { gzipSync } from 'node:zlib'
import { type FakeApiGateway, startFakeApiGateway, TEST_CREDENTIALS } from '@ncloud-apigw/testing'
import { build } from 'esbuild'
import { afterAll, beforeAll, expect, test } from 'vitest'
import type { LifecycleResult } from '../test/fixtures/browser/page.js'
import { answered } from './answered.js'
import { launchChromium } from './chromium.js'
import { serveFiles } from './static-server.js'

let code: Uint8Array
let gw: FakeApiGateway | undefined
let site: Awaited<ReturnType<typeof serveFiles>> | undefined
let browser: Awaited<ReturnType<typeof launchChromium>> | undefined

beforeAll(async () => {
  const bundled = await build({
    entryPoints: [new URL('../test/fixtures/browser/page.ts', import.meta.url).pathname],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  })
  code = bundled.outputFiles[0]!.contents
})

afterAll(async () => {
  await browser?.close()
  await site?.close()
  await gw?.close()
})

test('the page bundle uses Web Crypto and imports nothing from node:', () => {
  const text = new TextDecoder().decode(code)
  expect(text).not.toMatch(/["']node:|createHmac/)
  expect(text).toContain('crypto.subtle')
  const kB = (bytes: number) => `${(bytes / 1000).toFixed(2)} kB`
  console.log(`browser page bundle (esbuild, minified, ESM): ${kB(code.length)} min, ${kB(gzipSync(code, { level: 9 }).length)} gzip`)
})

test("Chromium takes a key through its whole lifecycle against the fake API Gateway on another origin, each call signed with Web Crypto", async () => {
  gw = await startFakeApiGateway()
  // A key already there, made by the fake without a request, so that paginating takes two pages.
  const seeded = gw.seedKey({ apiKeyName: 'seeded' })
  site = await serveFiles({
    '/': { type: 'text/html; charset=utf-8', body: '<!doctype html><meta charset="utf-8"><title>key lifecycle</title><script type="module" src="/page.js"></script>' },
    '/page.js': { type: 'text/javascript; charset=utf-8', body: code },
  })
  browser = await launchChromium()
  const page = await browser.context.newPage()
  const pageErrors: string[] = []
  page.on('pageerror', (error) => pageErrors.push(error.message))
  await page.goto(`${site.origin}/`)
  await page.waitForFunction(() => typeof window.keyLifecycle === 'function')
  const result: LifecycleResult = await page.evaluate(([baseUrl, credentials]) => window.keyLifecycle(baseUrl, credentials), [gw.url, TEST_CREDENTIALS] as const)

  expect(pageErrors).toEqual([])
  expect(result.secureContext && result.subtle, 'a secure context with crypto.subtle').toBe(true)
  expect(result.created).toMatchObject({ apiKeyName: 'browser', apiKeyDescription: 'from Chromium', isEnabled: true })
  expect(result.got).toEqual(result.created)
  expect(result.updated).toMatchObject({ apiKeyId: result.created.apiKeyId, apiKeyName: 'browser-2', isEnabled: false })
  expect(result.regenerated.primaryKey).not.toBe(result.created.primaryKey)
  expect(result.regenerated.secondaryKey).toBe(result.created.secondaryKey)
  expect(result.listed).toMatchObject({ total: 1, apiKeys: [{ apiKeyId: result.created.apiKeyId, apiKeyName: 'browser-2', isEnabled: false }] })
  expect(result.paginatedIds).toEqual([seeded.apiKeyId, result.created.apiKeyId])
  const missing = { name: 'NcpApiError', status: 404, errorCode: '300' }
  expect(result.notFound).toEqual(missing)
  expect(result.deleted).toBe('undefined')
  expect(result.afterDelete).toEqual(missing)
  expect(gw.keys.has(result.created.apiKeyId)).toBe(false)
  expect([...gw.keys.keys()]).toEqual([seeded.apiKeyId])

  // What the server saw: preflights from the page's origin, then every call signed and valid,
  // each answered with its operation's success status, or 404 for a key that is not there.
  const calls = gw.requests.filter((r) => r.method !== 'OPTIONS')
  expect(calls.map(({ method, operationId, status, signatureValid }) => ({ method, operationId, status, signatureValid }))).toEqual([
    answered('createApiKey'),
    answered('getApiKey'),
    answered('updateApiKey'),
    answered('regenerateApiKey'),
    answered('listApiKeys'),
    answered('listApiKeys'),
    answered('listApiKeys'),
    answered('getApiKey', 404),
    answered('deleteApiKey'),
    answered('getApiKey', 404),
  ])
  expect(new Set(gw.requests.map((r) => r.headers.origin))).toEqual(new Set([site.origin]))
  expect(gw.requests.some((r) => r.method === 'OPTIONS')).toBe(true)
  expect(calls.every((r) => /Chrome\/\d/.test(r.headers['user-agent'] ?? ''))).toBe(true)
})

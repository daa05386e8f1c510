// The client in a browser: a page bundled by esbuild from the client's browser entry, served
// from one loopback server and opened in Debian's Chromium, makes the four calls against the
// fake API Gateway on another loopback port (another origin: CORS), signed with Web Crypto.
import { gzipSync } from 'node:zlib'
import { type FakeApiGateway, startFakeApiGateway, TEST_CREDENTIALS } from '@ncloud-apigw/testing'
import { build } from 'esbuild'
import { afterAll, beforeAll, expect, test } from 'vitest'
import type { FourCallsResult } from '../test/fixtures/browser/page.js'
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

test('Chromium makes the four calls against the fake API Gateway on another origin, each signed with Web Crypto', async () => {
  gw = await startFakeApiGateway()
  site = await serveFiles({
    '/': { type: 'text/html; charset=utf-8', body: '<!doctype html><meta charset="utf-8"><title>four calls</title><script type="module" src="/page.js"></script>' },
    '/page.js': { type: 'text/javascript; charset=utf-8', body: code },
  })
  browser = await launchChromium()
  const page = await browser.context.newPage()
  const pageErrors: string[] = []
  page.on('pageerror', (error) => pageErrors.push(error.message))
  await page.goto(`${site.origin}/`)
  await page.waitForFunction(() => typeof window.fourCalls === 'function')
  const result: FourCallsResult = await page.evaluate(([baseUrl, credentials]) => window.fourCalls(baseUrl, credentials), [gw.url, TEST_CREDENTIALS] as const)

  expect(pageErrors).toEqual([])
  expect(result.secureContext && result.subtle, 'a secure context with crypto.subtle').toBe(true)
  expect(result.created).toMatchObject({ apiKeyName: 'browser', apiKeyDescription: 'from Chromium', isEnabled: true })
  expect(result.got).toEqual(result.created)
  expect(result.updated).toMatchObject({ apiKeyId: result.created.apiKeyId, apiKeyName: 'browser-2', isEnabled: false })
  expect(result.regenerated.primaryKey).not.toBe(result.created.primaryKey)
  expect(result.regenerated.secondaryKey).toBe(result.created.secondaryKey)
  expect(gw.keys.get(result.created.apiKeyId)).toEqual(result.regenerated)
  expect(result.notFound).toEqual({ name: 'NcpApiError', status: 404, errorCode: '300' })

  // What the server saw: preflights from the page's origin, then every call signed and valid.
  const calls = gw.requests.filter((r) => r.method !== 'OPTIONS')
  expect(calls.map((r) => [r.method, r.operationId, r.status, r.signatureValid])).toEqual([
    ['POST', 'createApiKey', 201, true],
    ['GET', 'getApiKey', 200, true],
    ['PUT', 'updateApiKey', 200, true],
    ['PATCH', 'regenerateApiKey', 200, true],
    ['GET', 'getApiKey', 404, true],
  ])
  expect(new Set(gw.requests.map((r) => r.headers.origin))).toEqual(new Set([site.origin]))
  expect(gw.requests.some((r) => r.method === 'OPTIONS')).toBe(true)
  expect(calls.every((r) => /Chrome\/\d/.test(r.headers['user-agent'] ?? ''))).toBe(true)
})

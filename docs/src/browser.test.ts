// The built pages in a real browser: Debian's Chromium, driven by playwright-core, loading
// docs/dist from the docs' own static server on a free loopback port, with every request to
// another host refused and recorded. Never downloads a browser and is never skipped: without
// Chromium it fails and says how to install it.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type BrowserContext, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { distDir, docsRoot, loadOverlay, loadSpec, readDist } from '../test/load.js'
import { chromiumExecutable, chromiumFlags } from './chromium.mjs'
import { operationsOf } from './code-samples.mjs'
import { languages, pagePath, type Language } from './languages.mjs'
import { applyOverlay } from './overlay.mjs'
import { startStaticServer, type StaticServer } from './static-server.mjs'

const screenshots = join(docsRoot, 'test-results')

let server: StaticServer
let context: BrowserContext
let userDataDir: string
/** Every request the pages tried to send somewhere other than the static server. */
const offHost: string[] = []

beforeAll(async () => {
  const executablePath = chromiumExecutable(process.env, existsSync)
  readDist('index.html')
  server = await startStaticServer({ root: distDir })
  userDataDir = mkdtempSync(join(tmpdir(), 'docs-chromium-'))
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: true,
    args: [...chromiumFlags],
    viewport: { width: 1400, height: 1000 },
  })
  await context.route('**/*', (route) => {
    const url = route.request().url()
    if (url.startsWith(server.url)) return route.continue()
    offHost.push(url)
    return route.abort('blockedbyclient')
  })
  mkdirSync(screenshots, { recursive: true })
})

afterAll(async () => {
  await context?.close()
  await server?.close()
  if (userDataDir) rmSync(userDataDir, { recursive: true, force: true })
})

/** A page that records console errors and uncaught exceptions. */
async function openPage(): Promise<{ page: Page; errors: string[] }> {
  const page = await context.newPage()
  const errors: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`)
  })
  page.on('pageerror', (error) => errors.push(`exception: ${error.message}`))
  return { page, errors }
}

/** The document a language's page renders: the spec, translated. */
function documentOf(language: Language): any {
  const spec = loadSpec()
  return language.overlay ? applyOverlay(spec, loadOverlay(language.overlay)) : spec
}

const script: Record<string, RegExp> = { ko: /\p{Script=Hangul}/u, ja: /[\p{Script=Hiragana}\p{Script=Katakana}]/u }
/** Markdown as the page shows it, for the plain descriptions of this spec: code spans unmarked. */
const plain = (markdown: string) => markdown.replaceAll('`', '').trim()
/** Redoc's address of an operation: its tag's and its operationId's slugs. */
const route = (operationId: string) => `api-key/${operationId.toLowerCase()}`

describe.each(languages)('the $name page ($code)', (language) => {
  const document = documentOf(language)
  const operations = operationsOf(document).map((operation) => ({
    ...operation,
    summary: document.paths[operation.path][operation.method].summary as string,
    errorCodes: Object.keys(document.paths[operation.path][operation.method].responses).filter((code) => Number(code) >= 400),
  }))
  let page: Page
  let errors: string[]

  beforeAll(async () => {
    ;({ page, errors } = await openPage())
    await page.goto(`${server.url}${pagePath(language)}`)
    await page.locator('#redoc').getByText(document.info.title).first().waitFor()
  })
  afterAll(() => page?.close())

  test('lists the four operations in the sidebar with their methods, in the page language', async () => {
    await page.goto(`${server.url}${pagePath(language)}#/api-key`)
    for (const { operationId, method, summary } of operations) {
      const link = page.locator(`a[href="#/${route(operationId)}"]`).first()
      await expect.poll(() => link.count(), { message: operationId }).toBe(1)
      const text = await link.innerText()
      expect(text).toContain(summary)
      expect(text.toUpperCase()).toContain(method.toUpperCase())
      if (script[language.code]) expect(summary).toMatch(script[language.code]!)
    }
    expect(operations.map((o) => o.operationId).sort()).toEqual(['createApiKey', 'getApiKey', 'regenerateApiKey', 'updateApiKey'])
  })

  test('shows each operation with its method, path, name and error responses', async () => {
    for (const { operationId, method, path, summary, errorCodes } of operations) {
      await page.goto(`${server.url}${pagePath(language)}#/${route(operationId)}`)
      const operation = page.locator(`[id="${route(operationId)}"]`)
      await operation.waitFor()
      const text = await operation.innerText()
      expect(text).toContain(summary)
      expect(text).toContain(`${method.toUpperCase()}\n${path}`)
      const responses = await page.locator(`[id="${route(operationId)}/responses"]`).innerText()
      for (const code of ['200', ...errorCodes]) expect(responses, `${operationId} ${code}`).toMatch(new RegExp(`^${code}$`, 'm'))
      expect(errorCodes).toEqual(expect.arrayContaining(['400', '401', '403', '404', '429', '500', '503', '504']))
    }
  })

  test('shows an error response with its translated description', async () => {
    await page.goto(`${server.url}${pagePath(language)}#/${route('getApiKey')}`)
    await page.locator(`[id="${route('getApiKey')}/responses"]`).getByText('404', { exact: true }).first().click()
    const operation = page.locator(`[id="${route('getApiKey')}"]`)
    await expect.poll(() => operation.innerText()).toContain(plain(document.components.responses.NotFound.description))
  })

  test('shows apiKeyName in the create request body with its 1 to 20 character limit', async () => {
    await page.goto(`${server.url}${pagePath(language)}#/${route('createApiKey')}`)
    const field = page.locator(`[id="${route('createApiKey')}/t=request&path=apikeyname"]`)
    await field.waitFor()
    const text = await field.innerText()
    expect(text).toMatch(/^apiKeyName\n/)
    expect(text).toContain('[ 1 .. 20 ] characters')
    expect(text).toContain('required')
    expect(text).toContain(plain(document.components.schemas.ApiKeyName.description))
    await page.screenshot({ path: join(screenshots, `docs-${language.code}.png`), fullPage: true })
  })

  test('renders the signature guide with the worked example', async () => {
    await page.goto(`${server.url}${pagePath(language)}#/signature-v2`)
    await page.locator('[id="signature-v2"]').waitFor()
    const example = document.info['x-signature-v2-example']
    const content = page.locator('#api-content')
    await expect.poll(() => content.innerText()).toContain(example.stringToSign)
    expect(await content.innerText()).toContain(`${example.signature}`)
  })

  test('sent no request to another host and logged no error', () => {
    expect(offHost).toEqual([])
    expect(errors).toEqual([])
  })
})

describe('the start page', () => {
  test("opens each language's guides from its links", async () => {
    const { page, errors } = await openPage()
    try {
      await page.goto(`${server.url}start.html`)
      for (const language of languages) {
        const link = page.locator(`section[lang="${language.code}"] a[href="${pagePath(language)}#/quick-start"]`)
        const title = await link.innerText()
        await link.click()
        await expect.poll(() => page.url()).toBe(`${server.url}${pagePath(language)}#/quick-start`)
        await page.locator('[id="quick-start"]').getByText(title).first().waitFor()
        expect(await page.locator('html').getAttribute('lang')).toBe(language.code)
        await page.goBack()
      }
      expect(offHost).toEqual([])
      expect(errors).toEqual([])
    } finally {
      await page.close()
    }
  })
})

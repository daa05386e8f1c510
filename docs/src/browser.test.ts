// The built pages in a real browser: Debian's Chromium, driven by playwright-core, loading
// docs/dist from the docs' own static server on a free loopback port, with every request to
// another host refused and recorded. Never downloads a browser and is never skipped: without
// Chromium it fails and says how to install it.
// The functions given to page.evaluate run in the page: hence the DOM's types.
/// <reference lib="dom" />
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type BrowserContext, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { distDir, docsRoot, loadOverlay, loadSpec, readDist } from '../test/load.js'
import { chromiumExecutable, chromiumFlags } from './chromium.mjs'
import { operationsOf, sampleKinds } from './code-samples.mjs'
import { languages, pagePath, type Language } from './languages.mjs'
import { applyOverlay } from './overlay.mjs'
import { startStaticServer, type StaticServer } from './static-server.mjs'

const screenshots = join(docsRoot, 'test-results')
const viewport = { width: 1400, height: 1000 }

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
    viewport,
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

/** A code sample file of samples/operations/ as the build attaches it. */
const sampleSource = (operationId: string, suffix: string) =>
  readFileSync(join(docsRoot, 'samples', 'operations', `${operationId}${suffix}`), 'utf8').trimEnd()

/**
 * The request sample panel beside an operation. Its header holds two menus: the servers (marked
 * with the method's tag) and the samples; Redoc shows a lone sample's name as plain text instead.
 */
function samplePanel(page: Page, operationId: string) {
  const panel = page.locator(`[id="${route(operationId)}"] [data-testid="right-panel"] [data-component-name="Panel/Panel"]`).first()
  const header = panel.locator('[data-component-name="Panel/PanelHeader"]')
  const menuButton = header
    .locator('[data-testid="dropdown"]')
    .filter({ hasNot: page.locator('[data-component-name="Tag/Tag"]') })
    .locator('button')
  return { panel, header, menuButton, code: panel.locator('pre[data-testid="source-code"]') }
}

/** The menu Redoc opens for a dropdown (in a portal, not inside the panel). */
const openMenu = (page: Page) => page.locator('[role="menu"]:visible')

/** The names of the samples an operation's panel offers, as its menu lists them. */
async function offeredSamples(page: Page, operationId: string): Promise<string[]> {
  const { panel, header, menuButton } = samplePanel(page, operationId)
  await panel.waitFor()
  if ((await menuButton.count()) === 0) return [await header.locator(':scope > span').innerText()]
  await menuButton.click()
  const items = await openMenu(page).getByRole('menuitem').allInnerTexts()
  await menuButton.click()
  await expect.poll(() => openMenu(page).count(), { message: `${operationId}: the sample menu closes` }).toBe(0)
  return items.map((item) => item.trim())
}

/** Chooses a sample in an operation's panel by clicking it in the sample menu; returns its code. */
async function chooseSample(page: Page, operationId: string, label: string) {
  const { panel, header, menuButton, code } = samplePanel(page, operationId)
  await panel.waitFor()
  if ((await menuButton.count()) === 0) {
    // A lone sample: nothing to choose, and it must be the one asked for.
    expect(await header.locator(':scope > span').innerText(), `${operationId}: the only sample`).toBe(label)
    return code
  }
  await menuButton.click()
  await openMenu(page).getByRole('menuitem', { name: label, exact: true }).click()
  await expect.poll(() => menuButton.innerText(), { message: `${operationId}: ${label} is chosen` }).toBe(label)
  return code
}

/**
 * How a sample's code fits its panel: the width of the code's visible content box, the code
 * element's scrollWidth and clientWidth, and for each line its rendered width (a Range over the
 * line's text, so the width of the glyphs, not of the box around them) and whether the code
 * block's copy button, which floats over the top right corner, covers some of it.
 */
function measureLines(pre: HTMLElement) {
  pre.scrollLeft = 0
  const style = getComputedStyle(pre)
  const visible = pre.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight)
  const copy = pre.parentElement?.querySelector('[data-testid="copy-button"]')?.getBoundingClientRect()
  const lines = Array.from(pre.querySelectorAll('[data-line]'), (line) => {
    const range = document.createRange()
    range.selectNodeContents(line)
    const box = range.getBoundingClientRect()
    const underCopyButton =
      !!copy && box.width > 0 && box.left < copy.right && box.right > copy.left && box.top < copy.bottom && box.bottom > copy.top
    return { line: Number(line.getAttribute('data-line')), width: box.width, underCopyButton, text: line.textContent ?? '' }
  })
  return { visible, scrollWidth: pre.scrollWidth, clientWidth: pre.clientWidth, font: `${style.fontSize} ${style.fontFamily}`, lines }
}

/**
 * Letters of each CJK script the pages show. Drawn one by one with the page's own font, distinct
 * letters give distinct images, whereas with no font for the script every one is the same
 * missing-glyph box (.notdef), or nothing.
 */
const cjkLetters = [
  { script: 'Hangul', letters: ['가', '힣', '한', '국'] },
  { script: 'kana', letters: ['あ', 'の', 'ア', 'ン'] },
]

/** What is wrong with how the page draws Hangul and kana: one message per script, none if right. */
async function cjkGlyphProblems(page: Page): Promise<string[]> {
  const { font, scripts } = await page.evaluate((samples) => {
    const font = getComputedStyle(document.querySelector('#redoc') ?? document.body).fontFamily
    const canvas = document.createElement('canvas')
    canvas.width = canvas.height = 64
    const context = canvas.getContext('2d', { willReadFrequently: true })!
    const image = (text: string) => {
      context.clearRect(0, 0, 64, 64)
      context.font = `48px ${font}`
      context.fillText(text, 4, 52)
      return context.getImageData(0, 0, 64, 64).data.filter((_, i) => i % 4 === 3).join(',')
    }
    // A private-use code point no font has a glyph for: what a missing glyph looks like here.
    const missing = image('\u{10FFFD}')
    return {
      font,
      scripts: samples.map(({ script, letters }) => {
        const images = letters.map(image)
        return {
          script,
          letters,
          blank: images.filter((i) => !/[1-9]/.test(i)).length,
          asMissing: images.filter((i) => i === missing).length,
          distinct: new Set(images).size,
        }
      }),
    }
  }, cjkLetters)
  return scripts
    .filter(({ letters, blank, asMissing, distinct }) => blank > 0 || asMissing > 0 || distinct < letters.length)
    .map(
      ({ script, letters, blank, asMissing, distinct }) =>
        `${script} (${letters.join(' ')}) renders as boxes, not letters, in ${font} ` +
        `(${blank} blank, ${asMissing} drawn like a missing glyph, ${distinct} distinct images of ${letters.length}): ` +
        'no CJK font is installed. Install Debian\'s `fonts-noto-cjk` (`apt-get install -y fonts-noto-cjk`).',
    )
}

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

  test('lists every operation of the spec in the sidebar with its method, in the page language', async () => {
    await page.goto(`${server.url}${pagePath(language)}#/api-key`)
    for (const { operationId, method, summary } of operations) {
      const link = page.locator(`a[href="#/${route(operationId)}"]`).first()
      await expect.poll(() => link.count(), { message: operationId }).toBe(1)
      const text = await link.innerText()
      expect(text).toContain(summary)
      expect(text.toUpperCase()).toContain(method.toUpperCase())
      if (script[language.code]) expect(summary).toMatch(script[language.code]!)
    }
    expect(operations.length).toBe(Object.values(document.paths).flatMap((item: any) => Object.values(item).filter((op: any) => op?.operationId)).length)
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
      const success = Object.keys(document.paths[path][method].responses).find((code) => code.startsWith('2'))!
      for (const code of [success, ...errorCodes]) expect(responses, `${operationId} ${code}`).toMatch(new RegExp(`^${code}$`, 'm'))
      expect(errorCodes).toEqual(expect.arrayContaining(['400', '401', '403', '429', '500', '503', '504']))
    }
  })

  test('shows an error response with its translated description', async () => {
    await page.goto(`${server.url}${pagePath(language)}#/${route('getApiKey')}`)
    await page.locator(`[id="${route('getApiKey')}/responses"]`).getByText('404', { exact: true }).first().click()
    const operation = page.locator(`[id="${route('getApiKey')}"]`)
    await expect.poll(() => operation.innerText()).toContain(plain(document.components.responses.NotFound.description))
  })

  test('shows apiKeyName in the create request body with its length limit from the spec', async () => {
    await page.goto(`${server.url}${pagePath(language)}#/${route('createApiKey')}`)
    const field = page.locator(`[id="${route('createApiKey')}/t=request&path=apikeyname"]`)
    await field.waitFor()
    const text = await field.innerText()
    expect(text).toMatch(/^apiKeyName\n/)
    const { minLength, maxLength } = document.components.schemas.ApiKeyName
    expect(text).toContain(`[ ${minLength} .. ${maxLength} ] characters`)
    expect(text).toContain('required')
    expect(text).toContain(plain(document.components.schemas.ApiKeyName.description))
    await page.screenshot({ path: join(screenshots, `docs-${language.code}.png`), fullPage: true })
  })

  test('renders the signature guide with both worked examples', async () => {
    await page.goto(`${server.url}${pagePath(language)}#/signature-v2`)
    await page.locator('[id="signature-v2"]').waitFor()
    const content = page.locator('#api-content')
    for (const example of document.info['x-signature-v2-examples']) {
      await expect.poll(() => content.innerText()).toContain(example.stringToSign)
      expect(await content.innerText()).toContain(`${example.signature}`)
    }
  })

  test("offers every code sample of every operation, each showing its file's code", async () => {
    for (const { operationId } of operations) {
      await page.goto(`${server.url}${pagePath(language)}#/${route(operationId)}`)
      // Redoc adds its own "Payload" (the request body example) to operations that take a body.
      const offered = (await offeredSamples(page, operationId)).filter((label) => label !== 'Payload')
      expect(offered, `${operationId}: the samples its menu offers`).toEqual(sampleKinds.map((kind) => kind.label))
      for (const { suffix, label } of sampleKinds) {
        const code = await chooseSample(page, operationId, label)
        expect((await code.textContent())?.trimEnd(), `${operationId}: the code of ${label}`).toBe(sampleSource(operationId, suffix))
      }
    }
  })

  test(`shows every line of every sample whole in the sample panel at ${viewport.width} px`, async () => {
    const cut: string[] = []
    let widest = { operationId: '', label: '', line: 0, width: 0, visible: 0, font: '' }
    for (const { operationId } of operations) {
      await page.goto(`${server.url}${pagePath(language)}#/${route(operationId)}`)
      for (const label of await offeredSamples(page, operationId)) {
        const code = await chooseSample(page, operationId, label)
        const { visible, scrollWidth, clientWidth, font, lines } = await code.evaluate(measureLines)
        if (scrollWidth > clientWidth) cut.push(`${operationId} ${label}: the code scrolls (scrollWidth ${scrollWidth} px > clientWidth ${clientWidth} px)`)
        for (const { line, width, underCopyButton, text } of lines) {
          if (width > visible) cut.push(`${operationId} ${label} line ${line}: ${width.toFixed(1)} px > ${visible} px: ${text}`)
          if (underCopyButton) cut.push(`${operationId} ${label} line ${line}: partly under the copy button: ${text}`)
          if (width > widest.width) widest = { operationId, label, line, width, visible, font }
        }
      }
    }
    expect(cut, cut.join('\n')).toEqual([])
    expect(widest.width).toBeGreaterThan(0)
    // The panel holding the widest line, for a person to look at; its figures go to the log.
    await page.goto(`${server.url}${pagePath(language)}#/${route(widest.operationId)}`)
    await chooseSample(page, widest.operationId, widest.label)
    await samplePanel(page, widest.operationId).panel.screenshot({ path: join(screenshots, `docs-${language.code}-sample.png`) })
    const figures = `${language.code}: widest sample line ${widest.width.toFixed(1)} px (${widest.operationId} ${widest.label} line ${widest.line}) of ${widest.visible} px visible, ${widest.font}`
    writeFileSync(join(screenshots, `docs-${language.code}-sample.txt`), `${figures}\n`)
    console.log(figures)
  })

  test('draws Hangul and kana as letters, not boxes', async () => {
    const problems = await cjkGlyphProblems(page)
    expect(problems, problems.join('\n')).toEqual([])
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

describe('the CJK glyph check', () => {
  test('reports boxes, naming fonts-noto-cjk, in a Chromium whose fontconfig has no CJK font', async () => {
    // Latin fonts only (those of Debian's fonts-dejavu and fonts-liberation, where present), as on
    // a machine without fonts-noto-cjk.
    const dir = mkdtempSync(join(tmpdir(), 'docs-fontconfig-'))
    const fontDirs = ['/usr/share/fonts/truetype/dejavu', '/usr/share/fonts/truetype/liberation'].filter((d) => existsSync(d))
    writeFileSync(
      join(dir, 'fonts.conf'),
      `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">\n<fontconfig>\n` +
        fontDirs.map((d) => `  <dir>${d}</dir>\n`).join('') +
        `  <cachedir>${join(dir, 'cache')}</cachedir>\n</fontconfig>\n`,
    )
    const browser = await chromium.launch({
      executablePath: chromiumExecutable(process.env, existsSync),
      headless: true,
      args: [...chromiumFlags],
      env: { ...process.env, FONTCONFIG_FILE: join(dir, 'fonts.conf') },
    })
    try {
      const page = await browser.newPage()
      await page.route('**/*', (route) => (route.request().url().startsWith(server.url) ? route.continue() : route.abort('blockedbyclient')))
      await page.goto(`${server.url}${pagePath(languages.find((l) => l.code === 'ko')!)}`)
      await page.locator('#redoc').waitFor()
      const problems = await cjkGlyphProblems(page)
      expect(problems.map((p) => p.split(' ')[0])).toEqual(['Hangul', 'kana'])
      for (const problem of problems) expect(problem).toContain('fonts-noto-cjk')
    } finally {
      await browser.close()
      rmSync(dir, { recursive: true, force: true })
    }
  })
})

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
/** The one tab every test uses, page after page: one Chromium, one tab, for the whole file. */
let page: Page
/** Console errors and uncaught exceptions of the tab since the current page was opened. */
const errors: string[] = []
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
  page = await context.newPage()
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`)
  })
  page.on('pageerror', (error) => errors.push(`exception: ${error.message}`))
  mkdirSync(screenshots, { recursive: true })
})

afterAll(async () => {
  await context?.close()
  await server?.close()
  if (userDataDir) rmSync(userDataDir, { recursive: true, force: true })
})

/** Opens a page of the site in the one tab, its errors counted from now. */
async function open(path: string): Promise<void> {
  errors.length = 0
  await page.goto(`${server.url}${path}`)
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
const route = (op: { tags: string[]; operationId: string }) => `${op.tags[0]!.toLowerCase().replaceAll(' ', '-')}/${op.operationId.toLowerCase()}`

/** A code sample file of samples/operations/ as the build attaches it. */
const sampleSource = (operationId: string, suffix: string) =>
  readFileSync(join(docsRoot, 'samples', 'operations', `${operationId}${suffix}`), 'utf8').trimEnd()

/**
 * What the page shows of every operation, read in one pass inside the page: for each operation,
 * its section's and its responses' text, the samples its panel offers (Redoc's own "Payload"
 * included) and, for each sample chosen in turn from the panel's menu (or for the first only,
 * when `everySample` is false), its code and how its lines fit the panel. Clicks go straight to
 * the DOM and each step waits for the page to show its result, so the walk costs a fraction of a
 * second per operation, whatever the machine's speed.
 */
async function walkOperations(page: Page, routes: string[], everySample: boolean) {
  return page.evaluate(
    async ({ routes, everySample, measureSource }) => {
      const measure = new Function(`return (${measureSource})`)() as (pre: HTMLElement) => LineFit
      const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)))
      async function until<T>(what: string, read: () => T | null | undefined | false): Promise<T> {
        for (let i = 0; i < 2000; i++) {
          const value = read()
          if (value) return value
          await frame()
        }
        throw new Error(`the page never showed ${what}`)
      }
      const openItems = () =>
        Array.from(document.querySelectorAll<HTMLElement>('[role="menu"]'))
          .filter((menu) => menu.offsetParent !== null)
          .flatMap((menu) => Array.from(menu.querySelectorAll<HTMLElement>('[role="menuitem"]')))
      const walked = []
      for (const route of routes) {
        location.hash = `#/${route}`
        const section = await until(`#${route}`, () => document.getElementById(route))
        // The sidebar shows the open operation's entry: its tag's group is expanded for it.
        const sidebar = await until(`${route}'s sidebar entry`, () =>
          document.querySelector<HTMLElement>(`a[href="#/${route}"] > [data-testid="menu-item-label"]`)?.innerText.trim(),
        )
        const panel = await until(`${route}'s sample panel`, () =>
          section.querySelector<HTMLElement>('[data-testid="right-panel"] [data-component-name="Panel/Panel"]'),
        )
        const header = panel.querySelector('[data-component-name="Panel/PanelHeader"]')!
        // The header holds two menus: the servers (marked with the method's tag) and the samples;
        // Redoc shows a lone sample's name as plain text instead.
        const button = Array.from(header.querySelectorAll('[data-testid="dropdown"]'))
          .find((dropdown) => !dropdown.querySelector('[data-component-name="Tag/Tag"]'))
          ?.querySelector('button')
        const responses = await until(`${route}'s responses`, () => document.getElementById(`${route}/responses`)?.innerText.match(/^[2-5]\d\d$/m) && document.getElementById(`${route}/responses`)!.innerText)
        const code = () => panel.querySelector<HTMLElement>('pre[data-testid="source-code"]')
        // One look at the open menu says what it offers; on the English page each sample is then
        // chosen from it in turn (the first is already shown), on the others the menu is closed.
        let offered: string[]
        const samples = []
        const menuOpen = () => openItems().length > 0
        if (button) {
          button.click()
          offered = (await until(`${route}'s sample menu`, () => menuOpen() && openItems())).map((item) => item.innerText.trim())
        } else {
          offered = [(header.querySelector(':scope > span') as HTMLElement).innerText.trim()]
        }
        for (const label of everySample ? offered : offered.slice(0, 1)) {
          if (button && button.innerText.trim() !== label) {
            if (!menuOpen()) {
              button.click()
              await until(`${route}'s sample menu`, menuOpen)
            }
            const item = await until(`${label} in ${route}'s sample menu`, () => openItems().find((i) => i.innerText.trim() === label))
            item.click()
            await until(`${label} chosen in ${route}`, () => button.innerText.trim() === label && !menuOpen())
          }
          const pre = await until(`${route}'s ${label} code`, code)
          samples.push({ label, code: pre.textContent ?? '', fit: measure(pre) })
        }
        if (button && menuOpen()) {
          button.click()
          await until(`${route}'s sample menu closed`, () => !menuOpen())
        }
        walked.push({ route, sidebar, text: section.innerText, responses, offered, samples })
      }
      return walked
    },
    { routes, everySample, measureSource: measureLines.toString() },
  )
}

interface LineFit {
  visible: number
  scrollWidth: number
  clientWidth: number
  font: string
  lines: { line: number; width: number; underCopyButton: boolean; text: string }[]
}

/** What does not fit: a code block that scrolls, a line wider than the box or under the copy button. */
function cutLines(where: string, { visible, scrollWidth, clientWidth, lines }: LineFit): string[] {
  const cut: string[] = []
  if (scrollWidth > clientWidth) cut.push(`${where}: the code scrolls (scrollWidth ${scrollWidth} px > clientWidth ${clientWidth} px)`)
  for (const { line, width, underCopyButton, text } of lines) {
    if (width > visible) cut.push(`${where} line ${line}: ${width.toFixed(1)} px > ${visible} px: ${text}`)
    if (underCopyButton) cut.push(`${where} line ${line}: partly under the copy button: ${text}`)
  }
  return cut
}

/**
 * How a sample's code fits its panel: the width of the code's visible content box, the code
 * element's scrollWidth and clientWidth, and for each line its rendered width (a Range over the
 * line's text, so the width of the glyphs, not of the box around them) and whether the code
 * block's copy button, which floats over the top right corner, covers some of it.
 */
function measureLines(pre: HTMLElement): LineFit {
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
  const operations = operationsOf(document).map((operation) => {
    const op = document.paths[operation.path][operation.method]
    return {
      ...operation,
      route: route(op),
      summary: op.summary as string,
      success: Object.keys(op.responses).find((code) => code.startsWith('2'))!,
      errorCodes: Object.keys(op.responses).filter((code) => Number(code) >= 400),
      source: op['x-ncp-source'] as string | undefined,
      pages: op['x-ncp-pages'] as Record<string, string> | undefined,
      successSource: (Object.entries(op.responses) as [string, any][]).find(([code]) => code.startsWith('2'))?.[1]['x-ncp-source'] as string | undefined,
    }
  })
  // Every sample is chosen and read back on the English page; the samples are the same files on
  // every page, so the translated pages show that each operation offers them all and opens on the first.
  const everySample = language.code === 'en'
  let walked: Awaited<ReturnType<typeof walkOperations>>

  beforeAll(async () => {
    await open(pagePath(language))
    await page.locator('#redoc').getByText(document.info.title).first().waitFor()
    walked = await walkOperations(page, operations.map((o) => o.route), everySample)
  })

  const walkOf = (operationId: string) => walked[operations.findIndex((o) => o.operationId === operationId)]!

  test('lists every operation of the spec in the sidebar with its method, in the page language', () => {
    for (const { operationId, method, summary } of operations) {
      const text = walkOf(operationId).sidebar
      expect(text, operationId).toContain(summary)
      expect(text.toUpperCase()).toContain(method.toUpperCase())
      if (script[language.code]) expect(summary).toMatch(script[language.code]!)
    }
    expect(operations.length).toBe(Object.values(document.paths).flatMap((item: any) => Object.values(item).filter((op: any) => op?.operationId)).length)
  })

  test('shows each operation with its method, path, name, success and error responses', () => {
    for (const { operationId, method, path, summary, success, errorCodes } of operations) {
      const { text, responses } = walkOf(operationId)
      expect(text, operationId).toContain(summary)
      expect(text, operationId).toContain(`${method.toUpperCase()}\n${path}`)
      for (const code of [success, ...errorCodes]) expect(responses, `${operationId} ${code}`).toMatch(new RegExp(`^${code}$`, 'm'))
      expect(errorCodes).toEqual(expect.arrayContaining(['400', '401', '403', '429', '500', '503', '504']))
    }
  })

  test("shows where an operation and its success response come from: the spec's x-ncp-source, untranslated", () => {
    const { source: label, pages: pagesLabel } = language.words
    const flat = (text: string) => text.replace(/\s+/g, ' ').replaceAll('`', '').trim()
    for (const { operationId, source, successSource, pages } of operations) {
      const { text } = walkOf(operationId)
      if (source) expect(text, `${operationId}'s source`).toContain(`${label} ${flat(source)}`)
      if (successSource) expect(text, `${operationId}'s success response's source`).toContain(`${label} ${flat(successSource)}`)
      if (pages) expect(text, `${operationId}'s NCP pages`).toContain(`${pagesLabel}: ${Object.keys(pages).join(' · ')}`)
    }
    expect(operations.filter((o) => o.source && o.successSource && o.pages).length).toBeGreaterThan(0)
  })

  test('shows an error response with its translated description', async () => {
    const getApiKey = operations.find((o) => o.operationId === 'getApiKey')!
    await page.goto(`${server.url}${pagePath(language)}#/${getApiKey.route}`)
    await page.locator(`[id="${getApiKey.route}/responses"]`).getByText('404', { exact: true }).first().click()
    const operation = page.locator(`[id="${getApiKey.route}"]`)
    await expect.poll(() => operation.innerText()).toContain(plain(document.components.responses.NotFound.description))
  })

  test('shows apiKeyName in the create request body with its length limit from the spec', async () => {
    const createApiKey = operations.find((o) => o.operationId === 'createApiKey')!
    await page.goto(`${server.url}${pagePath(language)}#/${createApiKey.route}`)
    const field = page.locator(`[id="${createApiKey.route}/t=request&path=apikeyname"]`)
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

  test(`offers every code sample of every operation, ${everySample ? "each showing its file's code" : "opening on the first, its file's code"}`, () => {
    for (const { operationId } of operations) {
      const { offered, samples } = walkOf(operationId)
      // Redoc adds its own "Payload" (the request body example) to operations that take a body.
      expect(offered.filter((label) => label !== 'Payload'), `${operationId}: the samples its menu offers`).toEqual(sampleKinds.map((kind) => kind.label))
      expect(samples.length, operationId).toBe(everySample ? offered.length : 1)
      for (const { label, code } of samples) {
        const kind = sampleKinds.find((k) => k.label === label)
        if (kind) expect(code.trimEnd(), `${operationId}: the code of ${label}`).toBe(sampleSource(operationId, kind.suffix))
      }
    }
  })

  test(`shows every line of every sample shown whole in the sample panel at ${viewport.width} px`, () => {
    const cut: string[] = []
    let widest = { operationId: '', label: '', line: 0, width: 0, visible: 0, font: '' }
    for (const { operationId } of operations) {
      for (const { label, fit } of walkOf(operationId).samples) {
        cut.push(...cutLines(`${operationId} ${label}`, fit))
        for (const { line, width } of fit.lines) {
          if (width > widest.width) widest = { operationId, label, line, width, visible: fit.visible, font: fit.font }
        }
      }
    }
    expect(cut, cut.join('\n')).toEqual([])
    expect(widest.width).toBeGreaterThan(0)
    // The widest line's figures, for a person to look at, go to the log.
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
    await open('start.html')
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

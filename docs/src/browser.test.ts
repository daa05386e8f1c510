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
import { fencedBlocks } from '../../scripts/markdown-blocks.mjs'
import { distDir, docsRoot, loadOverlay, loadSpec, readDist } from '../test/load.js'
import { chromiumExecutable, chromiumFlags } from './chromium.mjs'
import { operationsOf, sampleKinds } from './code-samples.mjs'
import { anchorOf, guideSlugs, headingsOf, loadGuides } from './guides.mjs'
import { languages, pagePath, type Language } from './languages.mjs'
import { applyOverlay } from './overlay.mjs'
import { startStaticServer, type StaticServer } from './static-server.mjs'

const screenshots = join(docsRoot, 'test-results')
const viewport = { width: 1400, height: 1000 }
/** A phone's viewport (an iPhone 14's CSS pixels), where the guides' code must read whole too. */
const phone = { width: 390, height: 844 }

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
        const panelText = panel.innerText
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
            // The menu's label can change a frame before the code does: wait for the code too.
            const before = code()?.textContent
            if (!menuOpen()) {
              button.click()
              await until(`${route}'s sample menu`, menuOpen)
            }
            const item = await until(`${label} in ${route}'s sample menu`, () => openItems().find((i) => i.innerText.trim() === label))
            item.click()
            await until(`${label} chosen in ${route}`, () => button.innerText.trim() === label && !menuOpen())
            await until(`${label}'s code in ${route}`, () => code() !== null && code()!.textContent !== before)
          }
          const pre = await until(`${route}'s ${label} code`, code)
          samples.push({ label, code: pre.textContent ?? '', fit: measure(pre) })
        }
        if (button && menuOpen()) {
          button.click()
          await until(`${route}'s sample menu closed`, () => !menuOpen())
        }
        walked.push({ route, sidebar, text: section.innerText, panel: panelText, responses, offered, samples })
      }
      return walked
    },
    { routes, everySample, measureSource: measureLines.toString() },
  )
}

/**
 * What the page shows of the guides, read in one pass inside the page like the operations: for
 * each route given (a guide, `#/quick-start`, or one of its sections,
 * `#/quick-start/your-own-openapi-fetch-client`), how each of the section's code blocks fits the
 * column (`measureText`), and every section address of its guide the page has drawn. Redoc draws
 * the section a route names; `blocks` says how many code blocks that section has, so that it is
 * read once all are drawn.
 */
async function walkGuides(page: Page, routes: { route: string; blocks: number }[]) {
  return page.evaluate(
    async ({ routes, measureSource }) => {
      const measure = new Function(`return (${measureSource})`)() as (pre: HTMLElement) => TextFit
      const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)))
      async function until<T>(what: string, read: () => T | null | undefined | false): Promise<T> {
        for (let i = 0; i < 2000; i++) {
          const value = read()
          if (value) return value
          await frame()
        }
        throw new Error(`the page never showed ${what}`)
      }
      const walked = []
      for (const { route, blocks } of routes) {
        location.hash = `#/${route}`
        const section = await until(`#${route}`, () => document.getElementById(route))
        const pres = await until(`${route}'s ${blocks} code blocks`, () => {
          const found = Array.from(section.querySelectorAll<HTMLElement>('[data-component-name="Markdown/Markdown"] pre'))
          return found.length === blocks && found
        })
        // Headings carry their section's address too, with a leading slash.
        const guide = route.split('/')[0]!
        const addresses = Array.from(document.querySelectorAll(`[id^="${guide}/"], [id^="/${guide}/"]`), (e) => e.id.replace(/^\//, ''))
        walked.push({ route, addresses, blocks: pres.map((pre) => ({ first: (pre.textContent ?? '').split('\n')[0], fit: measure(pre) })) })
      }
      return walked
    },
    { routes, measureSource: measureText.toString() },
  )
}

interface TextFit {
  scrollWidth: number
  clientWidth: number
  /** Each line of the code: how many rows of the box it takes, and whether any of it lies outside the box. */
  lines: { line: number; rows: number; outside: boolean; text: string }[]
}

/**
 * How a guide's code block fits its column. Its lines are plain text (no element per line, as in
 * the samples' panel), so each line is measured through Ranges over its characters: the rows its
 * rectangles take (more than one when the line wraps) and whether any rectangle reaches past the
 * box's content edges.
 */
function measureText(pre: HTMLElement): TextFit {
  pre.scrollLeft = 0
  const style = getComputedStyle(pre)
  const box = pre.getBoundingClientRect()
  const left = box.left + pre.clientLeft + parseFloat(style.paddingLeft) - 0.5
  const right = box.left + pre.clientLeft + pre.clientWidth - parseFloat(style.paddingRight) + 0.5
  const lines: { rects: DOMRect[]; text: string }[] = [{ rects: [], text: '' }]
  const texts = document.createTreeWalker(pre, NodeFilter.SHOW_TEXT)
  for (let node = texts.nextNode(); node; node = texts.nextNode()) {
    const content = node.textContent ?? ''
    // Words only: where a wrapped line breaks, the space before the break hangs past the edge,
    // as CSS lets it, and shows nothing.
    for (const part of content.matchAll(/\n|\S+/g)) {
      if (part[0] === '\n') {
        lines.push({ rects: [], text: '' })
        continue
      }
      const range = document.createRange()
      range.setStart(node, part.index!)
      range.setEnd(node, part.index! + part[0].length)
      lines.at(-1)!.rects.push(...Array.from(range.getClientRects()).filter((r) => r.width > 0))
      lines.at(-1)!.text += (lines.at(-1)!.text ? ' ' : '') + part[0]
    }
  }
  return {
    scrollWidth: pre.scrollWidth,
    clientWidth: pre.clientWidth,
    lines: lines.map(({ rects, text }, i) => ({
      line: i + 1,
      rows: new Set(rects.map((r) => Math.round(r.top))).size,
      outside: rects.some((r) => r.left < left || r.right > right),
      text,
    })),
  }
}

/** What a guide's code block does not show whole: a line past the edge, a scroll, a wrap where none may be. */
function unreadLines(where: string, { scrollWidth, clientWidth, lines }: TextFit, wrapping: boolean): string[] {
  const cut: string[] = []
  if (scrollWidth > clientWidth) cut.push(`${where}: the code scrolls (scrollWidth ${scrollWidth} px > clientWidth ${clientWidth} px)`)
  for (const { line, rows, outside, text } of lines) {
    if (outside) cut.push(`${where} line ${line}: reaches past the column: ${text}`)
    if (!wrapping && rows > 1) cut.push(`${where} line ${line}: wraps onto ${rows} rows: ${text}`)
  }
  return cut
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

/** The description of an operation's request body example, as the page's document has it. */
function requestExampleOf(document: any, operation: any): string | undefined {
  const examples = operation.requestBody?.content?.['application/json']?.examples ?? {}
  const first: any = Object.values(examples)[0]
  const example = first?.$ref ? document.components.examples[first.$ref.split('/').pop()] : first
  return example?.description
}

/** Words for a page, by language: a request example's caption has no reason to name one. */
const pageWords: Record<string, RegExp> = { en: /\bpages?\b/i, ko: /페이지/, ja: /ページ/ }

/**
 * A guide's routes as a page shows it: the guide (`quick-start`) and each of its sections
 * (`quick-start/your-own-openapi-fetch-client`, the anchor the build gives its heading), with the
 * number of code blocks in each.
 */
function sectionsOf(slug: string, markdown: string): { route: string; blocks: number }[] {
  const lines = markdown.split('\n')
  const headings = headingsOf(markdown)
  const starts = [0, ...headings.map((heading) => heading.index), lines.length]
  return starts.slice(0, -1).map((start, i) => {
    const anchor = i === 0 ? undefined : /\{% #([\w-]+) %\}$/.exec(headings[i - 1]!.text)?.[1]
    return {
      route: anchor === undefined ? slug : `${slug}/${anchor}`,
      blocks: fencedBlocks(lines.slice(start, starts[i + 1]).join('\n')).length,
    }
  })
}

/** The address of each guide's sections, from the English guide's headings. */
const englishSections: Record<string, string[]> = Object.fromEntries(
  guideSlugs.map((slug) => {
    const markdown = readFileSync(join(docsRoot, 'guides', 'en', `${slug}.md`), 'utf8')
    return [slug, headingsOf(markdown).map((heading) => `${slug}/${anchorOf(heading.text)}`)]
  }),
)

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
      requestExample: requestExampleOf(document, op),
    }
  })
  // The guides as this page shows them, how many code blocks each has, and the address of each
  // section: the English heading's, in every language.
  const guides = loadGuides({
    dir: join(docsRoot, 'guides', language.code),
    samplesDir: join(docsRoot, 'samples'),
    spec: loadSpec(),
    englishDir: join(docsRoot, 'guides', 'en'),
  })
  const guideRoutes = guides.flatMap(({ slug, markdown }) => sectionsOf(slug, markdown))
  // Every sample is chosen and read back on the English page; the samples are the same files on
  // every page, so the translated pages show that each operation offers them all and opens on the first.
  const everySample = language.code === 'en'
  let walked: Awaited<ReturnType<typeof walkOperations>>
  let guidesWide: Awaited<ReturnType<typeof walkGuides>>
  let guidesPhone: Awaited<ReturnType<typeof walkGuides>>

  beforeAll(async () => {
    await open(pagePath(language))
    await page.locator('#redoc').getByText(document.info.title).first().waitFor()
    walked = await walkOperations(page, operations.map((o) => o.route), everySample)
    guidesWide = await walkGuides(page, guideRoutes)
    await page.setViewportSize(phone)
    try {
      // Only the sections with code, at a phone's width.
      guidesPhone = await walkGuides(page, guideRoutes.filter((section) => section.blocks > 0))
    } finally {
      await page.setViewportSize(viewport)
    }
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

  test("captions each request example in the sample panel by what it is, in the page's language", () => {
    const withExample = operations.filter((o) => o.requestExample)
    expect(withExample.length).toBeGreaterThan(0)
    // Masked IDs (`***9rpm***`) are code in the captions, so their asterisks show as written
    // rather than being taken for emphasis.
    const words = (text: string) => plain(text).replace(/\s+/g, ' ')
    for (const { operationId, requestExample } of withExample) {
      expect(words(walkOf(operationId).panel), operationId).toContain(words(requestExample!))
      // A request example is not a page: a caption that speaks of one cites NCP's page, which a
      // reader may not know (that goes in the example's x-ncp-source).
      expect(requestExample, operationId).not.toMatch(pageWords[language.code]!)
    }
  })

  test.each([
    { width: viewport.width, wrapping: false, how: 'each line on one row' },
    { width: phone.width, wrapping: true, how: 'wrapped where a line is wider than the column' },
  ])("shows every line of every guide's code whole at $width px, $how", ({ width, wrapping }) => {
    const walkedGuides = width === phone.width ? guidesPhone : guidesWide
    const withCode = guideRoutes.filter((section) => section.blocks > 0)
    expect(walkedGuides.filter((w) => w.blocks.length > 0).map((w) => [w.route, w.blocks.length])).toEqual(withCode.map((r) => [r.route, r.blocks]))
    const cut = walkedGuides.flatMap(({ route, blocks }) => blocks.flatMap(({ first, fit }, i) => unreadLines(`${route} block ${i + 1} (${first})`, fit, wrapping)))
    expect(cut, cut.join('\n')).toEqual([])
    // At a phone's width some lines are wider than the column: the check is not vacuous there.
    const wrapped = walkedGuides.flatMap((g) => g.blocks.flatMap((b) => b.fit.lines)).filter((line) => line.rows > 1)
    if (wrapping) expect(wrapped.length).toBeGreaterThan(0)
  })

  test('gives each guide section the address of its English heading, and no other', () => {
    const expected = Object.entries(englishSections).flatMap(([slug, sections]) => [slug, ...sections])
    // Each English address was opened on this page (the walk waits for its section)...
    expect(guidesWide.map((w) => w.route)).toEqual(expected)
    // ...and every section address the page drew is one of them.
    const drawn = new Set(guidesWide.flatMap((w) => w.addresses))
    expect([...drawn].filter((address) => !expected.includes(address))).toEqual([])
    expect(Object.values(englishSections).flat().length).toBeGreaterThan(0)
  })

  test("opens the sources guide of this page from the link under the title, not another site", async () => {
    // The introduction, at the page's first address (#/), holds the link.
    await page.goto(`${server.url}${pagePath(language)}#/`)
    const link = page.locator('#redoc a[href="#/sources"]').filter({ hasText: plain(document.externalDocs.description).slice(0, 20) })
    await link.click()
    await expect.poll(() => page.url()).toBe(`${server.url}${pagePath(language)}#/sources`)
    await page.locator('[id="sources"]').waitFor()
    expect(await page.locator('html').getAttribute('lang')).toBe(language.code)
  })

  test('declares its icon inline, so that the browser asks for no missing /favicon.ico', async () => {
    // Chromium fetches no icon while requests are routed, as here, so the request itself cannot
    // be watched: what the page declares is checked instead.
    expect(await page.locator('head link[rel~="icon"]').getAttribute('href')).toMatch(/^data:/)
  })

  test("links the other languages to the reader's place: the same route on their page", async () => {
    const index = languages.indexOf(language)
    const next = languages[(index + 1) % languages.length]!
    // An operation on one page, a guide's section on the next: both keep their address.
    const create = operations.find((o) => o.operationId === 'createApiKey')!.route
    const place = index % 2 === 0 ? create : englishSections['quick-start']![0]!
    // Reached inside the page, as a reader does, so that the link is set from the route alone.
    expect(page.url().startsWith(`${server.url}${pagePath(language)}#`)).toBe(true)
    await page.evaluate((route) => {
      location.hash = `#/${route}`
    }, place)
    await page.locator(`[id="${place}"]`).waitFor()
    await page.locator(`.docs-languages a[hreflang="${next.code}"]`).click()
    await expect.poll(() => page.url()).toBe(`${server.url}${pagePath(next)}#/${place}`)
    await page.locator(`[id="${place}"]`).waitFor()
    expect(await page.locator('html').getAttribute('lang')).toBe(next.code)
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
    // An inline icon, as on the reference pages: none is asked of the server, which has none.
    expect(await page.locator('head link[rel~="icon"]').getAttribute('href')).toMatch(/^data:/)
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

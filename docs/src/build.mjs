// @ts-check
// Builds the published docs into dist/: one self-contained Redoc page per language
// (index.html, ko/index.html, ja/index.html), the start page that links them and their guides,
// and the bundled spec beside them. `pnpm build` runs it as the docs package's turbo `build`
// task, after the spec's `bundle`.
import { execFile } from 'node:child_process'
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { parse } from 'yaml'
import { addCodeSamples, codeSampleLanguageProblems } from './code-samples.mjs'
import { addGuides, loadGuides } from './guides.mjs'
import { renderLanding } from './landing.mjs'
import { languages, pagePath } from './languages.mjs'
import { applyOverlay } from './overlay.mjs'
import { inlineRemoteAssets, remoteResources } from './self-contained.mjs'
import { showSources } from './sources.mjs'
import { checkTranslation } from './translation-coverage.mjs'

const root = fileURLToPath(new URL('..', import.meta.url))
const dist = join(root, 'dist')
const work = join(root, 'build')
const require = createRequire(import.meta.url)
const specJson = require.resolve('@ncloud-apigw/spec/openapi.json')
const specYaml = require.resolve('@ncloud-apigw/spec/openapi.yaml')
const redoclyCli = join(dirname(require.resolve('@redocly/cli/package.json')), 'bin', 'cli.js')

/** @param {string} language */
const nav = (language) => {
  const here = languages.find((l) => l.code === language)
  if (!here) throw new Error(`Unknown language ${language}`)
  const up = here.dir === '' ? '' : '../'
  const links = languages
    .map((l) => {
      const current = l.code === language ? ' aria-current="page"' : ''
      return `<a href="${up}${pagePath(l)}" hreflang="${l.code}" lang="${l.code}"${current}>${l.name}</a>`
    })
    .join('')
  return `<nav class="docs-languages" aria-label="Languages"><a class="docs-home" href="${up}start.html">${here.words.start}</a>${links}</nav>`
}

const started = Date.now()
const spec = JSON.parse(readFileSync(specJson, 'utf8'))

// Redoc drops, silently, every sample its options do not name: refuse to build such pages.
const redocly = parse(readFileSync(join(root, 'redocly.yaml'), 'utf8'))
for (const language of languages) {
  const problems = codeSampleLanguageProblems(redocly.apis?.[language.code]?.openapi)
  if (problems.length > 0) throw new Error(`redocly.yaml, apis.${language.code}:\n  ${problems.join('\n  ')}`)
}
rmSync(dist, { recursive: true, force: true })
rmSync(work, { recursive: true, force: true })

/** @type {Parameters<typeof renderLanding>[0]['sections']} */
const sections = []
for (const language of languages) {
  let document = spec
  if (language.overlay) {
    const overlayFile = join(root, 'i18n', language.overlay)
    const overlay = parse(readFileSync(overlayFile, 'utf8'))
    // Incomplete translations still build, so that a spec change never blocks the other
    // packages; the translation coverage test is what fails.
    for (const problem of checkTranslation(spec, overlay, `i18n/${language.overlay}`)) console.warn(`warning: ${problem}`)
    document = applyOverlay(spec, overlay)
  }
  const guides = loadGuides({
    dir: join(root, 'guides', language.code),
    samplesDir: join(root, 'samples'),
    spec,
    englishDir: join(root, 'guides', 'en'),
  })
  document = addGuides(addCodeSamples(showSources(document, language.words), join(root, 'samples', 'operations')), guides, language.words)
  mkdirSync(join(work, language.code), { recursive: true })
  writeFileSync(join(work, language.code, 'openapi.json'), JSON.stringify(document, null, 2))
  sections.push({ language, title: document.info.title, guides })
}

const run = promisify(execFile)
await Promise.all(
  languages.map(async (language) => {
    const output = join(dist, pagePath(language))
    await run(
      process.execPath,
      [
        redoclyCli,
        'build-docs',
        language.code,
        '--config',
        join(root, 'redocly.yaml'),
        '--inlineBundle',
        '--output',
        output,
        '--templateOptions.lang',
        language.code,
        '--templateOptions.description',
        language.words.description,
        '--templateOptions.nav',
        nav(language.code),
      ],
      {
        cwd: root,
        env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1' },
        maxBuffer: 16 * 1024 * 1024,
      },
    ).catch((/** @type {any} */ error) => {
      throw new Error(`redocly build-docs ${language.code} failed:\n${error.stderr || error.stdout || error.message}`)
    })
    const html = inlineRemoteAssets(readFileSync(output, 'utf8'))
    const remote = remoteResources(html)
    if (remote.length > 0) throw new Error(`${pagePath(language)} loads from other hosts:\n  ${remote.join('\n  ')}`)
    writeFileSync(output, html)
  }),
)

writeFileSync(join(dist, 'start.html'), renderLanding({ title: spec.info.title, version: spec.info.version, sections }))
copyFileSync(specYaml, join(dist, 'openapi.yaml'))
copyFileSync(specJson, join(dist, 'openapi.json'))

for (const language of languages) {
  const size = readFileSync(join(dist, pagePath(language))).length
  console.log(`dist/${pagePath(language)}  ${(size / 1024).toFixed(0)} KiB  (${language.name})`)
}
console.log(`dist/start.html, dist/openapi.{yaml,json}  built in ${((Date.now() - started) / 1000).toFixed(1)} s`)

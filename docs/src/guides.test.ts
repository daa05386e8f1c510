import { execFile } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { describe as describeSchema } from '@ncloud-apigw/operations'
import { TEST_CREDENTIALS } from '@ncloud-apigw/testing'
import { afterEach, describe, expect, test } from 'vitest'
import { parse } from 'yaml'
import { directive, fencedBlocks } from '../../scripts/markdown-blocks.mjs'
import { docsRoot, loadSpec } from '../test/load.js'
import { operationsOf } from './code-samples.mjs'
import { addGuides, anchorOf, anchorSections, expandPlaceholders, guideSlugs, headingsOf, loadGuides, schemaOf } from './guides.mjs'
import { languages } from './languages.mjs'

const samplesDir = join(docsRoot, 'samples')
const spec = loadSpec()
const examples: { method: string; url: string; stringToSign: string; signature: string }[] = spec.info['x-signature-v2-examples']
const englishDir = join(docsRoot, 'guides', 'en')
const load = (code: string, from: any = spec) => loadGuides({ dir: join(docsRoot, 'guides', code), samplesDir, spec: from, englishDir })
const guide = (code: string, slug: string, from: any = spec) => load(code, from).find((g) => g.slug === slug)!.markdown
const raw = (code: string, slug: string) => readFileSync(join(docsRoot, 'guides', code, `${slug}.md`), 'utf8')

describe('guides', () => {
  test('every language has every guide and nothing else', () => {
    for (const { code } of languages) {
      const files = readdirSync(join(docsRoot, 'guides', code)).sort()
      expect(files, code).toEqual(guideSlugs.map((slug) => `${slug}.md`).sort())
    }
  })

  test('each language titles its guides in its own words', () => {
    const titles = languages.map(({ code }) => load(code).map((guide) => guide.title))
    for (const [index] of guideSlugs.entries()) {
      expect(new Set(titles.map((list) => list[index])).size, guideSlugs[index]).toBe(languages.length)
    }
  })

  test('code comes from samples/, never typed into the Markdown', () => {
    for (const { code } of languages) {
      for (const slug of guideSlugs) {
        const markdown = readFileSync(join(docsRoot, 'guides', code, `${slug}.md`), 'utf8')
        const typed = fencedBlocks(markdown).filter((block) => /^(?:ts|typescript|js|javascript|mjs|yaml|yml)$/.test(block.lang))
        expect(typed.map((block) => `${code}/${slug}.md:${block.line}`)).toEqual([])
      }
    }
  })

  test('includes and placeholders are expanded from samples/ and the spec', () => {
    expect(examples.length).toBeGreaterThanOrEqual(2)
    for (const { code } of languages) {
      const signature = guide(code, 'signature-v2')
      for (const example of examples.slice(0, 2)) {
        expect(signature, code).toContain('```\n' + example.stringToSign + '\n```')
        expect(signature, code).toContain(`\`${example.signature}\``)
        expect(signature, code).toContain(`\`${example.method} ${example.url}\``)
      }
      expect(signature).toContain(readFileSync(join(samplesDir, 'guides', 'signature-v2.ts'), 'utf8').trimEnd())
      // Neither directive reaches the page: samples are expanded, example markers left out.
      for (const { slug, markdown } of load(code)) expect(markdown, `${code}/${slug}`).not.toMatch(/<!-- (?:sample|example):|\{\{/)
    }
  })

  test("the sources guide lists the spec's page-versus-export differences, in every language", () => {
    const differences: string[] = spec.info['x-ncp-export'].differences
    for (const { code } of languages) {
      const sources = guide(code, 'sources')
      for (const difference of differences) expect(sources, code).toContain(`- ${difference.replace(/\s+/g, ' ').trim()}\n`)
      expect(sources, code).toContain(spec.info['x-ncp-export'].commit)
      for (const { operationId } of operationsOf(spec)) expect(sources, `${code} ${operationId}`).toContain(`\`${operationId}\``)
    }
  })

  test("the spec's externalDocs link opens the sources guide of the published page", () => {
    // Redoc gives a guide the address #/<slug> (see landing.mjs).
    const url = new URL(spec.externalDocs.url)
    expect(url.hash).toBe('#/sources')
    expect(url.pathname.endsWith('/') || url.pathname.endsWith('/index.html')).toBe(true)
  })

  test("the retry table of the errors guide names every operation, as the spec's x-idempotent splits them", () => {
    const idsBy = (from: any, idempotent: boolean) =>
      operationsOf(from)
        .filter(({ method, path }) => from.paths[path][method]['x-idempotent'] === idempotent)
        .map((o) => o.operationId)
    /** The operations each row of the guide's tables names, as the page shows them. */
    const rows = (code: string, from: any) =>
      guide(code, 'errors-and-retries', from)
        .split('\n')
        .filter((line) => line.startsWith('| `'))
        .map((line) => [...line.split('|')[1]!.matchAll(/`(\w+)`/g)].map((m) => m[1]))
    // Both searches only read, though sent with POST: retried like the other reads.
    expect(idsBy(spec, true)).toEqual(expect.arrayContaining(['searchApiKeys', 'searchProductApiKeys']))
    expect([...idsBy(spec, true), ...idsBy(spec, false)].sort()).toEqual(operationsOf(spec).map((o) => o.operationId).sort())
    // A spec in which an idempotent operation is not: the guide moves it to the other row.
    const changed = structuredClone(spec)
    const moved = operationsOf(spec).find(({ method, path }) => spec.paths[path][method]['x-idempotent'] === true)!
    changed.paths[moved.path][moved.method]['x-idempotent'] = false
    for (const { code } of languages) {
      for (const from of [spec, changed]) {
        expect(rows(code, from), code).toContainEqual(idsBy(from, true))
        expect(rows(code, from), code).toContainEqual(idsBy(from, false))
      }
      expect(idsBy(changed, false)).toContain(moved.operationId)
    }
  })

  test('every sample file is shown somewhere: in a guide or beside an operation', () => {
    const included = new Set(
      languages.flatMap(({ code }) =>
        guideSlugs.flatMap((slug) =>
          readFileSync(join(docsRoot, 'guides', code, `${slug}.md`), 'utf8')
            .split('\n')
            .flatMap((line) => (directive(line)?.name === 'sample' ? [directive(line)!.value] : [])),
        ),
      ),
    )
    const guideSamples = readdirSync(join(samplesDir, 'guides')).map((file) => `guides/${file}`)
    expect(guideSamples.filter((file) => !included.has(file))).toEqual([])
    const operationSamples = readdirSync(join(samplesDir, 'operations'))
    const ids = new Set(operationsOf(spec).map((o) => o.operationId))
    expect(operationSamples.filter((file) => !ids.has(file.replace(/\.(sh|client\.ts|raw\.ts)$/, '')))).toEqual([])
  })

  describe('a broken guide', () => {
    let dir: string | undefined
    afterEach(() => {
      if (dir) rmSync(dir, { recursive: true, force: true })
    })
    const guidesWith = (text: string) => {
      dir = mkdtempSync(join(tmpdir(), 'guides-'))
      for (const slug of guideSlugs) writeFileSync(join(dir, `${slug}.md`), slug === 'signature-v2' ? text : `# ${slug}\n\nText.\n`)
      return dir
    }

    test('fails the build when it names a field the signature example lacks', () => {
      const folder = guidesWith('# Signature\n\nThe {{example.nonce}} is...\n')
      expect(() => loadGuides({ dir: folder, samplesDir, spec, englishDir: folder })).toThrow(
        `${join(folder, 'signature-v2.md')}: the signature example 0 has no field "nonce"`,
      )
    })

    test('fails the build when it has no title', () => {
      const folder = guidesWith('Signature\n')
      expect(() => loadGuides({ dir: folder, samplesDir, spec, englishDir: folder })).toThrow(/signature-v2\.md must start with a "# Title" line/)
    })

    test.each([
      ['{{examples.9.signature}}', 'the spec has no signature example 9 (info.x-signature-v2-examples)'],
      ['{{limit:createApiKey.body.apiKeyNam}}', 'the spec has no field or parameter "createApiKey.body.apiKeyNam"'],
      ['{{max:getApiKey.path.api-key-id}}', '"getApiKey.path.api-key-id" has no maximum in the spec'],
      ['{{docs:listKeys}}', 'the spec has no operation "listKeys" with externalDocs'],
      ['{{spec:/info/x-ncp-export/sha}}', 'the spec has no string or number at /info/x-ncp-export/sha'],
      ['{{list:/info/x-ncp-export/commit}}', 'the spec has no list of strings at /info/x-ncp-export/commit'],
      ['{{operations:x-retried=true}}', 'no operation of the spec has x-retried true'],
      ['{{limits:createApiKey.body.apiKeyName}}', 'unknown placeholder {{limits:createApiKey.body.apiKeyName}}'],
    ])('fails the build on %s, naming the file', (placeholder, message) => {
      const folder = guidesWith(`# Signature\n\n${placeholder}\n`)
      expect(() => loadGuides({ dir: folder, samplesDir, spec, englishDir: folder })).toThrow(`${join(folder, 'signature-v2.md')}: ${message}`)
    })
  })

  test("every language's guide has the English guide's sections, so they share their addresses", () => {
    for (const { code } of languages) {
      for (const { slug, markdown } of load(code)) {
        const english = headingsOf(raw('en', slug)).map((h) => `${'#'.repeat(h.level)} {% #${anchorOf(h.text)} %}`)
        const own = headingsOf(markdown).map((h) => `${'#'.repeat(h.level)} {% #${/\{% #([\w-]+) %\}$/.exec(h.text)?.[1]} %}`)
        expect(own, `${code}/${slug}`).toEqual(english)
      }
    }
  })

  test('a section heading gets the anchor of the English heading in its place; a guide with other sections fails the build', () => {
    const english = "Intro\n\n## Your own client\n\n```sh\n## not a heading\n```\n\n### NCP's pages\n"
    expect(headingsOf(english).map((h) => h.text)).toEqual(['Your own client', "NCP's pages"])
    expect(anchorSections('소개\n\n## 직접 만든 클라이언트\n\n### NCP의 페이지\n', english, 'ko.md')).toBe(
      '소개\n\n## 직접 만든 클라이언트 {% #your-own-client %}\n\n### NCP의 페이지 {% #ncps-pages %}\n',
    )
    expect(() => anchorSections('## 하나\n\n## 둘\n', english, 'guides/ko/x.md')).toThrow(
      "guides/ko/x.md: its sections (## ##) are not the English guide's (## ###)",
    )
  })

  test("the spec's link to the sources guide opens the page's own guide", () => {
    const result = addGuides(spec, load('ko'), languages[1]!.words)
    expect(spec.externalDocs.url).toMatch(/^https:\/\/.+#\/sources$/)
    expect(result.externalDocs).toEqual({ ...spec.externalDocs, url: '#/sources' })
    // A link to anything but a guide of the page is left as it is.
    const elsewhere = { ...spec, externalDocs: { url: 'https://example.com/docs#/other' } }
    expect(addGuides(elsewhere, load('ko'), languages[1]!.words).externalDocs).toEqual(elsewhere.externalDocs)
  })

  test('an included sample is shown as it is, placeholders and all', () => {
    expect(expandPlaceholders('Run:\n\n<!-- sample: guides/contract-check.yml -->\n', spec, 'x.md')).toBe('Run:\n\n<!-- sample: guides/contract-check.yml -->\n')
  })

  test('addGuides puts the guides first, as trait tags grouped apart from the reference', () => {
    const spec = loadSpec()
    const english = languages[0]!
    const result = addGuides(spec, load('en'), english.words)
    expect(result.tags.slice(0, guideSlugs.length).map((tag: { name: string }) => tag.name)).toEqual([...guideSlugs])
    expect(result.tags.slice(0, guideSlugs.length).every((tag: { 'x-traitTag': boolean }) => tag['x-traitTag'])).toBe(true)
    expect(result['x-tagGroups']).toEqual([
      { name: 'Guides', tags: [...guideSlugs] },
      { name: 'Reference', tags: spec.tags.map((tag: { name: string }) => tag.name) },
    ])
  })
})

describe('limits in the guides come from the spec', () => {
  test('the limit placeholders say what the spec says, in the words of the client', () => {
    const { minLength, maxLength } = spec.components.schemas.ApiKeyName
    expect(describeSchema(schemaOf(spec, 'createApiKey.body.apiKeyName'))).toBe(`a string of ${minLength} to ${maxLength} characters`)
    expect(schemaOf(spec, 'listApiKeys.query.apiKeyName')).toEqual(spec.components.parameters.ApiKeyNameFilter.schema)
    expect(schemaOf(spec, 'getApiKey.path.api-key-id')).toEqual(spec.components.parameters.ApiKeyId.schema)
    expect(schemaOf(spec, 'regenerateApiKey.body.keyType')).toEqual(spec.components.schemas.KeyType)
  })

  test('changing a limit in the spec changes the guides of every language, and nothing else', () => {
    // The limits as the spec has them and as the change makes them: other numbers whatever they are.
    const { ApiKeyName: name, ApiKeyDescription: description } = spec.components.schemas
    const changed = structuredClone(spec)
    const limits = changed.components.schemas
    limits.ApiKeyName.minLength = name.minLength + 2
    limits.ApiKeyName.maxLength = name.maxLength + 12
    limits.ApiKeyDescription.maxLength = description.maxLength + 27
    const phrases: Record<string, [string, string][]> = {
      en: [
        [describeSchema(name), describeSchema(limits.ApiKeyName)],
        [describeSchema(description), describeSchema(limits.ApiKeyDescription)],
      ],
      ko: [
        [`\`apiKeyName\`\n  ${name.minLength}~${name.maxLength}자`, `\`apiKeyName\`\n  ${limits.ApiKeyName.minLength}~${limits.ApiKeyName.maxLength}자`],
        [`최대 ${description.maxLength}자`, `최대 ${limits.ApiKeyDescription.maxLength}자`],
      ],
      ja: [
        [`\`apiKeyName\`は${name.minLength}~${name.maxLength}文字`, `\`apiKeyName\`は${limits.ApiKeyName.minLength}~${limits.ApiKeyName.maxLength}文字`],
        [`最大${description.maxLength}文字`, `最大${limits.ApiKeyDescription.maxLength}文字`],
      ],
    }
    for (const { code } of languages) {
      const before = guide(code, 'errors-and-retries')
      const after = guide(code, 'errors-and-retries', changed)
      let expected = before
      for (const [from, to] of phrases[code]!) {
        expect(before, code).toContain(from)
        expected = expected.replace(from, to)
      }
      expect(after, code).toBe(expected)
      expect(guide(code, 'contract-check', changed), code).toContain(String(limits.ApiKeyName.maxLength))
    }
  })

  test('no guide writes a length limit by hand', () => {
    const handWritten = /\d+\s*(?:to|~|-)\s*\d+\s*(?:characters|자|文字)|\d+[- ]?(?:characters?|자|文字)/
    for (const { code } of languages) {
      for (const slug of guideSlugs) expect(raw(code, slug), `${code}/${slug}.md`).not.toMatch(handWritten)
    }
  })
})

describe('the contract check guide', () => {
  test("its workflow runs the fake's binary with the fake's published test credentials", () => {
    const workflow = parse(readFileSync(join(samplesDir, 'guides', 'contract-check.yml'), 'utf8'))
    const steps: { run?: string; env?: Record<string, string> }[] = workflow.jobs.contract.steps
    const testingPackage = JSON.parse(readFileSync(createRequire(import.meta.url).resolve('@ncloud-apigw/testing/package.json'), 'utf8'))
    const binary = Object.keys(testingPackage.bin)[0]!
    expect(steps.some((step) => step.run?.includes(`npx ${binary} --port 4011`))).toBe(true)
    expect(steps.find((step) => step.env)?.env).toMatchObject({
      NCLOUD_ACCESS_KEY_ID: TEST_CREDENTIALS.accessKey,
      NCLOUD_SECRET_ACCESS_KEY: TEST_CREDENTIALS.secretKey,
    })
  })

  test("prism-spec.mjs gives Prism the spec's paths under the /api/v1 that the signature covers", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'prism-spec-'))
    try {
      const out = join(dir, 'openapi.prism.json')
      await promisify(execFile)(process.execPath, [join(samplesDir, 'guides', 'prism-spec.mjs'), out])
      const folded = JSON.parse(readFileSync(out, 'utf8'))
      const spec = loadSpec()
      expect(Object.keys(folded.paths)).toEqual(Object.keys(spec.paths).map((path) => `/api/v1${path}`))
      expect(folded.paths['/api/v1/api-keys']).toEqual(spec.paths['/api-keys'])
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})

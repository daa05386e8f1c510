import { execFile } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { TEST_CREDENTIALS } from '@ncloud-apigw/testing'
import { afterEach, describe, expect, test } from 'vitest'
import { parse } from 'yaml'
import { directive, fencedBlocks } from '../../scripts/markdown-blocks.mjs'
import { docsRoot, loadSpec } from '../test/load.js'
import { addGuides, guideSlugs, loadGuides } from './guides.mjs'
import { languages } from './languages.mjs'

const samplesDir = join(docsRoot, 'samples')
const example = loadSpec().info['x-signature-v2-example']
const load = (code: string) => loadGuides({ dir: join(docsRoot, 'guides', code), samplesDir, example })

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
    for (const { code } of languages) {
      const signature = load(code).find((guide) => guide.slug === 'signature-v2')!
      expect(signature.markdown).toContain('```\n' + example.stringToSign + '\n```')
      expect(signature.markdown).toContain(example.signature)
      expect(signature.markdown).toContain(readFileSync(join(samplesDir, 'guides', 'signature-v2.ts'), 'utf8').trimEnd())
      // Neither directive reaches the page: samples are expanded, example markers left out.
      for (const guide of load(code)) expect(guide.markdown, `${code}/${guide.slug}`).not.toMatch(/<!-- (?:sample|example):|\{\{/)
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
    expect(operationSamples.filter((file) => !/^(createApiKey|getApiKey|updateApiKey|regenerateApiKey)\.(sh|client\.ts|raw\.ts)$/.test(file))).toEqual([])
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
      expect(() => loadGuides({ dir: folder, samplesDir, example })).toThrow(
        `${join(folder, 'signature-v2.md')}: the signature example has no field "nonce"`,
      )
    })

    test('fails the build when it has no title', () => {
      const folder = guidesWith('Signature\n')
      expect(() => loadGuides({ dir: folder, samplesDir, example })).toThrow(/signature-v2\.md must start with a "# Title" line/)
    })
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

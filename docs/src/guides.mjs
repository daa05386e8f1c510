// @ts-check
// Guides are Markdown files, one per language, rendered into each page as Redoc "trait tags"
// (sections with text and no operations) in a "Guides" group of the sidebar. Their code is not
// written in the Markdown: a line `<!-- sample: path -->` includes a file from samples/, which
// the tests type-check or run, and `{{example.field}}` inserts a value of the spec's worked
// signature example, so neither can drift from what they describe. The few blocks written in
// the Markdown (an install command, a formula) carry an `<!-- example: ... -->` marker, like
// every README's, which the page leaves out. Both directives are read by the repository's one
// Markdown reader, scripts/markdown-blocks.mjs.
import { readFileSync } from 'node:fs'
import { extname, join } from 'node:path'
import { directive } from '../../scripts/markdown-blocks.mjs'

/** The guides, in the order the sidebar lists them; each is guides/<lang>/<slug>.md. */
export const guideSlugs = Object.freeze([
  'quick-start',
  'signature-v2',
  'errors-and-retries',
  'credentials-and-sites',
  'contract-check',
  'fake-api-gateway',
])

/** @type {Readonly<Record<string, string>>} */
const fenceLanguage = { '.ts': 'typescript', '.mjs': 'javascript', '.sh': 'bash', '.yaml': 'yaml', '.yml': 'yaml', '.json': 'json', '.ini': 'ini' }

/**
 * @typedef {{ slug: string, title: string, markdown: string }} Guide
 */

/**
 * Reads a language's guides and expands their includes and placeholders.
 * @param {{ dir: string, samplesDir: string, example: Record<string, unknown> }} source
 *   dir: the language's folder of guides; example: the spec's `info.x-signature-v2-example`
 * @returns {Guide[]}
 */
export function loadGuides({ dir, samplesDir, example }) {
  return guideSlugs.map((slug) => {
    const file = join(dir, `${slug}.md`)
    const text = readFileSync(file, 'utf8')
    const heading = /^# (.+)\n/.exec(text)
    if (!heading?.[1]) throw new Error(`${file} must start with a "# Title" line`)
    const body = text
      .slice(heading[0].length)
      .split('\n')
      .flatMap((line) => {
        const found = directive(line)
        if (found?.name === 'example') return []
        if (found?.name !== 'sample') return [line]
        const source = readFileSync(join(samplesDir, found.value), 'utf8').trimEnd()
        return ['```' + (fenceLanguage[extname(found.value)] ?? '') + '\n' + source + '\n```']
      })
      .join('\n')
      .replace(/\{\{example\.([\w-]+)\}\}/g, (_placeholder, field) => {
        const value = example[field]
        if (typeof value !== 'string') throw new Error(`${file}: the signature example has no field "${field}"`)
        return value
      })
    return { slug, title: heading[1].trim(), markdown: body.trim() + '\n' }
  })
}

/**
 * Adds the guides to a spec as trait tags and groups the sidebar into guides and reference.
 * Tag names are the slugs, so a guide has the same address (`#/quick-start`) in every language;
 * `x-displayName` carries the translated title.
 * @param {any} spec
 * @param {Guide[]} guides
 * @param {{ guides: string, reference: string }} words
 */
export function addGuides(spec, guides, words) {
  const referenceTags = (spec.tags ?? []).map((/** @type {{ name: string }} */ tag) => tag.name)
  return {
    ...spec,
    tags: [
      ...guides.map((guide) => ({ name: guide.slug, 'x-displayName': guide.title, 'x-traitTag': true, description: guide.markdown })),
      ...(spec.tags ?? []),
    ],
    'x-tagGroups': [
      { name: words.guides, tags: guides.map((guide) => guide.slug) },
      { name: words.reference, tags: referenceTags },
    ],
  }
}

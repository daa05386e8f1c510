// @ts-check
// Guides are Markdown files, one per language, rendered into each page as Redoc "trait tags"
// (sections with text and no operations) in a "Guides" group of the sidebar. Neither their code
// nor the facts of the spec they quote is typed into the Markdown, so none can drift from what
// it describes:
//
// - a line `<!-- sample: path -->` includes a file from samples/, which the tests type-check or
//   run;
// - `{{example.field}}` inserts a field of the spec's first worked signature example
//   (`info.x-signature-v2-examples[0]`), `{{examples.1.field}}` one of the example at that index;
// - `{{limit:createApiKey.body.apiKeyName}}` inserts what a value must be, in English words
//   (`a string of 1 to 20 characters`: the words of the client's validation errors, from the
//   operations package's `describe`), and `{{min:...}}` / `{{max:...}}` the bare number, for
//   the other languages; the reference is `<operationId>.body.<field>` or
//   `<operationId>.<query|path|header>.<parameter>`;
// - `{{docs:operationId}}` inserts the URL of the operation's NCP reference page;
// - `{{operations:x-idempotent=true}}` inserts the operations whose extension has that value, as
//   code spans in the spec's order (`listApiKeys`, `searchApiKeys`, ...);
// - `{{spec:/json/pointer}}` inserts a string or number of the spec, and a line
//   `{{list:/json/pointer}}` a list of strings as Markdown bullets.
//
// A placeholder that names something the spec does not have fails the build, naming the file.
// The few blocks written in the Markdown (an install command, a formula) carry an
// `<!-- example: ... -->` marker, like every README's, which the page leaves out. Both
// directives are read by the repository's one Markdown reader, scripts/markdown-blocks.mjs.
import { readFileSync } from 'node:fs'
import { extname, join } from 'node:path'
import { describe as describeSchema } from '@ncloud-apigw/operations'
import { directive, fencedBlocks } from '../../scripts/markdown-blocks.mjs'

/** The guides, in the order the sidebar lists them; each is guides/<lang>/<slug>.md. */
export const guideSlugs = Object.freeze([
  'quick-start',
  'put-a-key-to-use',
  'signature-v2',
  'errors-and-retries',
  'credentials-and-sites',
  'contract-check',
  'fake-api-gateway',
  'sources',
])

/** @type {Readonly<Record<string, string>>} */
const fenceLanguage = { '.ts': 'typescript', '.mjs': 'javascript', '.sh': 'bash', '.yaml': 'yaml', '.yml': 'yaml', '.json': 'json', '.ini': 'ini' }

const methods = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace']

/**
 * @typedef {{ slug: string, title: string, markdown: string }} Guide
 */

/**
 * The value at a JSON Pointer (RFC 6901) of a document, or undefined.
 * @param {any} document
 * @param {string} pointer
 */
export function valueAtPointer(document, pointer) {
  if (pointer === '') return document
  if (!pointer.startsWith('/')) return undefined
  /** @type {any} */
  let node = document
  for (const key of pointer.slice(1).split('/')) {
    node = node?.[key.replaceAll('~1', '/').replaceAll('~0', '~')]
  }
  return node
}

/**
 * Follows local `$ref`s (`#/components/...`) of the bundled spec.
 * @param {any} spec
 * @param {any} node
 */
function resolveRef(spec, node) {
  for (let hops = 0; typeof node?.$ref === 'string'; hops++) {
    if (hops > 32 || !node.$ref.startsWith('#')) return undefined
    node = valueAtPointer(spec, node.$ref.slice(1))
  }
  return node
}

/**
 * A property of an object schema, looking into `allOf` too.
 * @param {any} spec
 * @param {any} schema
 * @param {string} name
 * @returns {any}
 */
function propertyOf(spec, schema, name) {
  const resolved = resolveRef(spec, schema)
  if (resolved?.properties && Object.hasOwn(resolved.properties, name)) return resolveRef(spec, resolved.properties[name])
  for (const part of resolved?.allOf ?? []) {
    const found = propertyOf(spec, part, name)
    if (found) return found
  }
  return undefined
}

/**
 * An operation of the spec by its operationId, with the parameters of its path item.
 * @param {any} spec
 * @param {string} operationId
 */
function operationById(spec, operationId) {
  for (const item of Object.values(spec.paths ?? {})) {
    for (const method of methods) {
      const operation = /** @type {any} */ (item)[method]
      if (operation?.operationId === operationId) return { item: /** @type {any} */ (item), operation }
    }
  }
  return undefined
}

/**
 * The operationIds, in the spec's order, of the operations whose extension has the value written
 * (`true`, `false`, or a string).
 * @param {any} spec
 * @param {string} extension
 * @param {string} wanted
 * @returns {string[]}
 */
function operationsWith(spec, extension, wanted) {
  return Object.values(spec.paths ?? {}).flatMap((item) =>
    methods
      .map((method) => /** @type {any} */ (item)[method])
      .filter((operation) => operation && String(operation[extension]) === wanted)
      .map((operation) => operation.operationId),
  )
}

/**
 * The schema a limit reference names: `<operationId>.body.<field>` (a field of the JSON request
 * body) or `<operationId>.<query|path|header>.<parameter>`. Undefined when the spec has no such
 * thing.
 * @param {any} spec
 * @param {string} reference
 * @returns {any}
 */
export function schemaOf(spec, reference) {
  const [operationId = '', where = '', ...rest] = reference.split('.')
  const name = rest.join('.')
  const found = operationById(spec, operationId)
  if (!found || name === '') return undefined
  if (where === 'body') {
    const body = resolveRef(spec, found.operation.requestBody)
    return propertyOf(spec, body?.content?.['application/json']?.schema, name)
  }
  const parameters = [...(found.item.parameters ?? []), ...(found.operation.parameters ?? [])].map((p) => resolveRef(spec, p))
  const parameter = parameters.find((p) => p?.in === where && p?.name === name)
  return parameter ? resolveRef(spec, parameter.schema) : undefined
}

/**
 * The bound of a schema that `{{min:...}}` or `{{max:...}}` names: a string's length, a number's
 * value. A string with a `maxLength` and no `minLength` has the minimum 0.
 * @param {any} schema
 * @param {'min' | 'max'} bound
 * @returns {number | undefined}
 */
function boundOf(schema, bound) {
  const types = typeof schema.type === 'string' ? [schema.type] : (schema.type ?? [])
  if (types.includes('string')) {
    if (bound === 'max') return schema.maxLength
    return schema.minLength ?? (schema.maxLength === undefined ? undefined : 0)
  }
  return bound === 'max' ? schema.maximum : schema.minimum
}

/**
 * Expands the spec placeholders of one guide's Markdown.
 * @param {string} markdown
 * @param {any} spec
 * @param {string} file named in the errors
 */
export function expandPlaceholders(markdown, spec, file) {
  const examples = spec.info?.['x-signature-v2-examples']
  /** @param {string} message */
  const fail = (message) => {
    throw new Error(`${file}: ${message}`)
  }
  const expanded = markdown
    .replace(/^\{\{list:(\/[^}\s]*)\}\}$/gm, (_placeholder, pointer) => {
      const items = valueAtPointer(spec, pointer)
      if (!Array.isArray(items) || items.length === 0 || !items.every((item) => typeof item === 'string')) {
        return fail(`the spec has no list of strings at ${pointer}`)
      }
      return items.map((item) => `- ${item.replace(/\s+/g, ' ').trim()}`).join('\n')
    })
    .replace(/\{\{spec:(\/[^}\s]*)\}\}/g, (_placeholder, pointer) => {
      const value = valueAtPointer(spec, pointer)
      if (typeof value !== 'string' && typeof value !== 'number') return fail(`the spec has no string or number at ${pointer}`)
      return String(value)
    })
    .replace(/\{\{operations:(x-[\w-]+)=(true|false|[\w-]+)\}\}/g, (_placeholder, extension, wanted) => {
      const ids = operationsWith(spec, extension, wanted)
      if (ids.length === 0) return fail(`no operation of the spec has ${extension} ${wanted}`)
      return ids.map((id) => `\`${id}\``).join(', ')
    })
    .replace(/\{\{docs:([\w-]+)\}\}/g, (_placeholder, operationId) => {
      const url = operationById(spec, operationId)?.operation.externalDocs?.url
      if (typeof url !== 'string') return fail(`the spec has no operation "${operationId}" with externalDocs`)
      return url
    })
    .replace(/\{\{(limit|min|max):([\w.-]+)\}\}/g, (_placeholder, kind, reference) => {
      const schema = schemaOf(spec, reference)
      if (!schema) return fail(`the spec has no field or parameter "${reference}" (write <operationId>.body.<field> or <operationId>.query.<name>)`)
      if (kind === 'limit') return describeSchema(schema)
      const value = boundOf(schema, kind)
      if (value === undefined) return fail(`"${reference}" has no ${kind === 'min' ? 'minimum' : 'maximum'} in the spec`)
      return String(value)
    })
    .replace(/\{\{examples?\.(?:(\d+)\.)?([\w-]+)\}\}/g, (placeholder, index, field) => {
      if (placeholder.startsWith('{{examples.') !== (index !== undefined)) return fail(`write {{example.${field}}} or {{examples.<index>.${field}}}, not ${placeholder}`)
      const example = Array.isArray(examples) ? examples[index === undefined ? 0 : Number(index)] : undefined
      if (!example) return fail(`the spec has no signature example ${index ?? 0} (info.x-signature-v2-examples)`)
      const value = example[field]
      if (typeof value !== 'string') return fail(`the signature example ${index ?? 0} has no field "${field}"`)
      return value
    })
  const left = /\{\{[^}]*\}\}/.exec(expanded)
  if (left) fail(`unknown placeholder ${left[0]}`)
  return expanded
}

/**
 * The section headings (`##` and deeper) of a guide's Markdown, outside its code blocks.
 * @param {string} markdown
 * @returns {{ index: number, level: number, text: string }[]} index: the line's, from 0
 */
export function headingsOf(markdown) {
  const inCode = new Set()
  for (const block of fencedBlocks(markdown)) {
    const closing = block.bodyLine + block.body.split('\n').length - 1
    for (let line = block.line; line <= closing; line++) inCode.add(line - 1)
  }
  return markdown.split('\n').flatMap((line, index) => {
    const match = inCode.has(index) ? null : /^(#{2,6})\s+(.+?)\s*$/.exec(line)
    return match ? [{ index, level: /** @type {string} */ (match[1]).length, text: /** @type {string} */ (match[2]) }] : []
  })
}

/**
 * The anchor of a section, from its English heading: `Your own openapi-fetch client` →
 * `your-own-openapi-fetch-client`.
 * @param {string} heading
 */
export const anchorOf = (heading) =>
  heading
    .toLowerCase()
    .replace(/['’`]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')

/**
 * Gives each section heading of a guide the anchor of the English guide's heading in the same
 * place, as a Markdoc annotation (`## 見出し {% #anchor %}`), which Redoc takes for the section's
 * id: a section has one address in every language (`#/quick-start/your-own-openapi-fetch-client`),
 * and a link to the other language's page keeps the reader's place. A guide whose sections do not
 * match the English one's, level by level, fails the build.
 * @param {string} markdown
 * @param {string} english the English guide's Markdown
 * @param {string} file named in the error
 */
export function anchorSections(markdown, english, file) {
  const own = headingsOf(markdown)
  const named = headingsOf(english)
  /** @param {{ level: number }[]} list */
  const levels = (list) => list.map((heading) => '#'.repeat(heading.level)).join(' ')
  if (levels(own) !== levels(named)) {
    throw new Error(
      `${file}: its sections (${levels(own) || 'none'}) are not the English guide's (${levels(named) || 'none'}); ` +
        'each language has the same sections in the same order, so that they share their addresses',
    )
  }
  const lines = markdown.split('\n')
  own.forEach(({ index }, i) => {
    lines[index] = `${lines[index]} {% #${anchorOf(/** @type {any} */ (named[i]).text)} %}`
  })
  return lines.join('\n')
}

/**
 * Reads a language's guides and expands their includes and placeholders.
 * @param {{ dir: string, samplesDir: string, spec: any, englishDir: string }} source
 *   dir: the language's folder of guides; spec: the bundled English spec, whose values the
 *   placeholders insert; englishDir: the English guides, whose headings name every language's
 *   sections
 * @returns {Guide[]}
 */
export function loadGuides({ dir, samplesDir, spec, englishDir }) {
  return guideSlugs.map((slug) => {
    const file = join(dir, `${slug}.md`)
    const text = readFileSync(file, 'utf8')
    const heading = /^# (.+)\n/.exec(text)
    if (!heading?.[1]) throw new Error(`${file} must start with a "# Title" line`)
    const english = readFileSync(join(englishDir, `${slug}.md`), 'utf8')
    const anchored = anchorSections(text.slice(heading[0].length), english.slice(english.indexOf('\n') + 1), file)
    // Placeholders first, so that an included sample is shown exactly as it is (a workflow's
    // `${{ secrets.X }}` stays).
    const body = expandPlaceholders(anchored, spec, file)
      .split('\n')
      .flatMap((line) => {
        const found = directive(line)
        if (found?.name === 'example') return []
        if (found?.name !== 'sample') return [line]
        const source = readFileSync(join(samplesDir, found.value), 'utf8').trimEnd()
        return ['```' + (fenceLanguage[extname(found.value)] ?? '') + '\n' + source + '\n```']
      })
      .join('\n')
    return { slug, title: heading[1].trim(), markdown: body.trim() + '\n' }
  })
}

/**
 * The spec's `externalDocs` points at a guide of the published docs (`https://…/#/sources`); on a
 * page that has the guide, the link opens it there (`#/sources`), so that it works offline and
 * before the site is published, and stays in the reader's language.
 * @param {{ url: string, description?: string }} externalDocs
 * @param {Guide[]} guides
 */
function localGuideLink(externalDocs, guides) {
  const slug = /#\/([\w-]+)$/.exec(externalDocs.url)?.[1]
  return guides.some((guide) => guide.slug === slug) ? { ...externalDocs, url: `#/${slug}` } : externalDocs
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
    ...(spec.externalDocs ? { externalDocs: localGuideLink(spec.externalDocs, guides) } : {}),
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

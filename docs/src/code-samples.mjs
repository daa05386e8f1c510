// @ts-check
// Code samples per operation (`x-codeSamples`, shown beside each operation by Redoc), read from
// samples/operations/ where the tests type-check the TypeScript ones against the real packages
// and run the curl ones against a fake API Gateway.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'

/** The samples every operation has, in the order the page offers them. */
export const sampleKinds = Object.freeze([
  { suffix: '.sh', lang: 'Shell', label: 'curl' },
  { suffix: '.client.ts', lang: 'TypeScript', label: '@ncloud-apigw/client' },
  { suffix: '.raw.ts', lang: 'TypeScript', label: 'openapi-fetch (raw)' },
])

/**
 * The name Redoc 3 files a code sample under: its label, else its lang, in lower case. Redoc
 * (3.0.1, as bundled in @redocly/cli) shows an `x-codeSamples` entry only when that name is one
 * of the languages of its `codeSamples.languages` option, and keys the sample menu by it; a sample
 * under any other name is dropped without a word. Redoc also maps a few known names to short keys
 * ("Node.js" to "node"), on both sides alike, so comparing the names is enough.
 * @param {{ lang?: string, label?: string }} sample
 */
export const redocSampleName = ({ lang, label }) => String(label || lang || '').toLowerCase()

/**
 * What keeps Redoc from offering every sample kind, given the `openapi` options of a page
 * (`redocly.yaml`). Without `codeSamples.languages` Redoc falls back to its own list (curl,
 * JavaScript, Node.js, Python, Java, C#, PHP, Go, Ruby, R, Payload), which hid both TypeScript
 * samples of every operation. Listing languages replaces that list, so Payload (Redoc's request
 * body example) must be listed too.
 * @param {any} options
 * @returns {string[]}
 */
export function codeSampleLanguageProblems(options) {
  const languages = options?.codeSamples?.languages
  if (!Array.isArray(languages)) {
    return ['openapi.codeSamples.languages is not set: Redoc then offers only its default languages and hides every sample named otherwise']
  }
  const listed = new Set(languages.map(redocSampleName))
  const problems = []
  const seen = new Set()
  for (const kind of sampleKinds) {
    const name = redocSampleName(kind)
    if (seen.has(name)) problems.push(`two sample kinds are named "${kind.label}": Redoc keys samples by name and would show only the first`)
    seen.add(name)
    if (!listed.has(name)) problems.push(`openapi.codeSamples.languages has no entry labelled "${kind.label}": Redoc would hide every ${kind.suffix} sample`)
  }
  if (!listed.has('payload')) problems.push('openapi.codeSamples.languages has no Payload entry: Redoc would hide the request body example')
  return problems
}

const methods = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace']

/**
 * The operations of a spec, as `{ operationId, method, path }`.
 * @param {any} spec
 * @returns {{ operationId: string, method: string, path: string }[]}
 */
export function operationsOf(spec) {
  return Object.entries(spec.paths ?? {}).flatMap(([path, item]) =>
    methods
      .filter((method) => /** @type {any} */ (item)[method])
      .map((method) => ({ operationId: /** @type {any} */ (item)[method].operationId, method, path })),
  )
}

/**
 * Adds `x-codeSamples` to every operation; a missing sample file fails the build.
 * @param {any} spec
 * @param {string} dir samples/operations
 */
export function addCodeSamples(spec, dir) {
  const result = structuredClone(spec)
  for (const { operationId, method, path } of operationsOf(result)) {
    result.paths[path][method]['x-codeSamples'] = sampleKinds.map(({ suffix, lang, label }) => ({
      lang,
      label,
      source: readFileSync(join(dir, `${operationId}${suffix}`), 'utf8').trimEnd() + '\n',
    }))
  }
  return result
}

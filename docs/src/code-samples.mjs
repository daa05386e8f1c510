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

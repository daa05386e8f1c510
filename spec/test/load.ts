import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

/** The bundled spec, as `pnpm bundle` wrote it (turbo runs `bundle` before `test`). */
export const bundledJsonPath = fileURLToPath(new URL('../dist/openapi.json', import.meta.url))
export const bundledYamlPath = fileURLToPath(new URL('../dist/openapi.yaml', import.meta.url))

// Loosely typed on purpose: the tests walk the document the way any OpenAPI tool would.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any

export const spec: Json = JSON.parse(readFileSync(bundledJsonPath, 'utf8'))

/** Follows a local `$ref` (`#/components/...`) as many times as it takes. */
export function deref(node: Json): Json {
  let current = node
  while (current && typeof current.$ref === 'string') {
    const ref: string = current.$ref
    if (!ref.startsWith('#/')) throw new Error(`not a local $ref: ${ref}`)
    current = ref
      .slice(2)
      .split('/')
      .map((part) => part.replaceAll('~1', '/').replaceAll('~0', '~'))
      .reduce((at: Json, key) => at?.[key], spec)
    if (current === undefined) throw new Error(`dangling $ref: ${ref}`)
  }
  return current
}

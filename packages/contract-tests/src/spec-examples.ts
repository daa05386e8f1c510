import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)
const spec = JSON.parse(readFileSync(require.resolve('@ncloud-apigw/spec/openapi.json'), 'utf8'))

/** The value of a named example of the bundled spec (`GetApiKeyResponse`, `NotFoundException`, ...). */
export function specExample(name: string): unknown {
  const example = spec.components.examples[name]
  if (!example) throw new Error(`The spec has no example named ${name}`)
  return example.value
}

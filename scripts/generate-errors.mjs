#!/usr/bin/env node
// Writes the error responses the spec documents (status, NCP errorCode, message) as a TypeScript
// module, so that the fake answers exactly the pairs the spec promises and never re-types one.
// Read from each operation's non-2xx responses and their named examples, in the spec's order.
//
//   node ../../scripts/generate-errors.mjs src/generated/errors.ts
import { deref, methods, spec, writeGenerated } from './bundled-spec.mjs'

const errors = []
const seen = new Set()
for (const rawItem of Object.values(spec.paths)) {
  const item = deref(rawItem)
  for (const method of methods) {
    for (const [status, rawResponse] of Object.entries(item[method]?.responses ?? {})) {
      if (status.startsWith('2')) continue
      const examples = deref(rawResponse).content?.['application/json']?.examples ?? {}
      for (const example of Object.values(examples)) {
        const error = deref(example).value?.error
        if (!error) throw new Error(`response ${status} of ${method} has an example without an error body`)
        const key = `${status}/${error.errorCode}`
        if (seen.has(key)) continue
        seen.add(key)
        errors.push({ status: Number(status), errorCode: String(error.errorCode), message: error.message })
      }
    }
  }
}
if (errors.length === 0) throw new Error('the spec documents no error responses')

const source = `// Generated from spec/dist/openapi.json by scripts/generate-errors.mjs. Do not edit.
/** Every error response the spec documents, in the spec's order: the first of a status is its default. */
export const documentedErrors = ${JSON.stringify(errors, null, 2)} as const
`
writeGenerated('generate-errors.mjs', source)

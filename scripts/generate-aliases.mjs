#!/usr/bin/env node
// @ts-check
// Writes the named types of @ncloud-apigw/types beside openapi-typescript's output: one alias
// per component schema (`ApiKey`, `CreateApiKeyRequest`, ...), one per operation's query
// (`ListApiKeysQuery`) and one per request body the spec writes inline (`<Operation>Request`),
// each with the schema's own description. So every shape the client takes or returns has a name
// a user can import, and a new schema or operation in the spec has one without a hand edit.
//
//   node ../../scripts/generate-aliases.mjs src/generated/aliases.ts [spec.json]
import { deref, jsDoc, spec, writeGenerated } from './bundled-spec.mjs'
import { componentName, pascal, specOperations } from './spec-operations.mjs'

/** A description as one JSDoc block. */
const doc = (/** @type {string | undefined} */ text) => (text ? jsDoc(text.trim().split('\n').map((line) => line.trimEnd())) : '')

const lines = []
for (const [name, schema] of Object.entries(spec.components?.schemas ?? {})) {
  // An allOf shows as `A & B` in editors: one object type lists the fields instead.
  const type = schema.allOf ? `Flat<Schemas[${JSON.stringify(name)}]>` : `Schemas[${JSON.stringify(name)}]`
  lines.push(`${doc(schema.description)}export type ${name} = ${type}`)
}
for (const op of specOperations()) {
  const call = `\`${op.method} ${op.path}\` (${op.id})`
  if (op.query.length > 0) {
    const required = op.query.filter((p) => p.required).map((p) => `\`${p.name}\``)
    lines.push(
      `${doc(`The query of ${call}: ${op.query.map((p) => `\`${p.name}\``).join(', ')}; ${required.length ? `${required.join(', ')} required` : 'all optional'}.`)}` +
        `export type ${pascal(op.id)}Query = NonNullable<Operations[${JSON.stringify(op.id)}]['parameters']['query']>`,
    )
  }
  if (op.body && !componentName(op.body.schema.$ref)) {
    lines.push(
      `${doc(deref(op.body.schema).description ?? `The body of ${call}.`)}` +
        `export type ${pascal(op.id)}Request = NonNullable<Operations[${JSON.stringify(op.id)}]['requestBody']>['content']['application/json']`,
    )
  }
}

writeGenerated(
  'generate-aliases.mjs',
  `// Generated from spec/dist/openapi.json by scripts/generate-aliases.mjs. Do not edit.
import type { components, operations as Operations } from './openapi.js'

type Schemas = components['schemas']
/** One object type for an intersection, so editors show the fields instead of \`A & B\`. */
type Flat<T> = { [K in keyof T]: T[K] } & {}

${lines.join('\n\n')}
`,
)

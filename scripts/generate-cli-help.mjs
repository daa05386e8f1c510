#!/usr/bin/env node
// @ts-check
// Writes what the CLI's help says of the operations, from the spec alone: the program's summary,
// one group of commands per tag (`API Key` → `api-key`, with the tag's description), and each
// operation's group and summary. The commands are written by hand (src/commands/); their groups,
// the verb lists of the help and the summaries come from here, so a new operation or tag reaches
// the help without a hand-written list.
//
//   node ../../scripts/generate-cli-help.mjs src/generated/help.ts [spec.json]
import { spec, writeGenerated } from './bundled-spec.mjs'
import { specOperations } from './spec-operations.mjs'

/** `API Key` → `api-key`: a tag as a command name. */
const groupName = (/** @type {string} */ tag) =>
  tag
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')

/** @type {Record<string, { tag: string, description: string }>} */
const groups = {}
for (const { name, description = '' } of spec.tags ?? []) groups[groupName(name)] = { tag: name, description: description.trim() }

const operations = specOperations().map((op) => {
  const [tag] = op.raw.tags ?? []
  if (!tag || !groups[groupName(tag)]) throw new Error(`${op.id}: its first tag must be one of the spec's tags (${Object.values(groups).map((g) => g.tag).join(', ')}), got ${tag}`)
  if (!op.summary) throw new Error(`${op.id}: a summary is what the CLI's help lists it by`)
  return { id: op.id, group: groupName(tag), summary: op.summary.trim() }
})

const json = (/** @type {unknown} */ value) => JSON.stringify(value)
writeGenerated(
  'generate-help.mjs',
  `// Generated from spec/dist/openapi.json by packages/cli/scripts/generate-help.mjs. Do not edit.
import type { OperationId } from '@ncloud-apigw/operations'

/** What the program is for: the spec's \`info.summary\`. */
export const programSummary = ${json((spec.info.summary ?? spec.info.title).trim())}

/** One group of commands per tag of the spec, in its order: the tag's name and description. */
export const groups = {
${Object.entries(groups)
  .map(([name, group]) => `  ${json(name)}: { tag: ${json(group.tag)}, description: ${json(group.description)} },`)
  .join('\n')}
} as const

/** A group's name (\`api-key\`). */
export type GroupName = keyof typeof groups

/** Each operation's group (its first tag) and summary. */
export const operationHelp = {
${operations.map((op) => `  ${op.id}: { group: ${json(op.group)}, summary: ${json(op.summary)} },`).join('\n')}
} as const satisfies Record<OperationId, { group: GroupName; summary: string }>
`,
)

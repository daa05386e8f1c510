import { readFile } from 'node:fs/promises'
import { lengthLimit, operationIds, operations, type Schema } from '@ncloud-apigw/operations'
import { describe, expect, test } from 'vitest'
import { commands } from './commands.js'

const readme = await readFile(new URL('../README.md', import.meta.url), 'utf8')
const shBlocks = [...readme.matchAll(/^```sh\n([\s\S]*?)^```$/gm)].map(([, body]) => body!)

/** Every string schema of the table: parameters, query, body fields. */
function stringSchemas(): Schema[] {
  const found: Schema[] = []
  for (const id of operationIds) {
    const op = operations[id] as { pathParams: Record<string, Schema>; query: Record<string, Schema>; body?: Schema }
    found.push(...Object.values(op.pathParams), ...Object.values(op.query), ...Object.values(op.body?.properties ?? {}))
  }
  return found.filter((schema) => schema.type === 'string' && lengthLimit(schema) !== '')
}

describe('README', () => {
  test('documents a command for every operation of the spec', () => {
    for (const id of operationIds) expect(readme).toContain(`ncloud-apigw api-key ${commands[id].name}`)
  })

  test('states no limit of the spec by hand', () => {
    const limits = stringSchemas().map((schema) => lengthLimit(schema))
    expect(limits.length).toBeGreaterThan(0)
    for (const limit of limits) expect(readme).not.toContain(limit)
    expect(readme).not.toMatch(/\b\d+-character\b/)
  })

  test('its sh blocks hold only runnable commands of the CLI, with IDs as <api-key-id>', () => {
    expect(shBlocks.length).toBeGreaterThan(3)
    const names = new Set(operationIds.map((id) => commands[id].name))
    for (const line of shBlocks.flatMap((block) => block.trimEnd().split('\n'))) {
      expect(line).toMatch(/^ncloud-apigw api-key (\S+)/)
      expect(names).toContain(/^ncloud-apigw api-key (\S+)/.exec(line)![1])
      expect(line).not.toMatch(/ab12cd34ef|<id>/)
      // Commands that would ask refuse without a terminal, so the examples confirm up front.
      if (/ api-key (delete|regenerate) /.test(line)) expect(line).toMatch(/ (--yes|-y)\b/)
    }
  })
})

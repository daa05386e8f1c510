import { readFile } from 'node:fs/promises'
import { lengthLimit, operationIds, operations, type Schema } from '@ncloud-apigw/operations'
import { describe, expect, test } from 'vitest'
import { flagsOf, longFlag } from './attach.js'
import { operationHelp } from './generated/help.js'
import { commandModules } from './program.js'

const readme = await readFile(new URL('../README.md', import.meta.url), 'utf8')
const shBlocks = [...readme.matchAll(/^```sh\n([\s\S]*?)^```$/gm)].map(([, body]) => body!)
const commandLine = (module: (typeof commandModules)[number]) => `ncloud-apigw ${operationHelp[module.operation].group} ${module.name}`

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
  test.each(commandModules.map((module) => [commandLine(module), module] as const))('documents %s, its method and path, and every flag of it', (line, module) => {
    const row = readme.split('\n').find((text) => text.startsWith(`| \`${line}`))
    expect(row, `a row of the Commands table for ${line}`).toBeDefined()
    const { method, path } = operations[module.operation]
    expect(row).toContain(`\`${method} ${path}\``)
    for (const flag of flagsOf(module)) expect(row).toContain(longFlag(flag.flags))
  })

  test('states no limit of the spec by hand', () => {
    const limits = stringSchemas().map((schema) => lengthLimit(schema))
    expect(limits.length).toBeGreaterThan(0)
    for (const limit of limits) expect(readme).not.toContain(limit)
    expect(readme).not.toMatch(/\b\d+-character\b/)
  })

  test('its sh blocks hold only runnable commands of the CLI, with IDs as placeholders', () => {
    expect(shBlocks.length).toBeGreaterThan(3)
    const lines = new Set(commandModules.map(commandLine))
    for (const line of shBlocks.flatMap((block) => block.trimEnd().split('\n'))) {
      const command = /^(ncloud-apigw [a-z-]+ [a-z-]+)/.exec(line)?.[1]
      expect(lines, line).toContain(command)
      expect(line).not.toMatch(/ab12cd34ef|<id>/)
      // Commands that would ask refuse without a terminal, so the examples confirm up front.
      const module = commandModules.find((m) => commandLine(m) === command)!
      if (module.confirms) expect(line).toMatch(/ (--yes|-y)\b/)
    }
  })
})

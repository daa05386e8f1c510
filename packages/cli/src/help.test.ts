import { readFile } from 'node:fs/promises'
import { lengthLimit, operations } from '@ncloud-apigw/operations'
import { describe, expect, test } from 'vitest'
import { type CliResult, runInProcess } from '../test/run-cli.js'
import { fieldSchema, flagsOf } from './attach.js'
import { exitCodes } from './exit-codes.js'
import { groups, operationHelp, programSummary } from './generated/help.js'
import { commandModules } from './program.js'

// Help needs no server and no credentials.
const help = (args: readonly string[]): Promise<CliResult> => runInProcess(args, {})
const flat = (text: string) => text.replace(/\s+/g, ' ')
const globalFlags = ['--site <site>', '--base-url <url>', '--profile <name>', '--output <format>', '--show-secrets', '--timeout <ms>', '--verbose', '--debug']
/** An option's description in a help text, its wrapped lines joined. */
function optionHelp(help: string, flags: string): string {
  const lines = help.split('\n')
  const first = lines.findIndex((line) => line.startsWith(`  ${flags} `))
  const rest = lines.slice(first + 1).filter((line, i, all) => all.slice(0, i + 1).every((l) => /^ {6,}\S/.test(l)))
  return flat([lines[first]!, ...rest].join(' ')).trim()
}
const groupOf = (module: (typeof commandModules)[number]) => operationHelp[module.operation].group

describe('help', () => {
  test('the program\'s help lists the global options, each group with its commands, help and completion', async () => {
    const result = await help(['--help'])
    expect(result).toMatchObject({ code: exitCodes.ok, stderr: '' })
    expect(result.stdout).toContain('Usage: ncloud-apigw [options] [command]')
    expect(flat(result.stdout)).toContain(flat(programSummary))
    for (const option of globalFlags) expect(result.stdout).toContain(option)
    const listed = [...result.stdout.matchAll(/^ {2}([a-z][a-z-]*) /gm)].map(([, name]) => name)
    expect(listed).toEqual([...Object.keys(groups), 'help', 'completion'])
    for (const name of Object.keys(groups)) {
      const verbs = commandModules.filter((module) => groupOf(module) === name).map((module) => module.name)
      expect(flat(result.stdout)).toContain(`${name} ${verbs.join(', ')}`)
    }
  })

  test.each(Object.keys(groups))('%s --help lists one command per operation of its tag, each with the spec\'s summary', async (group) => {
    const result = await help([group, '--help'])
    expect(result).toMatchObject({ code: exitCodes.ok, stderr: '' })
    const modules = commandModules.filter((module) => groupOf(module) === group)
    const listed = [...result.stdout.matchAll(/^ {2}([a-z-]+) [[<]?/gm)].map(([, name]) => name).filter((name) => name !== 'h')
    expect(listed).toEqual(modules.map((module) => module.name))
    for (const module of modules) expect(flat(result.stdout)).toContain(flat(module.summary ?? operationHelp[module.operation].summary))
    expect(result.stdout).toMatch(new RegExp(`Examples:\\n {2}\\$ ncloud-apigw ${group} `))
  })

  test.each(commandModules.map((module) => [`${groupOf(module)} ${module.name}`, module] as const))(
    '%s --help: usage with its arguments, its method and path, each flag (required ones marked) with the spec\'s limit, examples, and a pointer to the global options',
    async (_, module) => {
      const { method, path, pathParams } = operations[module.operation]
      const result = await help([groupOf(module), module.name, '--help'])
      expect(result).toMatchObject({ code: exitCodes.ok, stderr: '' })
      const text = flat(result.stdout)
      const args = Object.keys(pathParams).map((name) => ` <${name}>`).join('')
      expect(result.stdout).toContain(`Usage: ncloud-apigw ${groupOf(module)} ${module.name} [options]${args}`)
      expect(text).toContain(`(${method} ${path})`)
      for (const flag of flagsOf(module)) {
        expect(result.stdout).toContain(flag.flags)
        const schema = flag.field === undefined ? undefined : fieldSchema(module.operation, flag.field)
        const limit = schema?.type === 'string' ? lengthLimit(schema) : ''
        if (limit && flag.flags.includes('<')) expect(text).toContain(limit)
        expect({ flag: flag.flags, required: optionHelp(result.stdout, flag.flags).endsWith('(required)') }).toEqual({ flag: flag.flags, required: !!flag.required })
      }
      expect(result.stdout).toMatch(new RegExp(`Examples:\\n {2}\\$ ncloud-apigw ${groupOf(module)} ${module.name}`))
      // The global options are in the program's help, not repeated here.
      expect(result.stdout).toContain('Global options (--site, --base-url, --profile, --output, --show-secrets, --timeout, --verbose, --debug): ncloud-apigw --help')
      expect(result.stdout).not.toContain("the profile's ncloud_api_url")
    },
  )

  test('help <command> prints the same as <command> --help, for a group and for a command', async () => {
    for (const path of [['api-key'], ['api-key', 'create'], ['product', 'usage-plan']]) {
      const direct = await help([...path, '--help'])
      expect(await help(['help', ...path])).toEqual(direct)
    }
    expect((await help(['help'])).stdout).toEqual((await help(['--help'])).stdout)
  })

  test('help of an unknown command is a usage error', async () => {
    const result = await help(['help', 'api-key', 'remove'])
    expect(result.code).toBe(exitCodes.usage)
    expect(result.stderr).toContain("ncloud-apigw: unknown command 'api-key remove'")
  })

  test('--version prints the version from package.json', async () => {
    const { version } = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
    expect(await help(['--version'])).toEqual({ code: exitCodes.ok, stdout: `${version}\n`, stderr: '' })
  })
})

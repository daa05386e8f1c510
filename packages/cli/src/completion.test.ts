import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { describe, expect, test } from 'vitest'
import { runInProcess } from '../test/run-cli.js'
import { flagsOf, longFlag } from './attach.js'
import { exitCodes } from './exit-codes.js'
import { groups, operationHelp } from './generated/help.js'
import { commandModules } from './program.js'

const script = async (shell: string) => {
  const result = await runInProcess(['completion', shell], {})
  expect({ code: result.code, stderr: result.stderr }).toEqual({ code: exitCodes.ok, stderr: '' })
  return result.stdout
}

const bash = await script('bash')

/** What bash completes for the words typed so far (the last one being completed), through the script's function. */
async function complete(...words: string[]): Promise<string[]> {
  const line = ['ncloud-apigw', ...words]
  const program = `${bash}\nCOMP_WORDS=(${line.map((w) => `'${w}'`).join(' ')}); COMP_CWORD=${line.length - 1}; _ncloud_apigw; printf '%s\\n' "\${COMPREPLY[@]}"`
  const { stdout } = await promisify(execFile)('bash', ['--norc', '--noprofile', '-c', program])
  return stdout.split('\n').filter(Boolean)
}

const groupOf = (module: (typeof commandModules)[number]) => operationHelp[module.operation].group

describe('completion', () => {
  test('bash completes the groups, help and completion first', async () => {
    expect(await complete('')).toEqual([...Object.keys(groups), 'help', 'completion'])
  })

  test('bash completes a group\'s commands from what is typed', async () => {
    expect(await complete('api-key', 'su')).toEqual(['subscribe', 'subscriptions'])
    expect(await complete('product', '')).toEqual(commandModules.filter((m) => groupOf(m) === 'product').map((m) => m.name))
  })

  test('bash completes a command\'s own flags and the global ones, skipping global options and their values before the group', async () => {
    const flags = await complete('--profile', 'prod', 'api-key', 'list', '--')
    expect(flags).toEqual(expect.arrayContaining(['--name', '--limit', '--offset', '--all', '--output', '--show-secrets', '--help']))
    expect(flags).not.toContain('--product')
  })

  test('bash completes the choices of --output, --site and --status, and nothing after a flag of free text', async () => {
    expect(await complete('api-key', 'get', 'x', '--output', '')).toEqual(['json', 'table'])
    expect(await complete('--site', '')).toEqual(['public', 'gov', 'fin'])
    expect(await complete('api-key', 'search', '--status', 'RE')).toEqual(['REQUEST', 'REJECTED'])
    expect(await complete('api-key', 'search', '--product', '')).toEqual([])
  })

  test('bash completes help\'s groups and commands, and completion\'s shells', async () => {
    expect(await complete('help', '')).toEqual(Object.keys(groups))
    expect(await complete('help', 'product', 'a')).toEqual(['api-keys', 'approve'])
    expect(await complete('completion', '')).toEqual(['bash', 'zsh', 'fish'])
  })

  test.each(['zsh', 'fish'])('the %s script names every group, command and flag', async (shell) => {
    const text = await script(shell)
    for (const module of commandModules) {
      expect(text).toContain(groupOf(module))
      expect(text).toContain(module.name)
      for (const flag of flagsOf(module)) expect(text).toContain(shell === 'fish' ? `-l ${longFlag(flag.flags).slice(2)}` : longFlag(flag.flags))
    }
  })

  test('the zsh script reads zsh\'s words and CURRENT, and never hides them behind a variable of its own', async () => {
    const text = await script('zsh')
    expect(text).toContain('${words[i]}')
    expect(text).toContain('${words[CURRENT - 1]}')
    expect(text).not.toMatch(/\b(words|CURRENT)=/)
  })

  test('an unknown shell is a usage error', async () => {
    const result = await runInProcess(['completion', 'tcsh'], {})
    expect(result.code).toBe(exitCodes.usage)
    expect(result.stderr).toContain("ncloud-apigw: command-argument value 'tcsh' is invalid for argument 'shell'. Allowed choices are bash, zsh, fish.")
  })
})

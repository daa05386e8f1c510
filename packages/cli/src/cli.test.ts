import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { ApiKey } from '@ncloud-apigw/client'
import { type FakeApiGateway, startFakeApiGateway, TEST_CREDENTIALS } from '@ncloud-apigw/testing'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { type CliResult, runCli, runInTerminal } from '../test/run-cli.js'
import { exitCodes } from './exit-codes.js'

let gw: FakeApiGateway
let home: string

// Every run is kept, with every key value the fake held right after it, so that the last
// check can hold all output to the rule: no secret key ever, no key value without --show-secrets.
const transcripts: { args: readonly string[]; result: CliResult }[] = []
const keyValues = new Set<string>()

beforeAll(async () => {
  gw = await startFakeApiGateway()
  // An empty HOME: no real ~/.ncloud/configure can be read.
  home = await mkdtemp(join(tmpdir(), 'ncloud-apigw-cli-'))
})

afterAll(async () => {
  await gw?.close()
  if (home) await rm(home, { recursive: true, force: true })
})

const credentialsEnv = () => ({
  HOME: home,
  NCLOUD_ACCESS_KEY_ID: TEST_CREDENTIALS.accessKey,
  NCLOUD_SECRET_ACCESS_KEY: TEST_CREDENTIALS.secretKey,
})

/** Runs the built binary against the fake (`--base-url` last, after the command's own flags). */
async function cli(args: readonly string[], { env = credentialsEnv(), baseUrl = gw.url }: { env?: Record<string, string>; baseUrl?: string | null } = {}) {
  const all = baseUrl === null ? args : [...args, '--base-url', baseUrl]
  const result = await runCli(all, env)
  transcripts.push({ args: all, result })
  for (const key of gw.keys.values()) keyValues.add(key.primaryKey).add(key.secondaryKey)
  return result
}

const sentSince = (count: number) => gw.requests.slice(count)

function parsed(result: CliResult): ApiKey {
  expect(result.stderr).toBe('')
  expect(result.code).toBe(exitCodes.ok)
  return JSON.parse(result.stdout) as ApiKey
}

/** The table's rows as field → value. */
function rows(table: string): Record<string, string> {
  return Object.fromEntries(
    table
      .trimEnd()
      .split('\n')
      .map((line) => {
        const [, field, value] = /^(\S+)\s+(.*)$/.exec(line) ?? []
        return [field, value]
      }),
  )
}

const masked = (value: string) => `${value.slice(0, 4)}****`

describe('commands against the fake API Gateway', () => {
  test('create makes the key and prints it as JSON when stdout is not a terminal, key values masked', async () => {
    const out = parsed(await cli(['api-key', 'create', '--name', 'ci-bot', '--description', 'deploys']))
    const stored = gw.keys.get(out.apiKeyId)!
    expect(stored).toMatchObject({ apiKeyName: 'ci-bot', apiKeyDescription: 'deploys', isEnabled: true })
    expect(out).toEqual({ ...stored, primaryKey: masked(stored.primaryKey), secondaryKey: masked(stored.secondaryKey) })
  })

  test('create --output table prints one row per field, masked, and says so on stderr', async () => {
    const result = await cli(['api-key', 'create', '--name', 'table-bot', '--output', 'table'])
    expect(result.code).toBe(exitCodes.ok)
    const table = rows(result.stdout)
    const stored = gw.keys.get(table.apiKeyId!)!
    expect(table).toEqual({
      apiKeyId: stored.apiKeyId,
      apiKeyName: 'table-bot',
      isEnabled: 'true',
      primaryKey: masked(stored.primaryKey),
      secondaryKey: masked(stored.secondaryKey),
      domainCode: stored.domainCode,
      tenantId: stored.tenantId,
      modifier: stored.modifier,
      modTime: stored.modTime,
    })
    expect(result.stderr).toContain('pass --show-secrets to print them')
  })

  test('--show-secrets prints the key values in full, as JSON and as a table', async () => {
    const key = gw.seedKey({ apiKeyName: 'shown' })
    expect(parsed(await cli(['api-key', 'get', key.apiKeyId, '--show-secrets']))).toEqual(key)
    const result = await cli(['api-key', 'get', key.apiKeyId, '--show-secrets', '--output', 'table'])
    expect(rows(result.stdout)).toMatchObject({ primaryKey: key.primaryKey, secondaryKey: key.secondaryKey })
    expect(result.stderr).toBe('')
  })

  test('get prints the stored key, as JSON and as a table', async () => {
    const key = gw.seedKey({ apiKeyName: 'read-me', apiKeyDescription: 'for get' })
    expect(parsed(await cli(['api-key', 'get', key.apiKeyId]))).toEqual({ ...key, primaryKey: masked(key.primaryKey), secondaryKey: masked(key.secondaryKey) })
    const result = await cli(['api-key', 'get', key.apiKeyId, '--output', 'table'])
    expect(rows(result.stdout)).toMatchObject({ apiKeyId: key.apiKeyId, apiKeyName: 'read-me', apiKeyDescription: 'for get', isEnabled: 'true', primaryKey: masked(key.primaryKey) })
  })

  test('update --disabled, then --enabled with a description, changes the stored key', async () => {
    const key = gw.seedKey({ apiKeyName: 'before' })
    const disabled = parsed(await cli(['api-key', 'update', key.apiKeyId, '--name', 'after', '--disabled']))
    expect(disabled).toMatchObject({ apiKeyId: key.apiKeyId, apiKeyName: 'after', isEnabled: false })
    expect(gw.keys.get(key.apiKeyId)).toMatchObject({ apiKeyName: 'after', isEnabled: false })

    const result = await cli(['api-key', 'update', key.apiKeyId, '--name', 'after', '--enabled', '--description', 'back on', '--output', 'table'])
    expect(result.code).toBe(exitCodes.ok)
    expect(rows(result.stdout)).toMatchObject({ apiKeyName: 'after', isEnabled: 'true', apiKeyDescription: 'back on' })
    expect(gw.requests.at(-1)!.body).toEqual({ apiKeyName: 'after', isEnabled: true, apiKeyDescription: 'back on' })
  })

  test('regenerate --secondary --yes replaces only the secondary key and prints the new one masked', async () => {
    const key = gw.seedKey({ apiKeyName: 'rotate' })
    const out = parsed(await cli(['api-key', 'regenerate', key.apiKeyId, '--secondary', '--yes']))
    const stored = gw.keys.get(key.apiKeyId)!
    expect(stored.primaryKey).toBe(key.primaryKey)
    expect(stored.secondaryKey).not.toBe(key.secondaryKey)
    expect(out.secondaryKey).toBe(masked(stored.secondaryKey))
    expect(gw.requests.at(-1)).toMatchObject({ operationId: 'regenerateApiKey', body: { keyType: 'SECONDARY' } })
  })

  test('regenerate --primary -y --show-secrets prints the new primary key in full', async () => {
    const key = gw.seedKey({ apiKeyName: 'rotate-p' })
    const out = parsed(await cli(['api-key', 'regenerate', key.apiKeyId, '--primary', '-y', '--show-secrets']))
    const stored = gw.keys.get(key.apiKeyId)!
    expect(stored.primaryKey).not.toBe(key.primaryKey)
    expect(out).toEqual(stored)
  })

  test('regenerate without --yes and without a terminal refuses with a usage error and sends nothing', async () => {
    const key = gw.seedKey({ apiKeyName: 'keep' })
    const before = gw.requests.length
    const result = await cli(['api-key', 'regenerate', key.apiKeyId, '--primary'])
    expect(result.code).toBe(exitCodes.usage)
    expect(result.stderr).toContain('pass --yes')
    expect(result.stdout).toBe('')
    expect(sentSince(before)).toEqual([])
    expect(gw.keys.get(key.apiKeyId)).toEqual(key)
  })

  test('global options work before the command as well as after it', async () => {
    const key = gw.seedKey({ apiKeyName: 'anywhere' })
    const result = await cli(['--base-url', gw.url, '--output', 'table', 'api-key', 'get', key.apiKeyId], { baseUrl: null })
    expect(result.code).toBe(exitCodes.ok)
    expect(rows(result.stdout).apiKeyName).toBe('anywhere')
  })

  test('--profile reads that section of ~/.ncloud/configure (the client\'s credentials chain)', async () => {
    const profileHome = await mkdtemp(join(tmpdir(), 'ncloud-apigw-cli-profile-'))
    try {
      await mkdir(join(profileHome, '.ncloud'))
      const { accessKey, secretKey } = TEST_CREDENTIALS
      await writeFile(
        join(profileHome, '.ncloud', 'configure'),
        `[DEFAULT]\nncloud_access_key_id = ${accessKey}\nncloud_secret_access_key = wrong-secret\n\n[ci]\nncloud_access_key_id = ${accessKey}\nncloud_secret_access_key = ${secretKey}\n`,
      )
      const key = gw.seedKey({ apiKeyName: 'by-profile' })
      expect(parsed(await cli(['api-key', 'get', key.apiKeyId, '--profile', 'ci'], { env: { HOME: profileHome } })).apiKeyName).toBe('by-profile')
      // Without --profile, [DEFAULT] and its wrong secret: the API refuses.
      expect((await cli(['api-key', 'get', key.apiKeyId], { env: { HOME: profileHome } })).code).toBe(exitCodes.auth)
      const missing = await cli(['api-key', 'get', key.apiKeyId, '--profile', 'nope'], { env: { HOME: profileHome } })
      expect(missing.code).toBe(exitCodes.auth)
      expect(missing.stderr).toContain('no such section (found: [DEFAULT], [ci])')
    } finally {
      await rm(profileHome, { recursive: true, force: true })
    }
  })
})

describe('on a terminal', () => {
  async function terminal(args: readonly string[], typed: string) {
    const all = [...args, '--base-url', gw.url]
    const result = await runInTerminal(all, credentialsEnv(), typed)
    transcripts.push({ args: all, result })
    for (const key of gw.keys.values()) keyValues.add(key.primaryKey).add(key.secondaryKey)
    return result
  }

  const question = (id: string, keyType: string) =>
    `Regenerate the ${keyType} key of API key "${id}"? Callers still sending the current value will be refused. [y/N] `

  test('regenerate asks, and answered y, regenerates and prints a table (the default on a terminal)', async () => {
    const key = gw.seedKey({ apiKeyName: 'on-screen' })
    const result = await terminal(['api-key', 'regenerate', key.apiKeyId, '--primary'], 'y\n')
    expect(result.code).toBe(exitCodes.ok)
    const stored = gw.keys.get(key.apiKeyId)!
    expect(stored.primaryKey).not.toBe(key.primaryKey)
    expect(result.stdout).toContain(question(key.apiKeyId, 'PRIMARY'))
    expect(/^primaryKey +(\S+)$/m.exec(result.stdout)?.[1]).toBe(masked(stored.primaryKey))
  })

  test('regenerate asks, and answered n, cancels with exit code 7 and sends nothing', async () => {
    const key = gw.seedKey({ apiKeyName: 'untouched' })
    const before = gw.requests.length
    const result = await terminal(['api-key', 'regenerate', key.apiKeyId, '--secondary'], 'n\n')
    expect(result.code).toBe(exitCodes.cancelled)
    // The terminal echoes the typed answer whenever it arrives, before or after the question.
    expect(result.stdout).toContain(question(key.apiKeyId, 'SECONDARY'))
    expect(result.stdout).toMatch(/\[y\/N\] (n\n)?ncloud-apigw: Cancelled; nothing was sent\.\n$/)
    expect(sentSince(before)).toEqual([])
    expect(gw.keys.get(key.apiKeyId)).toEqual(key)
  })
})

describe('exit codes and messages', () => {
  test.each([
    ['an unknown flag', ['api-key', 'get', 'x', '--bogus'], "unknown option '--bogus'"],
    ['a missing id', ['api-key', 'get'], "missing required argument 'api-key-id'"],
    ['a missing id on update', ['api-key', 'update', '--name', 'n', '--enabled'], "missing required argument 'api-key-id'"],
    ['a missing --name', ['api-key', 'create'], "required option '--name <name>' not specified"],
    ['both --enabled and --disabled', ['api-key', 'update', 'x', '--name', 'n', '--enabled', '--disabled'], "option '--enabled' cannot be used with option '--disabled'"],
    ['neither --enabled nor --disabled', ['api-key', 'update', 'x', '--name', 'n'], 'pass one of --enabled or --disabled'],
    ['both --primary and --secondary', ['api-key', 'regenerate', 'x', '--primary', '--secondary', '--yes'], "option '--primary' cannot be used with option '--secondary'"],
    ['neither --primary nor --secondary', ['api-key', 'regenerate', 'x', '--yes'], 'pass one of --primary or --secondary'],
    ['an unknown command', ['api-key', 'delete', 'x'], "unknown command 'delete'"],
    ['an extra argument', ['api-key', 'get', 'x', 'y'], 'too many arguments'],
    ['an unknown --output', ['api-key', 'get', 'x', '--output', 'yaml'], "argument 'yaml' is invalid. Allowed choices are json, table"],
    ['an unknown --site', ['api-key', 'get', 'x', '--site', 'moon'], 'Allowed choices are public, gov, fin'],
    ['a --base-url that is not a URL', ['api-key', 'get', 'x', '--base-url', 'not a url'], "option '--base-url <url>' argument 'not a url' is invalid"],
  ])('%s is a usage error (exit 2), and nothing is sent', async (_, args, message) => {
    const before = gw.requests.length
    const result = await cli(args)
    expect(result.code).toBe(exitCodes.usage)
    expect(result.stderr).toContain(message)
    expect(result.stderr).toContain('--help')
    expect(result.stdout).toBe('')
    expect(sentSince(before)).toEqual([])
  })

  test('no command prints the help on stderr with a usage error', async () => {
    const result = await cli([], { baseUrl: null })
    expect(result.code).toBe(exitCodes.usage)
    expect(result.stderr).toContain('Usage: ncloud-apigw [options] [command]')
    expect(result.stdout).toBe('')
  })

  test('a 21-character name is a validation error (exit 3) naming --name and its limit, and nothing is sent', async () => {
    const before = gw.requests.length
    const result = await cli(['api-key', 'create', '--name', 'x'.repeat(21), '--output', 'table'])
    expect(result.code).toBe(exitCodes.validation)
    expect(result.stderr).toContain('apiKeyName must be a string of 1 to 20 characters, got 21')
    expect(result.stderr).toMatch(/^ {2}option: +--name$/m)
    expect(result.stdout).toBe('')
    expect(sentSince(before)).toEqual([])
  })

  test('a 51-character description on update is a validation error (exit 3), as JSON when --output is json', async () => {
    const key = gw.seedKey()
    const result = await cli(['api-key', 'update', key.apiKeyId, '--name', 'n', '--enabled', '--description', 'd'.repeat(51)])
    expect(result.code).toBe(exitCodes.validation)
    expect(JSON.parse(result.stderr)).toEqual({
      error: expect.objectContaining({ name: 'NcpValidationError', field: 'apiKeyDescription', limit: 'a string of 0 to 50 characters', length: 51, option: '--description' }),
    })
  })

  test('a --timeout that is not a positive integer is refused by the client (exit 3)', async () => {
    const result = await cli(['api-key', 'get', 'x', '--timeout', 'soon', '--output', 'table'])
    expect(result.code).toBe(exitCodes.validation)
    expect(result.stderr).toContain('timeoutMs must be a positive integer')
    expect(result.stderr).toMatch(/option: +--timeout/)
  })

  test('a wrong secret key is an auth error (exit 4) with NCP\'s status, errorCode, message and details', async () => {
    const result = await cli(['api-key', 'create', '--name', 'never', '--output', 'table'], {
      env: { ...credentialsEnv(), NCLOUD_SECRET_ACCESS_KEY: 'not-the-secret-key' },
    })
    expect(result.code).toBe(exitCodes.auth)
    const request = gw.requests.at(-1)!
    expect(result.stderr).toMatch(/^ {2}status: +401$/m)
    expect(result.stderr).toMatch(/^ {2}errorCode: +200$/m)
    expect(result.stderr).toMatch(/^ {2}message: +Authentication Failed$/m)
    expect(result.stderr).toMatch(/^ {2}details: +\S/m)
    expect(result.stderr).toMatch(new RegExp(`^ {2}traceId: +${request.traceId}$`, 'm'))
    expect(result.stderr).not.toContain('not-the-secret-key')
  })

  test('a 403 from the gateway is an auth error too (exit 4)', async () => {
    const key = gw.seedKey()
    gw.injectFault({ kind: 'status', status: 403, operationId: 'getApiKey' })
    const result = await cli(['api-key', 'get', key.apiKeyId])
    expect(result.code).toBe(exitCodes.auth)
    expect(JSON.parse(result.stderr).error).toMatchObject({ name: 'NcpApiError', status: 403, errorCode: '230' })
  })

  test('missing credentials are an auth error (exit 4) that says where it looked, and nothing is sent', async () => {
    const before = gw.requests.length
    const result = await cli(['api-key', 'get', 'x', '--output', 'table'], { env: { HOME: home } })
    expect(result.code).toBe(exitCodes.auth)
    expect(result.stderr).toContain('No NCP credentials found')
    expect(result.stderr).toContain(join(home, '.ncloud', 'configure'))
    expect(result.stderr).toContain('--profile')
    expect(sentSince(before)).toEqual([])
  })

  test('an unknown id is an API error (exit 5) with status 404, errorCode 300, details and the trace ID', async () => {
    const text = await cli(['api-key', 'get', 'no-such-key', '--output', 'table'])
    expect(text.code).toBe(exitCodes.api)
    expect(text.stdout).toBe('')
    expect(text.stderr).toContain('ncloud-apigw: getApiKey failed: HTTP 404')
    expect(text.stderr).toMatch(/^ {2}status: +404$/m)
    expect(text.stderr).toMatch(/^ {2}errorCode: +300$/m)
    expect(text.stderr).toMatch(/^ {2}message: +Not Found Exception$/m)
    expect(text.stderr).toMatch(/^ {2}details: +.*no-such-key/m)
    expect(text.stderr).toMatch(new RegExp(`^ {2}traceId: +${gw.requests.at(-1)!.traceId}$`, 'm'))

    const json = await cli(['api-key', 'update', 'no-such-key', '--name', 'n', '--disabled'])
    expect(json.code).toBe(exitCodes.api)
    expect(JSON.parse(json.stderr).error).toMatchObject({
      name: 'NcpApiError',
      status: 404,
      errorCode: '300',
      errorMessage: 'Not Found Exception',
      details: expect.stringContaining('no-such-key'),
      traceId: gw.requests.at(-1)!.traceId,
    })
  })

  test('a 503 that outlasts the retries is an API error (exit 5)', async () => {
    const key = gw.seedKey()
    gw.injectFault({ kind: 'status', status: 503, times: 3, operationId: 'getApiKey' })
    const result = await cli(['api-key', 'get', key.apiKeyId, '--output', 'table'])
    expect(result.code).toBe(exitCodes.api)
    expect(result.stderr).toMatch(/^ {2}status: +503$/m)
  })

  test('a refused connection is a network error (exit 6)', async () => {
    const server = createServer()
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const { port } = server.address() as { port: number }
    await new Promise((resolve) => server.close(resolve))
    const result = await cli(['api-key', 'get', 'x', '--output', 'table'], { baseUrl: `http://127.0.0.1:${port}/api/v1` })
    expect(result.code).toBe(exitCodes.network)
    expect(result.stderr).toMatch(/getApiKey attempt 3 got no answer \(fetch failed: connect ECONNREFUSED/)
  })

  test('an answer slower than --timeout is a network error (exit 6) that suggests a larger --timeout', async () => {
    gw.injectFault({ kind: 'hang', operationId: 'createApiKey' })
    const result = await cli(['api-key', 'create', '--name', 'slow', '--timeout', '300', '--output', 'table'])
    expect(result.code).toBe(exitCodes.network)
    expect(result.stderr).toContain('timed out after 300 ms')
    expect(result.stderr).toMatch(/hint: +pass a larger --timeout/)
  })
})

describe('help and version', () => {
  test.each([
    [[], 'Usage: ncloud-apigw [options] [command]'],
    [['api-key'], 'Usage: ncloud-apigw api-key [options] [command]'],
    [['api-key', 'create'], 'Usage: ncloud-apigw api-key create [options]'],
    [['api-key', 'get'], 'Usage: ncloud-apigw api-key get [options] <api-key-id>'],
    [['api-key', 'update'], 'Usage: ncloud-apigw api-key update [options] <api-key-id>'],
    [['api-key', 'regenerate'], 'Usage: ncloud-apigw api-key regenerate [options] <api-key-id>'],
  ])('%j --help prints usage, examples and the global options on stdout', async (command, usage) => {
    const result = await cli([...command, '--help'], { baseUrl: null })
    expect(result.code).toBe(exitCodes.ok)
    expect(result.stderr).toBe('')
    expect(result.stdout).toContain(usage)
    expect(result.stdout).toMatch(/Examples:\n {2}\$ ncloud-apigw api-key /)
    for (const option of ['--site <site>', '--base-url <url>', '--profile <name>', '--output <format>', '--show-secrets', '--timeout <ms>']) {
      expect(result.stdout).toContain(option)
    }
  })

  test('--version prints the version from package.json', async () => {
    const { version } = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
    const result = await cli(['--version'], { baseUrl: null })
    expect(result).toEqual({ code: exitCodes.ok, stdout: `${version}\n`, stderr: '' })
  })
})

describe('secrets', () => {
  // Runs last in this file, over every transcript above.
  test('no output ever holds the secret key, and none holds a key value unless --show-secrets was given', () => {
    expect(transcripts.length).toBeGreaterThan(30)
    expect(keyValues.size).toBeGreaterThan(20)
    let shown = 0
    for (const { args, result } of transcripts) {
      const output = result.stdout + result.stderr
      expect(output).not.toContain(TEST_CREDENTIALS.secretKey)
      const leaked = [...keyValues].filter((value) => output.includes(value))
      if (args.includes('--show-secrets')) shown += leaked.length
      else expect({ args, leaked }).toEqual({ args, leaked: [] })
    }
    // The search finds values where they are printed on purpose, so it would find a leak.
    expect(shown).toBeGreaterThan(0)
  })
})

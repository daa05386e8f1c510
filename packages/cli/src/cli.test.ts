import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { ApiKey } from '@ncloud-apigw/client'
import { describe as limitOf, lengthLimit, operationIds, operations } from '@ncloud-apigw/operations'
import { type FakeApiGateway, startFakeApiGateway, TEST_CREDENTIALS } from '@ncloud-apigw/testing'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { type CliResult, runInProcess } from '../test/run-cli.js'
import { commands } from './commands.js'
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

/**
 * Runs the CLI against the fake (`--base-url` last, after the command's own flags), in this
 * process through `run(argv, io)` with exactly `env` as its environment. What only a process
 * shows (the exit code as the shell sees it, a closed pipe, a terminal, the environment of a
 * real process) is bin.test.ts's, through the built binary.
 */
async function cli(args: readonly string[], { env = credentialsEnv(), baseUrl = gw.url }: { env?: Record<string, string>; baseUrl?: string | null } = {}) {
  const all = baseUrl === null ? args : [...args, '--base-url', baseUrl]
  const result = await runInProcess(all, env)
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

/** A name no other test uses, so that a name filter lists only this test's keys. */
let names = 0
const uniqueName = (prefix: string) => `${prefix}${++names}-`

describe('list', () => {
  test('prints the page as the API answered it, as JSON, with --name, --limit and --offset sent as the query', async () => {
    const prefix = uniqueName('pg')
    const seeded = [1, 2, 3].map((n) => gw.seedKey({ apiKeyName: `${prefix}${n}`, apiKeyDescription: `key ${n}` }))
    const before = gw.requests.length
    const out: unknown = parsed(await cli(['api-key', 'list', '--name', prefix, '--limit', '2', '--offset', '1']))
    expect(sentSince(before)).toMatchObject([{ operationId: 'listApiKeys', path: `/api/v1/api-keys?offset=1&limit=2&apiKeyName=${encodeURIComponent(prefix)}` }])
    const summary = ({ primaryKey: _p, secondaryKey: _s, ...rest }: ApiKey) => rest
    expect(out).toEqual({ apiKeys: seeded.slice(1, 3).map(summary), total: 3, initialCount: gw.keys.size })
  })

  test('prints a table on request: a header, one row per key, the count on stderr', async () => {
    const prefix = uniqueName('tb')
    const seeded = [gw.seedKey({ apiKeyName: `${prefix}a`, apiKeyDescription: 'first' }), gw.seedKey({ apiKeyName: `${prefix}b`, isEnabled: false })]
    const result = await cli(['api-key', 'list', '--name', prefix, '--output', 'table'])
    expect(result.code).toBe(exitCodes.ok)
    const [header, ...lines] = result.stdout.trimEnd().split('\n')
    expect(header!.split(/\s+/)).toEqual(['apiKeyId', 'apiKeyName', 'isEnabled', 'modTime', 'apiKeyDescription'])
    expect(lines.map((line) => line.split(/\s+/))).toEqual([
      [seeded[0]!.apiKeyId, `${prefix}a`, 'true', seeded[0]!.modTime, 'first'],
      [seeded[1]!.apiKeyId, `${prefix}b`, 'false', seeded[1]!.modTime],
    ])
    expect(result.stderr).toBe('(2 API keys)\n')
  })

  test('a page short of the total says how to get the next one', async () => {
    const prefix = uniqueName('nx')
    for (const n of [1, 2, 3]) gw.seedKey({ apiKeyName: `${prefix}${n}` })
    const result = await cli(['api-key', 'list', '--name', prefix, '--limit', '2', '--output', 'table'])
    expect(result.stderr).toBe('(2 API keys of 3; --offset 2 for the next page, --all for every one)\n')
  })

  test('--all walks every page and prints {apiKeys, total} as JSON', async () => {
    const prefix = uniqueName('all')
    // More than one page of the client's default page size (100).
    const seeded = Array.from({ length: 105 }, (_, n) => gw.seedKey({ apiKeyName: `${prefix}${n}` }))
    const before = gw.requests.length
    const out = JSON.parse((await cli(['api-key', 'list', '--all', '--name', prefix])).stdout) as { apiKeys: { apiKeyId: string }[]; total: number }
    expect(out.total).toBe(105)
    expect(Object.keys(out)).toEqual(['apiKeys', 'total'])
    expect(out.apiKeys.map((key) => key.apiKeyId)).toEqual(seeded.map((key) => key.apiKeyId))
    const pages = sentSince(before).map((request) => new URL(request.path, gw.url).searchParams.get('offset'))
    expect(pages).toEqual(['0', '100'])
  })

  test('--all as a table prints every key and their number on stderr', async () => {
    const prefix = uniqueName('allt')
    for (const n of [1, 2, 3]) gw.seedKey({ apiKeyName: `${prefix}${n}` })
    const result = await cli(['api-key', 'list', '--all', '--name', prefix, '--output', 'table'])
    expect(result.code).toBe(exitCodes.ok)
    expect(result.stdout.trimEnd().split('\n')).toHaveLength(4)
    expect(result.stderr).toBe('(3 API keys)\n')
  })

  test('a --limit that is not decimal digits is a usage error naming --limit, and nothing is sent', async () => {
    const before = gw.requests.length
    const result = await cli(['api-key', 'list', '--limit', 'abc'])
    expect(result.code).toBe(exitCodes.usage)
    expect(result.stderr).toContain("error: option '--limit <n>' argument 'abc' is invalid. Give a whole number in decimal digits, such as 20.")
    expect(sentSince(before)).toEqual([])
  })
})

describe('delete', () => {
  test('--yes deletes the key and prints {apiKeyId, deleted: true} as JSON', async () => {
    const key = gw.seedKey({ apiKeyName: 'doomed' })
    const result = await cli(['api-key', 'delete', key.apiKeyId, '--yes'])
    expect(result).toMatchObject({ code: exitCodes.ok, stderr: '' })
    expect(JSON.parse(result.stdout)).toEqual({ apiKeyId: key.apiKeyId, deleted: true })
    expect(gw.keys.has(key.apiKeyId)).toBe(false)
    expect(gw.requests.at(-1)).toMatchObject({ operationId: 'deleteApiKey', apiKeyId: key.apiKeyId, status: operations.deleteApiKey.success })
  })

  test('-y --output table says so in a line', async () => {
    const key = gw.seedKey({ apiKeyName: 'doomed-t' })
    const result = await cli(['api-key', 'delete', key.apiKeyId, '-y', '--output', 'table'])
    expect(result).toEqual({ code: exitCodes.ok, stdout: `Deleted the API key "${key.apiKeyId}".\n`, stderr: '' })
    expect(gw.keys.has(key.apiKeyId)).toBe(false)
  })

  test('without --yes and without a terminal refuses with a usage error and sends nothing', async () => {
    const key = gw.seedKey({ apiKeyName: 'spared' })
    const before = gw.requests.length
    const result = await cli(['api-key', 'delete', key.apiKeyId])
    expect(result.code).toBe(exitCodes.usage)
    expect(result.stderr).toContain(`error: delete removes the API key "${key.apiKeyId}" for good; pass --yes to confirm`)
    expect(result.stdout).toBe('')
    expect(sentSince(before)).toEqual([])
    expect(gw.keys.get(key.apiKeyId)).toEqual(key)
  })

  test('an unknown id is an API error (exit 5)', async () => {
    const result = await cli(['api-key', 'delete', 'no-such-key', '--yes'])
    expect(result.code).toBe(exitCodes.api)
    expect(JSON.parse(result.stderr).error).toMatchObject({ name: 'NcpApiError', operation: 'deleteApiKey', status: 404, errorCode: '300' })
    expect(result.stdout).toBe('')
  })
})

// Escape sequences a hostile server may send: set the window title, clear the screen, and a
// CR LF followed by what looks like a line of the CLI's own.
const hostile = '\x1b]0;owned\x07\x1b[2J\r\n  status: 200'
const rawControl = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/

describe('a hostile server', () => {
  test('control characters in a key are shown as escapes in the key table, never sent to the terminal', async () => {
    const key = gw.seedKey({ apiKeyName: 'ti\x1b]0;x\x07tle', apiKeyDescription: 'ok\r\nisEnabled          false' })
    const result = await cli(['api-key', 'get', key.apiKeyId, '--output', 'table'])
    expect(result.code).toBe(exitCodes.ok)
    expect(result.stdout).not.toMatch(rawControl)
    expect(rows(result.stdout)).toMatchObject({ apiKeyName: 'ti\\x1b]0;x\\x07tle', apiKeyDescription: 'ok\\r\\nisEnabled          false', isEnabled: 'true' })
    expect(result.stdout.trimEnd().split('\n')).toHaveLength(Object.keys(key).length)
  })

  test('control characters in listed keys are shown as escapes in the list table', async () => {
    const prefix = uniqueName('esc')
    gw.seedKey({ apiKeyName: `${prefix}\x1b[2J`, apiKeyDescription: hostile })
    const result = await cli(['api-key', 'list', '--name', prefix, '--output', 'table'])
    expect(result.stdout).not.toMatch(rawControl)
    expect(result.stdout.trimEnd().split('\n')).toHaveLength(2)
    expect(result.stdout).toContain(`${prefix}\\x1b[2J`)
    expect(result.stdout).toContain('\\x1b]0;owned\\x07\\x1b[2J\\r\\n  status: 200')
  })

  test('control characters in an error are shown as escapes in the text error, and forge no line', async () => {
    gw.injectFault({ kind: 'status', status: 404, operationId: 'getApiKey', details: hostile })
    const result = await cli(['api-key', 'get', 'gone', '--output', 'table'])
    expect(result.code).toBe(exitCodes.api)
    expect(result.stderr).not.toMatch(rawControl)
    expect(result.stderr).toContain('\\x1b]0;owned\\x07\\x1b[2J')
    expect(result.stderr.match(/^ {2}status:/gm)).toEqual(['  status:'])
    expect(result.stderr).toMatch(/^ {2}status: +404$/m)
  })

  test.each([
    ['an array', (value: string) => [value]],
    ['an object', (value: string) => ({ value })],
  ])('key values sent as %s are refused by the client and never printed (exit 5)', async (_, shape) => {
    const key = gw.seedKey({ apiKeyName: 'odd-shape' })
    for (const output of ['json', 'table']) {
      gw.injectFault({
        kind: 'transform',
        operationId: 'getApiKey',
        transform: (response) => {
          response.body.primaryKey = shape(response.body.primaryKey)
          response.body.secondaryKey = shape(response.body.secondaryKey)
        },
      })
      const result = await cli(['api-key', 'get', key.apiKeyId, '--output', output])
      expect(result.code).toBe(exitCodes.api)
      expect(result.stdout).toBe('')
      expect(result.stderr).toContain('primaryKey must be a string')
      expect(result.stdout + result.stderr).not.toContain(key.primaryKey)
      expect(result.stdout + result.stderr).not.toContain(key.secondaryKey)
    }
  })

  test('key values a server adds to listed keys are masked like any other', async () => {
    const prefix = uniqueName('leak')
    const key = gw.seedKey({ apiKeyName: `${prefix}1` })
    gw.injectFault({
      kind: 'transform',
      operationId: 'listApiKeys',
      transform: (response) => {
        for (const item of response.body.apiKeys) Object.assign(item, { primaryKey: key.primaryKey, secondaryKey: key.secondaryKey })
      },
    })
    const out = JSON.parse((await cli(['api-key', 'list', '--name', prefix])).stdout) as { apiKeys: ApiKey[] }
    expect(out.apiKeys).toMatchObject([{ apiKeyId: key.apiKeyId, primaryKey: masked(key.primaryKey), secondaryKey: masked(key.secondaryKey) }])
  })

  test('a --base-url with a user and password is a usage error that never prints them, and nothing is sent', async () => {
    const before = gw.requests.length
    const withPassword = gw.url.replace('http://', 'http://operator:hunter2-pass@')
    for (const url of [withPassword, 'http://operator:hunter2-pass@exa mple/api/v1']) {
      for (const output of ['json', 'table']) {
        const result = await cli(['api-key', 'get', 'x', '--verbose', '--output', output], { baseUrl: url })
        expect(result.code).toBe(exitCodes.usage)
        expect(result.stderr).toContain("error: option '--base-url <url>'")
        expect(result.stdout + result.stderr).not.toContain('hunter2')
        expect(result.stdout + result.stderr).not.toContain('operator')
      }
    }
    expect(sentSince(before)).toEqual([])
  })
})

describe('--verbose', () => {
  test('prints each attempt, answer with its trace ID, retry with its wait, on stderr; stdout is unchanged', async () => {
    const key = gw.seedKey({ apiKeyName: 'talkative' })
    gw.injectFault({ kind: 'status', status: 503, operationId: 'getApiKey' })
    const before = gw.requests.length
    const result = await cli(['api-key', 'get', key.apiKeyId, '--verbose'])
    expect(result.code).toBe(exitCodes.ok)
    expect(JSON.parse(result.stdout)).toMatchObject({ apiKeyId: key.apiKeyId, primaryKey: masked(key.primaryKey) })
    const [first, second] = sentSince(before)
    const lines = result.stderr.trimEnd().split('\n').map((line) => JSON.parse(line) as { debug: Record<string, unknown> })
    expect(lines.map((line) => line.debug)).toEqual([
      { message: 'ncp request', operation: 'getApiKey', attempt: 1, method: 'GET', target: `/api-keys/${key.apiKeyId}` },
      { message: 'ncp response', operation: 'getApiKey', attempt: 1, status: 503, traceId: first!.traceId },
      { message: 'ncp retry', operation: 'getApiKey', attempt: 1, reason: 503, delayMs: expect.any(Number) },
      { message: 'ncp request', operation: 'getApiKey', attempt: 2, method: 'GET', target: `/api-keys/${key.apiKeyId}` },
      { message: 'ncp response', operation: 'getApiKey', attempt: 2, status: 200, traceId: second!.traceId },
    ])
  })

  test('as text, one line per event, and a clock correction says by how much', async () => {
    const key = gw.seedKey({ apiKeyName: 'skewed' })
    gw.setClockOffset(10 * 60_000)
    try {
      const before = gw.requests.length
      const result = await cli(['api-key', 'get', key.apiKeyId, '--verbose', '--output', 'table'])
      expect(result.code).toBe(exitCodes.ok)
      const [first, second] = sentSince(before)
      const lines = result.stderr.split('\n').filter((line) => line.startsWith('ncloud-apigw: '))
      expect(lines).toHaveLength(5)
      expect(lines[0]).toBe(`ncloud-apigw: getApiKey attempt 1: GET /api-keys/${key.apiKeyId}`)
      expect(lines[1]).toBe(`ncloud-apigw: getApiKey attempt 1: HTTP 401, trace ID ${first!.traceId}`)
      expect(lines[2]).toMatch(/^ncloud-apigw: getApiKey attempt 1: the API's clock is \d+ ms ahead of the local clock; signing again by the API's$/)
      expect(lines[4]).toBe(`ncloud-apigw: getApiKey attempt 2: HTTP 200, trace ID ${second!.traceId}`)
      expect(result.stderr).not.toContain(TEST_CREDENTIALS.secretKey)
    } finally {
      gw.setClockOffset(0)
    }
  })

  test('without --verbose, stderr stays empty', async () => {
    const key = gw.seedKey({ apiKeyName: 'quiet' })
    expect((await cli(['api-key', 'get', key.apiKeyId])).stderr).toBe('')
  })
})

test('the User-Agent names the client, Node and the CLI with their versions', async () => {
  const read = async (url: URL) => (JSON.parse(await readFile(url, 'utf8')) as { version: string }).version
  const cliVersion = await read(new URL('../package.json', import.meta.url))
  const clientVersion = await read(new URL(import.meta.resolve('@ncloud-apigw/client/package.json')))
  const key = gw.seedKey()
  await cli(['api-key', 'get', key.apiKeyId])
  expect(gw.requests.at(-1)!.headers['user-agent']).toBe(`ncloud-apigw-client/${clientVersion} node/${process.versions.node} ncloud-apigw-cli/${cliVersion}`)
})

describe('exit codes and messages', () => {
  test.each([
    ['an unknown flag', ['api-key', 'get', 'x', '--bogus'], "unknown option '--bogus'"],
    ['a missing id', ['api-key', 'get'], "missing required argument 'api-key-id'"],
    ['a missing id on update', ['api-key', 'update', '--name', 'ci-bot', '--enabled'], "missing required argument 'api-key-id'"],
    ['a missing --name', ['api-key', 'create'], "required option '--name <name>' not specified"],
    ['both --enabled and --disabled', ['api-key', 'update', 'x', '--name', 'ci-bot', '--enabled', '--disabled'], "option '--enabled' cannot be used with option '--disabled'"],
    ['neither --enabled nor --disabled', ['api-key', 'update', 'x', '--name', 'ci-bot'], 'pass one of --enabled or --disabled'],
    ['both --primary and --secondary', ['api-key', 'regenerate', 'x', '--primary', '--secondary', '--yes'], "option '--primary' cannot be used with option '--secondary'"],
    ['neither --primary nor --secondary', ['api-key', 'regenerate', 'x', '--yes'], 'pass one of --primary or --secondary'],
    ['an unknown command', ['api-key', 'remove', 'x'], "unknown command 'remove'"],
    ['an extra argument', ['api-key', 'get', 'x', 'y'], 'too many arguments'],
    ['an unknown --output', ['api-key', 'get', 'x', '--output', 'yaml'], "argument 'yaml' is invalid. Allowed choices are json, table"],
    ['an unknown --site', ['api-key', 'get', 'x', '--site', 'moon'], 'Allowed choices are public, gov, fin'],
    ['a --base-url that is not a URL', ['api-key', 'get', 'x', '--base-url', 'not a url'], "option '--base-url <url>' is not a URL"],
    ['a --timeout that is not decimal digits', ['api-key', 'get', 'x', '--timeout', 'soon'], "option '--timeout <ms>' argument 'soon' is invalid"],
    ['a --limit that is not decimal digits', ['api-key', 'list', '--limit', 'abc'], "option '--limit <n>' argument 'abc' is invalid"],
    ['a --limit in another notation', ['api-key', 'list', '--limit', '1e3'], "option '--limit <n>' argument '1e3' is invalid"],
    ['a negative --offset', ['api-key', 'list', '--offset', '-1'], "option '--offset <n>' argument '-1' is invalid"],
    ['--all with --limit', ['api-key', 'list', '--all', '--limit', '5'], "option '--limit <n>' cannot be used with option '--all'"],
    ['a missing id on delete', ['api-key', 'delete', '--yes'], "missing required argument 'api-key-id'"],
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

  test('a name one character over the spec\'s limit is a validation error (exit 3) naming --name and its limit, and nothing is sent', async () => {
    const schema = operations.createApiKey.body.properties.apiKeyName
    const length = schema.maxLength + 1
    const before = gw.requests.length
    const result = await cli(['api-key', 'create', '--name', 'x'.repeat(length), '--output', 'table'])
    expect(result.code).toBe(exitCodes.validation)
    expect(result.stderr).toContain(`ncloud-apigw: apiKeyName must be ${limitOf(schema)}, got ${length} characters (createApiKey); nothing was sent.\n`)
    expect(result.stderr).toMatch(new RegExp(`^ {2}got: +${length} characters$`, 'm'))
    expect(result.stderr).toMatch(/^ {2}option: +--name$/m)
    expect(result.stdout).toBe('')
    expect(sentSince(before)).toEqual([])
  })

  test('a description over the spec\'s limit on update is a validation error (exit 3), as JSON when --output is json', async () => {
    const schema = operations.updateApiKey.body.properties.apiKeyDescription
    const length = schema.maxLength + 1
    const key = gw.seedKey()
    const result = await cli(['api-key', 'update', key.apiKeyId, '--name', 'ci-bot', '--enabled', '--description', 'd'.repeat(length)])
    expect(result.code).toBe(exitCodes.validation)
    expect(JSON.parse(result.stderr)).toEqual({
      error: expect.objectContaining({
        name: 'NcpValidationError',
        operation: 'updateApiKey',
        field: 'apiKeyDescription',
        limit: limitOf(schema),
        got: `${length} characters`,
        length,
        option: '--description',
      }),
    })
  })

  test('a --timeout of 0 is refused by the client (exit 3), naming --timeout', async () => {
    const result = await cli(['api-key', 'get', 'x', '--timeout', '0', '--output', 'table'])
    expect(result.code).toBe(exitCodes.validation)
    expect(result.stderr).toContain('timeoutMs must be an integer from 1 to')
    expect(result.stderr).toMatch(/^ {2}option: +--timeout$/m)
  })

  test('a --limit below the spec\'s minimum is a validation error (exit 3) naming --limit, and nothing is sent', async () => {
    const schema = operations.listApiKeys.query.limit
    const before = gw.requests.length
    const result = await cli(['api-key', 'list', '--limit', String(schema.minimum - 1), '--output', 'table'])
    expect(result.code).toBe(exitCodes.validation)
    expect(result.stderr).toContain(`limit must be ${limitOf(schema)}, got ${schema.minimum - 1} (listApiKeys); nothing was sent.`)
    expect(result.stderr).toMatch(/^ {2}option: +--limit$/m)
    expect(sentSince(before)).toEqual([])
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

  test('missing credentials are an auth error (exit 4) that says where it looked and what to do in the CLI\'s terms, and nothing is sent', async () => {
    const before = gw.requests.length
    const result = await cli(['api-key', 'get', 'x', '--output', 'table'], { env: { HOME: home } })
    expect(result.code).toBe(exitCodes.auth)
    const [headline] = result.stderr.split('\n')
    expect(headline).toMatch(/^ncloud-apigw: No NCP credentials found\. Set NCLOUD_ACCESS_KEY_ID and NCLOUD_SECRET_ACCESS_KEY, write ~\/\.ncloud\/configure, or name one of its sections with --profile\. Looked in: /)
    expect(headline).toContain(join(home, '.ncloud', 'configure'))
    // The CLI has no credentials option, so the library's advice to pass one must not show.
    expect(result.stderr).not.toContain('credentials option')
    expect(result.stderr).not.toMatch(/\S {2,}\S/)
    expect(sentSince(before)).toEqual([])
  })

  test('an unknown NCLOUD_SITE is reported as NCLOUD_SITE, not as --site (exit 3), and nothing is sent', async () => {
    const text = await cli(['api-key', 'get', 'x', '--output', 'table'], { env: { ...credentialsEnv(), NCLOUD_SITE: 'bogus' }, baseUrl: null })
    expect(text.code).toBe(exitCodes.validation)
    expect(text.stderr).toContain('ncloud-apigw: NCLOUD_SITE must be one of public, gov, fin')
    expect(text.stderr).not.toMatch(/option: +--site/)
    expect(text.stderr).toMatch(/^ {2}hint: +set NCLOUD_SITE to one of public, gov, fin, or unset it; --site overrides it$/m)
    const json = await cli(['api-key', 'get', 'x'], { env: { ...credentialsEnv(), NCLOUD_SITE: 'bogus' }, baseUrl: null })
    expect(JSON.parse(json.stderr).error).toMatchObject({ name: 'NcpValidationError', field: 'NCLOUD_SITE' })
    expect(JSON.parse(json.stderr).error.option).toBeUndefined()
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

    const json = await cli(['api-key', 'update', 'no-such-key', '--name', 'ci-bot', '--disabled'])
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
    // Whether the attempt times out at the fake or before it gets there (a loaded machine), the
    // answer is the same, and no hang is left queued for a later test's create.
    const hang = gw.injectFault({ kind: 'hang', operationId: 'createApiKey', times: Infinity })
    try {
      const result = await cli(['api-key', 'create', '--name', 'slow', '--timeout', '300', '--output', 'table'])
      expect(result.code).toBe(exitCodes.network)
      expect(result.stderr).toContain('timed out after 300 ms')
      expect(result.stderr).toMatch(/hint: +pass a larger --timeout/)
    } finally {
      hang.remove()
    }
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
    [['api-key', 'list'], 'Usage: ncloud-apigw api-key list [options]'],
    [['api-key', 'delete'], 'Usage: ncloud-apigw api-key delete [options] <api-key-id>'],
  ])('%j --help prints usage, examples and the global options on stdout', async (command, usage) => {
    const result = await cli([...command, '--help'], { baseUrl: null })
    expect(result.code).toBe(exitCodes.ok)
    expect(result.stderr).toBe('')
    expect(result.stdout).toContain(usage)
    expect(result.stdout).toMatch(/Examples:\n {2}\$ ncloud-apigw api-key /)
    for (const option of ['--site <site>', '--base-url <url>', '--profile <name>', '--output <format>', '--show-secrets', '--timeout <ms>', '--verbose']) {
      expect(result.stdout).toContain(option)
    }
  })

  test('api-key --help lists one command per operation of the spec, with its method and path', async () => {
    const result = await cli(['api-key', '--help'], { baseUrl: null })
    const listed = [...result.stdout.matchAll(/^ {2}(\w+) \[?/gm)].map(([, name]) => name)
    expect(listed).toEqual(operationIds.map((id) => commands[id].name))
    // Help wraps lines; the method and the path of each operation are in its description.
    const flat = result.stdout.replace(/\s+/g, ' ')
    for (const id of operationIds) expect(flat).toContain(`(${operations[id].method} ${operations[id].path})`)
  })

  test('help texts state the spec\'s limits, read from the operation table', async () => {
    const help = async (command: string) => (await cli(['api-key', command, '--help'], { baseUrl: null })).stdout.replace(/\s+/g, ' ')
    const { listApiKeys, createApiKey, updateApiKey } = operations
    const create = await help('create')
    expect(create).toContain(`name of the API key, ${lengthLimit(createApiKey.body.properties.apiKeyName)}`)
    expect(create).toContain(`description, ${lengthLimit(createApiKey.body.properties.apiKeyDescription)}`)
    const update = await help('update')
    expect(update).toContain(`name of the API key, ${lengthLimit(updateApiKey.body.properties.apiKeyName)}`)
    expect(update).toContain(`description, ${lengthLimit(updateApiKey.body.properties.apiKeyDescription)}`)
    const list = await help('list')
    expect(list).toContain(lengthLimit(listApiKeys.query.apiKeyName))
    expect(list).toContain(limitOf(listApiKeys.query.limit))
    expect(list).toContain(limitOf(listApiKeys.query.offset))
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

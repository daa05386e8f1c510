import { spawn, type StdioOptions } from 'node:child_process'
import { closeSync, existsSync, openSync } from 'node:fs'
import { once } from 'node:events'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { ApiKey } from '@ncloud-apigw/client'
import { type FakeApiGateway, startFakeApiGateway, TEST_CREDENTIALS } from '@ncloud-apigw/testing'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { bin, type CliResult, runCli, runInTerminal } from '../test/run-cli.js'
import { maskNotice } from '../test/fake-cli.js'
import { exitCodes } from './exit-codes.js'

// The built binary, as a shell runs it, for what only a process shows: the environment of a real
// process, the exit code the shell sees, a reader that closes the pipe, a terminal. Every other
// command test runs in-process (cli.test.ts).

let gw: FakeApiGateway
let home: string
/** Ends the wait of the request a delay fault holds (see the EPIPE test). */
let releaseDelay = () => {}

beforeAll(async () => {
  gw = await startFakeApiGateway({ sleep: () => new Promise<void>((resolve) => (releaseDelay = resolve)) })
  // An empty HOME: no real ~/.ncloud/configure can be read.
  home = await mkdtemp(join(tmpdir(), 'ncloud-apigw-cli-bin-'))
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

const masked = (value: string) => `${value.slice(0, 4)}****`

/** The secret key is never printed, and key values only with --show-secrets (none here). */
function expectNoSecrets(result: CliResult): void {
  const output = result.stdout + result.stderr
  expect(output).not.toContain(TEST_CREDENTIALS.secretKey)
  for (const key of gw.keys.values()) {
    expect(output).not.toContain(key.primaryKey)
    expect(output).not.toContain(key.secondaryKey)
  }
}

describe('the built binary', () => {
  test('with credentials only in the environment, create makes the key, prints it as JSON with values masked, and exits 0', async () => {
    const result = await runCli(['api-key', 'create', '--name', 'from-env', '--base-url', gw.url], credentialsEnv())
    expect(result).toMatchObject({ code: exitCodes.ok, stderr: maskNotice() })
    const out = JSON.parse(result.stdout) as ApiKey
    const stored = gw.keys.get(out.apiKeyId)!
    expect(out).toEqual({ ...stored, primaryKey: masked(stored.primaryKey), secondaryKey: masked(stored.secondaryKey) })
    expect(gw.requests.at(-1)).toMatchObject({ operationId: 'createApiKey', signatureValid: true })
    expectNoSecrets(result)
  })

  test.each([
    ['a usage error', ['api-key', 'get', 'x', '--bogus'], credentialsEnv, exitCodes.usage, "unknown option '--bogus'"],
    ['no credentials (empty HOME, none in the environment)', ['api-key', 'get', 'x'], () => ({ HOME: home }), exitCodes.auth, 'No NCP credentials found'],
    ['an API error (404)', ['api-key', 'get', 'no-such-key'], credentialsEnv, exitCodes.api, '"status":404'],
  ])('%s is the exit code the shell sees, with the message on stderr', async (_, args, env, code, message) => {
    const result = await runCli([...args, '--base-url', gw.url], env())
    expect(result.code).toBe(code)
    expect(result.stderr).toContain(message)
    expect(result.stdout).toBe('')
    expectNoSecrets(result)
  })

  test('a reader that closes the pipe before the output comes (`| head`) is no error: exit 0, nothing on stderr', async () => {
    gw.injectFault({ kind: 'delay', ms: 1_000, operationId: 'listApiKeys' })
    const child = spawn(process.execPath, [bin, 'api-key', 'list', '--base-url', gw.url], {
      env: { PATH: process.env.PATH ?? '', ...credentialsEnv() },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stderr = ''
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
    const exited = once(child, 'close')
    // The answer is held at the fake while the reader goes away; only then may the CLI write.
    await gw.waitForRequests(1, (r) => r.operationId === 'listApiKeys' && r.fault === 'delay')
    child.stdout.destroy()
    releaseDelay()
    const [code] = await exited
    expect({ code, stderr }).toEqual({ code: exitCodes.ok, stderr: '' })
  })
})

/** Runs the binary with stdout or stderr writing to /dev/full, where every write fails with ENOSPC. */
async function runFull(args: readonly string[], full: 'stdout' | 'stderr'): Promise<CliResult> {
  const device = openSync('/dev/full', 'w')
  try {
    const stdio: StdioOptions = full === 'stdout' ? ['ignore', device, 'pipe'] : ['ignore', 'pipe', device]
    const child = spawn(process.execPath, [bin, ...args, '--base-url', gw.url], { env: { PATH: process.env.PATH ?? '', ...credentialsEnv() }, stdio })
    let text = ''
    ;(full === 'stdout' ? child.stderr : child.stdout)!.setEncoding('utf8').on('data', (chunk: string) => (text += chunk))
    const [code] = (await once(child, 'close')) as [number]
    return full === 'stdout' ? { code, stdout: '', stderr: text } : { code, stdout: text, stderr: '' }
  } finally {
    closeSync(device)
  }
}

describe.runIf(existsSync('/dev/full'))('a full disk (/dev/full)', () => {
  test('create > /dev/full: exit 8, no stack, and stderr names the key that was created', async () => {
    const result = await runFull(['api-key', 'create', '--name', 'full-disk', '--output', 'table'], 'stdout')
    const created = [...gw.keys.values()].find((key) => key.apiKeyName === 'full-disk')!
    expect(result.code).toBe(exitCodes.output)
    expect(result.stderr).toContain(`ncloud-apigw: createApiKey succeeded, but its output could not be written to stdout (ENOSPC: no space left on device, write). It returned the API key "${created.apiKeyId}"`)
    expect(result.stderr).not.toMatch(/\n {4}at /)
    expectNoSecrets(result)
  })

  test('get nope 2> /dev/full: exit 5 as ever, the error on stdout', async () => {
    const result = await runFull(['api-key', 'get', 'nope', '--output', 'table'], 'stderr')
    expect(result.code).toBe(exitCodes.api)
    expect(result.stdout).toMatch(/^ncloud-apigw: getApiKey failed: HTTP 404 /)
  })
})

describe('on a terminal (util-linux script)', () => {
  const question = (id: string) => `Regenerate the PRIMARY key of API key "${id}"? Callers still sending the current value will be refused. [y/N] `

  test('regenerate asks, and answered y, regenerates and prints a table (the default on a terminal)', async () => {
    const key = gw.seedKey({ apiKeyName: 'on-screen' })
    const result = await runInTerminal(['api-key', 'regenerate', key.apiKeyId, '--primary', '--base-url', gw.url], credentialsEnv(), 'y\n')
    expect(result.code).toBe(exitCodes.ok)
    const stored = gw.keys.get(key.apiKeyId)!
    expect(stored.primaryKey).not.toBe(key.primaryKey)
    expect(result.stdout).toContain(question(key.apiKeyId))
    expect(/^primaryKey +(\S+)$/m.exec(result.stdout)?.[1]).toBe(masked(stored.primaryKey))
    expectNoSecrets(result)
  })

  test('delete asks, and answered n, cancels with exit code 7 and sends nothing', async () => {
    const key = gw.seedKey({ apiKeyName: 'kept-here' })
    const before = gw.requests.length
    const result = await runInTerminal(['api-key', 'delete', key.apiKeyId, '--base-url', gw.url], credentialsEnv(), 'n\n')
    expect(result.code).toBe(exitCodes.cancelled)
    expect(result.stdout).toContain(`Delete the API key "${key.apiKeyId}"? Callers still sending its values will be refused, and it cannot be undone. [y/N] `)
    // The terminal echoes the typed answer whenever it arrives, before or after the question.
    expect(result.stdout).toMatch(/\[y\/N\] (n\n)?ncloud-apigw: Cancelled; nothing was sent\.\n$/)
    expect(gw.requests.slice(before)).toEqual([])
    expect(gw.keys.get(key.apiKeyId)).toEqual(key)
  })
})

import { PassThrough, Writable } from 'node:stream'
import { TEST_CREDENTIALS } from '@ncloud-apigw/testing'
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest'
import { useFakeCli } from '../test/fake-cli.js'
import { exitCodes } from './exit-codes.js'
import { run } from './run.js'
import { channel } from './streams.js'

/** A stream every write to which fails with `code`, as a full disk (ENOSPC) or a closed pipe (EPIPE) fails. */
const failing = (code: string) =>
  new Writable({
    write(_chunk, _encoding, callback) {
      callback(Object.assign(new Error(`${code}: write failed`), { code }))
    },
  })

/** A stream that keeps what is written to it. */
function kept() {
  const stream = new PassThrough()
  let text = ''
  stream.setEncoding('utf8').on('data', (chunk: string) => (text += chunk))
  return { stream, text: () => text }
}

describe('channel', () => {
  test('a failed write is kept as the failure, with the text it lost; it never throws', async () => {
    const out = channel(failing('ENOSPC'))
    out.write('first\n')
    out.write('second\n')
    await out.flush()
    expect(out.failure?.code).toBe('ENOSPC')
    out.write('third\n')
    expect(out.lost).toBe('first\nsecond\nthird\n')
  })

  test('a reader that went away (EPIPE) is no failure, and nothing more is written or kept', async () => {
    const out = channel(failing('EPIPE'))
    out.write('lost to no one\n')
    await out.flush()
    out.write('more\n')
    expect({ failure: out.failure, lost: out.lost }).toEqual({ failure: undefined, lost: '' })
  })
})

// The CLI against the fake, with stdout or stderr failing as `> /dev/full` makes them fail.
const harness = useFakeCli()
beforeAll(() => {
  vi.stubEnv('HOME', '/nonexistent')
  vi.stubEnv('NCLOUD_ACCESS_KEY_ID', TEST_CREDENTIALS.accessKey)
  vi.stubEnv('NCLOUD_SECRET_ACCESS_KEY', TEST_CREDENTIALS.secretKey)
})
afterAll(() => vi.unstubAllEnvs())

const stdin = () => {
  const input = new PassThrough()
  input.end()
  return input
}

describe('a stream that cannot be written', () => {
  test.each(['json', 'table'])('stdout full after create (--output %s): exit 8, and stderr names the key that was created', async (output) => {
    const stderr = kept()
    const code = await run(['api-key', 'create', '--name', 'lost-output', '--base-url', harness.gw.url, '--output', output], { stdin: stdin(), stdout: failing('ENOSPC'), stderr: stderr.stream })
    expect(code).toBe(exitCodes.output)
    const created = [...harness.gw.keys.values()].filter((key) => key.apiKeyName === 'lost-output').at(-1)!
    const said = `createApiKey succeeded, but its output could not be written to stdout (ENOSPC: write failed). It returned the API key "${created.apiKeyId}"`
    const last = stderr.text().trimEnd().split('\n').at(-1)!
    if (output === 'table') expect(last).toMatch(new RegExp(`^ncloud-apigw: ${said.replace(/[().]/g, '\\$&')}`))
    else expect(JSON.parse(last).error).toMatchObject({ name: 'OutputError', code: 'ENOSPC', apiKeyId: created.apiKeyId, message: expect.stringContaining(said) })
    expect(stderr.text()).not.toContain(created.primaryKey)
  })

  test('stderr full on an API error: exit 5 still, and the error goes to stdout', async () => {
    const stdout = kept()
    const code = await run(['api-key', 'get', 'nope', '--base-url', harness.gw.url, '--output', 'table'], { stdin: stdin(), stdout: stdout.stream, stderr: failing('ENOSPC') })
    expect(code).toBe(exitCodes.api)
    expect(stdout.text()).toMatch(/^ncloud-apigw: getApiKey failed: HTTP 404 /)
  })

  test('a usage error with stderr full keeps exit 2, its message on stdout', async () => {
    const stdout = kept()
    expect(await run(['api-key', 'get', 'x', '--bogus'], { stdin: stdin(), stdout: stdout.stream, stderr: failing('ENOSPC') })).toBe(exitCodes.usage)
    expect(stdout.text()).toContain("ncloud-apigw: unknown option '--bogus'")
  })

  test('both full: the exit code is the command\'s own, and nothing throws', async () => {
    expect(await run(['api-key', 'get', 'nope', '--base-url', harness.gw.url], { stdin: stdin(), stdout: failing('ENOSPC'), stderr: failing('ENOSPC') })).toBe(exitCodes.api)
    expect(await run(['api-key', 'list', '--base-url', harness.gw.url], { stdin: stdin(), stdout: failing('ENOSPC'), stderr: failing('ENOSPC') })).toBe(exitCodes.output)
  })

  test('a success whose stdout reader went away (EPIPE) is still a success, with nothing on stderr', async () => {
    const stderr = kept()
    expect(await run(['api-key', 'list', '--base-url', harness.gw.url], { stdin: stdin(), stdout: failing('EPIPE'), stderr: stderr.stream })).toBe(exitCodes.ok)
    expect(stderr.text()).toBe('')
  })
})

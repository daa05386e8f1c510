import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { TEST_CREDENTIALS } from '@ncloud-apigw/testing'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { runInProcess } from '../test/run-cli.js'
import { exitCodes } from './exit-codes.js'
import { configureFileWarning, plainHttpWarning } from './warnings.js'

describe('plain http', () => {
  test.each(['http://apigw.example.com/api/v1', 'http://10.0.0.5:8080/api/v1', 'http://[2001:db8::1]/api/v1'])('%s is warned of', (url) => {
    expect(plainHttpWarning(url)).toMatch(/^--base-url sends signed requests over plain http: to .*; use https:$/)
  })

  test.each([undefined, 'https://apigw.example.com/api/v1', 'http://127.0.0.1:8080/api/v1', 'http://127.3.2.1/api/v1', 'http://localhost:8080/api/v1', 'http://api.localhost/api/v1', 'http://[::1]:8080/api/v1'])(
    '%s is not',
    (url) => {
      expect(plainHttpWarning(url)).toBeUndefined()
    },
  )

  test('the warning goes to stderr and does not stop the command: here the client refuses --limit 0 before sending', async () => {
    const env = { HOME: '/nonexistent', NCLOUD_ACCESS_KEY_ID: TEST_CREDENTIALS.accessKey, NCLOUD_SECRET_ACCESS_KEY: TEST_CREDENTIALS.secretKey }
    const text = await runInProcess(['api-key', 'list', '--limit', '0', '--base-url', 'http://apigw.example.com/api/v1', '--output', 'table'], env)
    expect(text.code).toBe(exitCodes.validation)
    expect(text.stderr.split('\n')[0]).toBe(`ncloud-apigw: warning: ${plainHttpWarning('http://apigw.example.com/api/v1')}`)
    const json = await runInProcess(['api-key', 'list', '--limit', '0', '--base-url', 'http://apigw.example.com/api/v1'], env)
    const [warning, error] = json.stderr.trimEnd().split('\n').map((line) => JSON.parse(line))
    expect(warning).toEqual({ warning: { message: plainHttpWarning('http://apigw.example.com/api/v1') } })
    expect(error.error).toMatchObject({ field: 'limit' })
  })
})

describe.runIf(process.platform !== 'win32')('~/.ncloud/configure readable by others', () => {
  let home: string
  const file = () => join(home, '.ncloud', 'configure')
  beforeAll(async () => {
    home = await mkdtemp(join(tmpdir(), 'ncloud-apigw-cli-mode-'))
    await mkdir(join(home, '.ncloud'))
    const { accessKey, secretKey } = TEST_CREDENTIALS
    await writeFile(file(), `[DEFAULT]\nncloud_access_key_id = ${accessKey}\nncloud_secret_access_key = ${secretKey}\n`)
  })
  afterAll(() => rm(home, { recursive: true, force: true }))

  test.each([
    [0o644, 'anyone on this machine'],
    [0o604, 'anyone on this machine'],
    [0o640, 'its group'],
  ])('mode %o is warned of: readable by %s', async (mode, who) => {
    await chmod(file(), mode)
    expect(configureFileWarning(home)).toBe(`${file()} holds secret keys and is readable by ${who} (mode ${mode.toString(8)}); make it yours alone: chmod 600 ${file()}`)
  })

  test.each([0o600, 0o400])('mode %o is not', async (mode) => {
    await chmod(file(), mode)
    expect(configureFileWarning(home)).toBeUndefined()
  })

  test('no file, no warning', () => {
    expect(configureFileWarning(join(home, 'elsewhere'))).toBeUndefined()
  })

  test('the warning goes to stderr before the command runs, which still runs', async () => {
    await chmod(file(), 0o644)
    const result = await runInProcess(['api-key', 'list', '--limit', '0', '--output', 'table'], { HOME: home })
    expect(result.code).toBe(exitCodes.validation)
    expect(result.stderr.split('\n')[0]).toBe(`ncloud-apigw: warning: ${configureFileWarning(home)}`)
    await chmod(file(), 0o600)
    expect((await runInProcess(['api-key', 'list', '--limit', '0', '--output', 'table'], { HOME: home })).stderr).not.toContain('warning')
  })
})

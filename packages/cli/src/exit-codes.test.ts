import { readFile } from 'node:fs/promises'
import { NcpApiError, NcpCredentialsError, NcpNetworkError, NcpTimeoutError, NcpValidationError } from '@ncloud-apigw/client'
import { CommanderError } from 'commander'
import { describe, expect, test } from 'vitest'
import { CancelledError } from './cancelled.js'
import { exitCodeFor, exitCodes } from './exit-codes.js'
import { packageInfo } from './version.js'

const apiError = (status: number) => new NcpApiError({ operation: 'getApiKey', status, errorCode: '300', errorMessage: 'x', retryable: false })
const networkError = new NcpNetworkError('no answer', { operation: 'getApiKey', attempts: 3 })

describe('exit codes', () => {
  test.each([
    ['--help and --version', new CommanderError(0, 'commander.helpDisplayed', '(outputHelp)'), exitCodes.ok],
    ["Commander's usage errors", new CommanderError(1, 'commander.unknownOption', "error: unknown option '--x'"), exitCodes.usage],
    ['a validation error', new NcpValidationError({ field: 'apiKeyName', limit: 'a string of 1 to 20 characters', got: '21 characters', length: 21 }, 'createApiKey'), exitCodes.validation],
    ['missing credentials', new NcpCredentialsError('No NCP credentials found.', []), exitCodes.auth],
    ['a 401', apiError(401), exitCodes.auth],
    ['a 403', apiError(403), exitCodes.auth],
    ['a 404', apiError(404), exitCodes.api],
    ['a 400', apiError(400), exitCodes.api],
    ['a 429', apiError(429), exitCodes.api],
    ['a 503', apiError(503), exitCodes.api],
    ['a network error', networkError, exitCodes.network],
    ['a timeout', new NcpTimeoutError('timed out', { operation: 'getApiKey', attempts: 1, timeoutMs: 10 }), exitCodes.network],
    ['a cancelled confirmation', new CancelledError(), exitCodes.cancelled],
    ['anything else', new TypeError('bug'), exitCodes.unexpected],
    ['a thrown non-error', 'bug', exitCodes.unexpected],
  ])('%s → its code', (_, error, code) => {
    expect(exitCodeFor(error)).toBe(code)
  })

  test('every kind has its own code', () => {
    const codes = Object.values(exitCodes)
    expect(new Set(codes).size).toBe(codes.length)
  })

  test("the README's table lists exactly these codes and names", async () => {
    const readme = await readFile(new URL('../README.md', import.meta.url), 'utf8')
    const section = readme.slice(readme.indexOf('## Exit codes'))
    const rows = [...section.matchAll(/^\| (\d+) \| (\w+) \|/gm)].map(([, code, name]) => [name, Number(code)])
    expect(Object.fromEntries(rows)).toEqual(exitCodes)
    expect(rows).toHaveLength(Object.keys(exitCodes).length)
  })
})

test('a bug is reported where package.json says, and the README says the same', async () => {
  const { bugs } = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8')) as { bugs: { url: string } }
  expect(packageInfo().bugs).toBe(bugs.url)
  const readme = await readFile(new URL('../README.md', import.meta.url), 'utf8')
  expect(readme).toMatch(new RegExp(`^\\| 1 \\| unexpected \\|.*${bugs.url.replace(/[.]/g, '\\.')}`, 'm'))
})

import { NcpApiError, NcpNetworkError, NcpTimeoutError, NcpValidationError } from '@ncloud-apigw/client'
import { describe, expect, test } from 'vitest'
import { CancelledError } from './cancelled.js'
import { type ErrorContext, formatError as format } from './format-error.js'

const bugs = 'https://github.com/ncloud-apigw/ncloud-apigw/issues'
const flags: Record<string, string> = { apiKeyName: '--name' }
const context: ErrorContext = {
  bugs,
  flagFor: (field) => (field === 'timeoutMs' ? { flag: '--timeout', global: true } : flags[field] ? { flag: flags[field]!, global: false } : undefined),
}
const formatError = (error: unknown, output: 'json' | 'table') => format(error, output, context)

describe('formatError', () => {
  test('an API error from a body that was not NCP\'s shows the start of that body', () => {
    const error = new NcpApiError({ operation: 'getApiKey', status: 502, retryable: true, excerpt: '<html>Bad Gateway</html>' })
    const text = formatError(error, 'table')
    expect(text).toMatch(/^ {2}status: +502$/m)
    expect(text).toMatch(/^ {2}body: +<html>Bad Gateway<\/html>$/m)
    expect(text).not.toMatch(/errorCode:/)
  })

  test('a network error is its message alone, and in JSON its cause is reduced to name, message and code', () => {
    const error = new NcpNetworkError('getApiKey got no answer (ECONNRESET); check the network and the base URL.', { operation: 'getApiKey', attempts: 3 }, new Error('ECONNRESET'))
    expect(formatError(error, 'table')).toBe('ncloud-apigw: getApiKey got no answer (ECONNRESET); check the network and the base URL.\n')
    expect(JSON.parse(formatError(error, 'json'))).toEqual({
      error: { name: 'NcpNetworkError', operation: 'getApiKey', attempts: 3, message: error.message, cause: { name: 'Error', message: 'ECONNRESET' } },
    })
    const refused = new NcpNetworkError('getApiKey got no answer', { operation: 'getApiKey', attempts: 3 }, Object.assign(new TypeError('fetch failed'), { code: 'ECONNREFUSED' }))
    expect(JSON.parse(formatError(refused, 'json')).error.cause).toEqual({ name: 'TypeError', message: 'fetch failed', code: 'ECONNREFUSED' })
  })

  test('a timeout names --timeout, not the client\'s option', () => {
    const error = new NcpTimeoutError('getApiKey attempt 3 timed out after 300 ms; raise timeoutMs if the network is slow.', { operation: 'getApiKey', attempts: 3, timeoutMs: 300 })
    expect(formatError(error, 'table')).toBe('ncloud-apigw: getApiKey timed out after 300 ms (each of 3 attempts); pass a larger --timeout (milliseconds) if the network is slow.\n')
    expect(JSON.parse(formatError(error, 'json')).error.message).not.toContain('timeoutMs')
    const refused = new NcpValidationError({ field: 'timeoutMs', limit: 'an integer from 1 to 2147483647', got: '0' })
    expect(formatError(refused, 'table').split('\n')[0]).toBe('ncloud-apigw: --timeout must be an integer from 1 to 2147483647, got 0; nothing was sent.')
  })

  test('a 429 or 5xx says how many attempts were made, and how long the server asked to wait when it said', () => {
    const throttled = new NcpApiError({ operation: 'listApiKeys', status: 429, errorCode: '410', errorMessage: 'Throttle Limited', retryable: true, attempts: 3 })
    expect(formatError(throttled, 'table').split('\n')[0]).toMatch(/ Gave up after 3 attempts\.$/)
    expect(formatError(throttled, 'table')).toMatch(/^ {2}attempts: +3$/m)
    const waited = new NcpApiError({ operation: 'listApiKeys', status: 429, errorCode: '410', retryable: true, attempts: 1, retryAfterMs: 120_000 })
    expect(formatError(waited, 'table').split('\n')[0]).toMatch(/ Gave up after 1 attempt\. The server asked to wait 120 s before trying again\.$/)
    expect(JSON.parse(formatError(waited, 'json')).error).toMatchObject({ attempts: 1, retryAfterMs: 120_000 })
    expect(formatError(new NcpApiError({ operation: 'getApiKey', status: 404, errorCode: '300', retryable: false, attempts: 1 }), 'table').split('\n')[0]).not.toMatch(/attempt/)
  })

  test('a cancellation is its message, no bug', () => {
    expect(formatError(new CancelledError(), 'table')).toBe('ncloud-apigw: Cancelled; nothing was sent.\n')
    expect(JSON.parse(formatError(new CancelledError(), 'json'))).toEqual({ error: { name: 'CancelledError', message: 'Cancelled; nothing was sent.' } })
  })

  test('an error the CLI does not expect asks to be reported where, with its stack', () => {
    const text = formatError(new TypeError('x is undefined'), 'table')
    expect(text).toMatch(new RegExp(`^ncloud-apigw: unexpected error, please report it at ${bugs} with this message: TypeError: x is undefined\\n {4}at `))
    expect(JSON.parse(formatError('thrown text', 'json'))).toEqual({ error: { name: 'Error', message: 'thrown text', hint: `a bug: please report it at ${bugs}` } })
  })

  test('server text in a text error cannot drive the terminal or forge a line', () => {
    const error = new NcpApiError({
      operation: 'getApiKey',
      status: 404,
      errorCode: '300',
      errorMessage: 'Not Found\x1b]0;owned\x07',
      details: 'gone\r\n  status: 200\x1b[2J',
      traceId: 'trace\u202e',
      retryable: false,
    })
    const text = formatError(error, 'table')
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202e]/)
    expect(text.match(/^ {2}status:.*$/gm)).toEqual(['  status:    404'])
    expect(text).toMatch(/^ {2}details: +gone\\r\\n {2}status: 200\\x1b\[2J$/m)
    expect(text).toMatch(/^ {2}traceId: +trace\\u202e$/m)
    const json = formatError(error, 'json')
    expect(json).not.toMatch(/[\u001b\u202e\r]/)
    expect(JSON.parse(json).error.details).toBe(error.details)
  })

  test('a validation error lists field, limit, got and length, and the flag that set the field', () => {
    const error = new NcpValidationError({ field: 'apiKeyName', limit: 'a string of 1 to 20 characters', got: '21 characters', length: 21 }, 'createApiKey')
    expect(formatError(error, 'table')).toBe(
      [
        'ncloud-apigw: apiKeyName must be a string of 1 to 20 characters, got 21 characters (createApiKey); nothing was sent.',
        '  field:  apiKeyName',
        '  limit:  a string of 1 to 20 characters',
        '  got:    21 characters',
        '  length: 21',
        '  option: --name',
        '',
      ].join('\n'),
    )
  })

  test('a field set by NCLOUD_SITE names no flag', () => {
    const error = new NcpValidationError({ field: 'NCLOUD_SITE', limit: 'one of public, gov, fin' })
    const body = JSON.parse(formatError(error, 'json')).error
    expect(body).toMatchObject({ field: 'NCLOUD_SITE', hint: expect.stringContaining('--site overrides it') })
    expect(body.option).toBeUndefined()
  })
})

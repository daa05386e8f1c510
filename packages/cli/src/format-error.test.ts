import { NcpApiError, NcpNetworkError } from '@ncloud-apigw/client'
import { describe, expect, test } from 'vitest'
import { CancelledError } from './cancelled.js'
import { formatError } from './format-error.js'

describe('formatError', () => {
  test('an API error from a body that was not NCP\'s shows the start of that body', () => {
    const error = new NcpApiError({ operation: 'getApiKey', status: 502, retryable: true, excerpt: '<html>Bad Gateway</html>' })
    const text = formatError(error, 'table')
    expect(text).toMatch(/^ {2}status: +502$/m)
    expect(text).toMatch(/^ {2}body: +<html>Bad Gateway<\/html>$/m)
    expect(text).not.toMatch(/errorCode:/)
  })

  test('a network error is its message alone, and in JSON its cause is reduced to name and message', () => {
    const error = new NcpNetworkError('getApiKey got no answer (ECONNRESET); check the network and the base URL.', { operation: 'getApiKey', attempts: 3 }, new Error('ECONNRESET'))
    expect(formatError(error, 'table')).toBe('ncloud-apigw: getApiKey got no answer (ECONNRESET); check the network and the base URL.\n')
    expect(JSON.parse(formatError(error, 'json'))).toEqual({
      error: { name: 'NcpNetworkError', operation: 'getApiKey', attempts: 3, message: error.message, cause: { name: 'Error', message: 'ECONNRESET' } },
    })
  })

  test('a cancellation is its message', () => {
    expect(formatError(new CancelledError(), 'table')).toBe('ncloud-apigw: Cancelled; nothing was sent.\n')
  })

  test('an error the CLI does not expect asks to be reported, with its stack', () => {
    const text = formatError(new TypeError('x is undefined'), 'table')
    expect(text).toMatch(/^ncloud-apigw: unexpected error, please report it: TypeError: x is undefined\n {4}at /)
    expect(JSON.parse(formatError('thrown text', 'json'))).toEqual({ error: { name: 'Error', message: 'thrown text' } })
  })
})

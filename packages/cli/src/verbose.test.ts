import { describe, expect, test } from 'vitest'
import { verboseLogger } from './verbose.js'

function lines(format: 'json' | 'table', secrets: string[] = []) {
  const written: string[] = []
  return { logger: verboseLogger((line) => written.push(line), format, secrets), written }
}

describe('verboseLogger', () => {
  test('writes each of the client\'s lines as a sentence', () => {
    const { logger, written } = lines('table')
    logger.debug('ncp request', { operation: 'getApiKey', attempt: 1, method: 'GET', target: '/api-keys/k' })
    logger.debug('ncp response', { operation: 'getApiKey', attempt: 1, status: 503, traceId: 't-1' })
    logger.debug('ncp retry', { operation: 'getApiKey', attempt: 1, reason: 503, delayMs: 250 })
    logger.debug('ncp clock corrected', { operation: 'getApiKey', attempt: 2, offsetMs: -600000 })
    logger.debug('ncp something new', { operation: 'getApiKey', extra: { a: 1 }, skipped: undefined })
    expect(written).toEqual([
      'ncloud-apigw: getApiKey attempt 1: GET /api-keys/k\n',
      'ncloud-apigw: getApiKey attempt 1: HTTP 503, trace ID t-1\n',
      'ncloud-apigw: getApiKey attempt 1 failed (503); retrying in 250 ms\n',
      "ncloud-apigw: getApiKey attempt 2: the API's clock is 600000 ms behind the local clock; signing again by the API's\n",
      'ncloud-apigw: ncp something new operation=getApiKey extra={"a":1}\n',
    ])
  })

  test('with --output json, one {"debug": {...}} line each', () => {
    const { logger, written } = lines('json')
    logger.debug('ncp response', { operation: 'getApiKey', attempt: 1, status: 200, traceId: 't' })
    expect(written.map((line) => JSON.parse(line))).toEqual([{ debug: { message: 'ncp response', operation: 'getApiKey', attempt: 1, status: 200, traceId: 't' } }])
  })

  test('masks secret-named fields whatever their type, cuts the secret key out of values, and shows controls as escapes', () => {
    const secret = 'NCPFAKESECRETKEY000000000000000000000001'
    for (const format of ['json', 'table'] as const) {
      const { logger, written } = lines(format, [secret])
      logger.debug('ncp response', { operation: 'getApiKey', attempt: 1, status: 200, traceId: `x${secret}\x1b[2J` })
      logger.debug('odd', { primaryKey: ['AbCdEfGhIjKlMnOpQrSt'], signature: 'c2lnbmF0dXJlLXZhbHVlLXNlY3JldA==', secretKey: secret })
      const text = written.join('')
      expect(text).not.toContain(secret)
      expect(text).not.toContain('AbCdEfGh')
      expect(text).not.toContain('c2lnbmF0dXJl')
      expect(text).not.toContain('\x1b')
    }
  })
})

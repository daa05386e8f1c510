// Every kind of error the client makes, each message read as a user reads it: it says what was
// wrong and what to do next, in clean text (no double space, no "undefined", no doubled period,
// no "Infinity" for a limit that has none, no "--site" for an option the user did not write).
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { documentedErrors, operationIds, operations } from '@ncloud-apigw/operations'
import { describe, expect, test, vi } from 'vitest'
import { manualTimer, nodeClient } from '../test/fixtures/attempt-timer.js'
import { calls } from '../test/fixtures/calls.js'
import { nameRule, tooLong } from '../test/fixtures/limits.js'
import { apiKey, baseUrl, credentials, json, ncpError, page, type Reply, reset, scriptedFetch } from '../test/fixtures/scripted-fetch.js'
import { NcpError } from './errors.js'
import { createApiKeyClient as createBrowserClient, findNcpCredentials as findInBrowser } from './index.js'
import { type ApiKeyClientOptions, createApiKeyClient, createRawClient } from './node.js'

/** Words that begin a next step, or say what a value must be. */
const NEXT_STEP = /\b(must be|check|raise|retry|slow down|send|pass|copy|set|write|name|unset|remove|stopped rather than loop|give|fix)\b/i

const errors: { label: string; error: unknown }[] = []
const expectError = async (label: string, make: () => unknown) => {
  try {
    await make()
  } catch (error) {
    errors.push({ label, error })
    return
  }
  throw new Error(`${label}: no error`)
}

// Just below the spec's minimum of each integer query parameter.
const { offset, limit } = operations.listApiKeys.query
const belowLimit = limit.minimum - 1
const belowOffset = offset.minimum - 1

// Attempts time out only when a reply (attemptTimer.hang) or a credentials provider says so.
const attemptTimer = manualTimer()

function client(replies: Reply[], options: ApiKeyClientOptions = {}) {
  const { fetch } = scriptedFetch(...replies)
  return nodeClient({ credentials, baseUrl, fetch, maxAttempts: 1, random: () => 0, sleep: async () => {}, ...options }, attemptTimer.timer)
}

/** A credentials provider that never answers, during which the attempt's timeout expires. */
const neverProvided = () => {
  attemptTimer.expire()
  return new Promise<never>(() => {})
}

describe('every client error message says what was wrong and what to do', async () => {
  // Validation, per operation and per rule.
  const ok = client([json(apiKey)])
  await expectError('a name over its limit', () => ok.createApiKey({ apiKeyName: tooLong(nameRule) }))
  await expectError('a missing name', () => ok.createApiKey({} as never))
  await expectError('an unknown field', () => ok.createApiKey({ apiKeyName: 'ci-bot', apiName: 'ci-bot' } as never))
  await expectError('a null body', () => ok.createApiKey(null as never))
  await expectError('a BigInt body', () => ok.createApiKey({ apiKeyName: 1n } as never))
  await expectError('isEnabled "no"', () => ok.updateApiKey('k', { apiKeyName: 'ci-bot', isEnabled: 'no' as never }))
  await expectError('TERTIARY', () => ok.regenerateApiKey('k', 'TERTIARY' as never))
  await expectError("getApiKey('')", () => ok.getApiKey(''))
  await expectError("getApiKey('..')", () => ok.getApiKey('..'))
  await expectError('deleteApiKey(42)', () => ok.deleteApiKey(42 as never))
  await expectError(`limit ${belowLimit}`, () => ok.listApiKeys({ limit: belowLimit }))
  await expectError(`offset ${belowOffset}`, () => ok.listApiKeys({ offset: belowOffset }))
  await expectError('an unknown query key', () => ok.listApiKeys({ page: 1 } as never))
  await expectError('a query string', () => ok.listApiKeys('limit=1' as never))
  await expectError(`pageSize ${belowLimit}`, () => ok.paginateApiKeys({ pageSize: belowLimit }).next())
  await expectError('per-call timeoutMs', () => ok.getApiKey('k', { timeoutMs: 2 ** 31 }))
  await expectError('per-call signal', () => ok.getApiKey('k', { signal: {} as never }))
  // Options.
  await expectError('timeoutMs 2^31', () => createApiKeyClient({ credentials, baseUrl, timeoutMs: 2 ** 31 }))
  await expectError('maxAttempts 0', () => createApiKeyClient({ credentials, baseUrl, maxAttempts: 0 }))
  await expectError('maxResponseBytes 0', () => createApiKeyClient({ credentials, baseUrl, maxResponseBytes: 0 }))
  await expectError('an empty baseUrl', () => createApiKeyClient({ credentials, baseUrl: '' }))
  await expectError('a baseUrl with a password', () => createApiKeyClient({ credentials, baseUrl: 'https://u:p@apigw.test/api/v1' }))
  await expectError('a baseUrl without a scheme', () => createApiKeyClient({ credentials, baseUrl: 'apigw.test/api/v1' }))
  await expectError('a bad userAgent', () => createApiKeyClient({ credentials, baseUrl, userAgent: 'a\nb' }))
  await expectError('site mars', () => createApiKeyClient({ credentials, site: 'mars' as never }))
  vi.stubEnv('NCLOUD_SITE', 'bogus')
  await expectError('NCLOUD_SITE=bogus', () => createApiKeyClient({ credentials }))
  vi.unstubAllEnvs()
  await expectError('createRawClient({})', () => createRawClient({} as never))
  // Credentials.
  await expectError('an empty secret', () => createApiKeyClient({ credentials: { accessKey: 'a', secretKey: '' }, baseUrl }))
  await expectError('an access key with CRLF', () => createApiKeyClient({ credentials: { accessKey: 'a\r\nb', secretKey: 's' }, baseUrl }))
  await expectError('no credentials in the browser', () => createBrowserClient())
  await expectError('findNcpCredentials in the browser', () => findInBrowser())
  vi.stubEnv('HOME', join(tmpdir(), 'ncloud-apigw-no-such-home'))
  for (const name of ['NCLOUD_ACCESS_KEY_ID', 'NCLOUD_ACCESS_KEY', 'NCLOUD_SECRET_ACCESS_KEY', 'NCLOUD_SECRET_KEY', 'NCLOUD_PROFILE']) vi.stubEnv(name, undefined)
  await expectError('no credentials on Node', () => createApiKeyClient({ baseUrl }))
  vi.unstubAllEnvs()
  // Answers: every documented NCP error, for an operation that names a key and for one that does not.
  for (const { status, errorCode, message } of documentedErrors) {
    for (const operation of ['getApiKey', 'createApiKey', 'listApiKeys'] as const) {
      await expectError(`${operation} ${status}/${errorCode}`, () => calls[operation](client([ncpError(status, errorCode, message)]), 'k'))
    }
  }
  await expectError('an NCP error without message', () => client([json({ error: { errorCode: '100' } }, 400)]).getApiKey('k'))
  await expectError('details ending in a period', () => client([json({ error: { errorCode: '100', message: 'Bad.', details: 'Fix it.' } }, 400)]).getApiKey('k'))
  await expectError('an HTML 502', () => client([new Response('<html>bad  gateway</html>', { status: 502 })]).getApiKey('k'))
  await expectError('an empty 500', () => client([new Response(null, { status: 500 })]).getApiKey('k'))
  await expectError('a 409 of no known shape', () => client([json({ message: 'conflict' }, 409)]).createApiKey({ apiKeyName: 'ci-bot' }))
  await expectError('a 2xx not JSON', () => client([new Response('{', { status: 200 })]).getApiKey('k'))
  await expectError('a 2xx not documented', () => client([json({ apiKey: { ...apiKey, isEnabled: 'yes' } })]).updateApiKey('k', { apiKeyName: 'ci-bot', isEnabled: true }))
  await expectError('a redirect', () => client([new Response(null, { status: 301, headers: { location: 'https://elsewhere.test/x' } })]).getApiKey('k'))
  await expectError('status 600', () => client([() => ({ status: 600, headers: new Headers(), type: 'basic', body: null }) as unknown as Response]).getApiKey('k'))
  await expectError('too large', () => client([json(apiKey)], { maxResponseBytes: 10 }).getApiKey('k'))
  await expectError('offset ignored', async () => {
    for await (const _ of client([json(page([{ ...apiKey }], 5))], { maxAttempts: 1 }).paginateApiKeys({ pageSize: 1 })) void _
  })
  // No answer.
  await expectError('a reset', () => client([reset()]).createApiKey({ apiKeyName: 'ci-bot' }))
  await expectError('a timeout', () => client([attemptTimer.hang], { timeoutMs: 10 }).getApiKey('k'))
  await expectError('a credentials provider timeout', () => client([json(apiKey)], { timeoutMs: 10, credentials: neverProvided }).getApiKey('k'))
  for (const operation of operationIds) await expectError(`${operation} 503`, () => calls[operation](client([ncpError(503, 500, 'Endpoint Error')]), 'k'))
  // A server clock the client will not follow.
  const local = Date.parse('2024-05-07T07:00:00Z')
  await expectError('a clock 30 days off', () => client([ncpError(401, '200', 'Authentication Failed', { date: new Date(local + 30 * 86_400_000).toUTCString() })], { now: () => local }).getApiKey('k'))
  await expectError('retryBudget -1', () => createApiKeyClient({ credentials, baseUrl, retryBudget: -1 }))
  // The caller's signal.
  await expectError('an aborted signal', () => client([json(apiKey)]).getApiKey('k', { signal: AbortSignal.abort() }))
  await expectError('an abort with a reason', () => client([json(apiKey)]).getApiKey('k', { signal: AbortSignal.abort(new Error('shutting down')) }))
  await expectError('a signal timing out', () => client([json(apiKey)]).getApiKey('k', { signal: AbortSignal.abort(new DOMException('The operation was aborted due to timeout', 'TimeoutError')) }))

  test('the catalogue covers every error class', () => {
    expect(new Set(errors.map(({ error }) => (error as Error).name))).toEqual(
      new Set(['NcpValidationError', 'NcpCredentialsError', 'NcpApiError', 'NcpNetworkError', 'NcpTimeoutError', 'NcpAbortError']),
    )
    for (const { error } of errors) expect(error).toBeInstanceOf(NcpError)
  })

  test.each(errors.map(({ label, error }) => [label, (error as Error).message] as const))('%s: %s', (_label, message) => {
    expect(message).not.toMatch(/ {2}/)
    // Infinity only where it is a value to give (retryBudget's "no budget"), never as a bound.
    expect(message).not.toMatch(/[^.]\.\.(?=\s|$)|\bundefined\b|\[object Object\]|Infinity(?! for no budget)|--site/)
    expect(message).toMatch(/[.)]$/)
    expect(message).toMatch(NEXT_STEP)
  })

  test('a 404 names the API key ID only for an operation that takes one', () => {
    const byLabel = (label: string) => (errors.find((e) => e.label === label)!.error as Error).message
    expect(byLabel('getApiKey 404/300')).toContain('Check the API key ID')
    expect(byLabel('createApiKey 404/300')).not.toContain('API key ID')
    expect(byLabel('listApiKeys 404/300')).not.toContain('API key ID')
  })

  test('NCLOUD_SITE is named as NCLOUD_SITE', () => {
    expect(errors.find((e) => e.label === 'NCLOUD_SITE=bogus')!.error).toMatchObject({ field: 'NCLOUD_SITE' })
  })
})

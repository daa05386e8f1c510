import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { inspect } from 'node:util'
import { expect, test, vi } from 'vitest'
import { manualTimer, nodeClient } from '../test/fixtures/attempt-timer.js'
import { nameRule, tooLong } from '../test/fixtures/limits.js'
import { apiKey, baseUrl, credentials, json, ncpError, scriptedFetch, secrets } from '../test/fixtures/scripted-fetch.js'
import { createApiKeyClient } from './node.js'

function assertNoSecret(value: unknown, signatures: string[]) {
  const texts = [JSON.stringify(value), inspect(value, { depth: 10, showHidden: true }), String(value), (value as Error)?.stack ?? '']
  for (const text of texts) {
    for (const secret of [...secrets, ...signatures]) expect(text).not.toContain(secret)
  }
}

test('no error kind, log line or client serialisation reveals a secret, a signature or a key value', async () => {
  const lines: unknown[] = []
  const logger = { debug: (message: string, meta: Record<string, unknown>) => lines.push({ message, meta }) }
  const attemptTimer = manualTimer()
  const { fetch, seen } = scriptedFetch(
    json({ apiKey }), // create: fine
    ncpError(401, 200, 'Authentication Failed'), // api error
    new Response(`<html>${apiKey.apiKeyId}</html>`, { status: 502 }), // non-NCP body
    new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED') }), // network
    attemptTimer.hang, // timeout
    new Response(`{"apiKey":{"primaryKey":"${apiKey.primaryKey}","secondaryKey":"${apiKey.secondaryKey}"`), // truncated 200
  )
  const client = nodeClient({ credentials, baseUrl, fetch, logger, maxAttempts: 1, timeoutMs: 50 }, attemptTimer.timer)
  const errors: unknown[] = []
  const attempt = (p: Promise<unknown>) => p.then(() => undefined, (e: unknown) => errors.push(e))

  await client.createApiKey({ apiKeyName: 'ci-bot' })
  await attempt(client.getApiKey('k'))
  await attempt(client.getApiKey('k'))
  await attempt(client.getApiKey('k'))
  await attempt(client.getApiKey('k'))
  await attempt(client.createApiKey({ apiKeyName: 'ci-bot' }))
  await attempt(client.createApiKey({ apiKeyName: tooLong(nameRule) }))
  await attempt(createApiKeyClient({ credentials: async () => ({ accessKey: credentials.accessKey, secretKey: '' }), baseUrl, fetch }).getApiKey('k'))
  vi.stubEnv('HOME', join(tmpdir(), 'ncloud-apigw-no-such-home'))
  for (const name of ['NCLOUD_ACCESS_KEY_ID', 'NCLOUD_ACCESS_KEY', 'NCLOUD_SECRET_ACCESS_KEY', 'NCLOUD_SECRET_KEY']) vi.stubEnv(name, undefined)
  try {
    createApiKeyClient({ baseUrl })
  } catch (error) {
    errors.push(error)
  } finally {
    vi.unstubAllEnvs()
  }

  expect(errors.map((e) => (e as Error).name)).toEqual([
    'NcpApiError',
    'NcpApiError',
    'NcpNetworkError',
    'NcpTimeoutError',
    'NcpApiError',
    'NcpValidationError',
    'NcpCredentialsError',
    'NcpCredentialsError',
  ])
  expect(lines.length).toBeGreaterThan(0)
  const signatures = seen.map((s) => s.headers.get('x-ncp-apigw-signature-v2') as string)
  expect(signatures.every(Boolean)).toBe(true)
  for (const error of errors) assertNoSecret(error, signatures)
  assertNoSecret(lines, signatures)
  assertNoSecret(client, signatures)
})

test('toJSON keeps the typed fields and reduces the cause to name and message', async () => {
  const { fetch } = scriptedFetch(ncpError(429, '410', 'Throttle Limited', { 'x-ncp-trace-id': 't-1', 'retry-after': '3600' }))
  const error = await createApiKeyClient({ credentials, baseUrl, fetch }).getApiKey('k').catch((e: unknown) => e)
  expect(JSON.parse(JSON.stringify(error))).toEqual({
    name: 'NcpApiError',
    message: expect.stringContaining('HTTP 429 Throttle Limited (errorCode 410)'),
    operation: 'getApiKey',
    status: 429,
    errorCode: '410',
    errorMessage: 'Throttle Limited',
    details: 'Throttle Limited details',
    traceId: 't-1',
    retryable: true,
    attempts: 1,
    retryAfterMs: 3_600_000,
  })
})

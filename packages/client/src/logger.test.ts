import { expect, test } from 'vitest'
import { apiKey, baseUrl, credentials, json, ncpError, scriptedFetch } from '../test/fixtures/scripted-fetch.js'
import { createApiKeyClient } from './node.js'

test('the logger hears each attempt, response, retry and clock correction, with the operation named', async () => {
  const local = Date.parse('2024-05-07T07:00:00Z')
  const lines: { message: string; meta: Record<string, unknown> }[] = []
  const { fetch } = scriptedFetch(
    ncpError(401, 200, 'Authentication Failed', { date: new Date(local + 600_000).toUTCString() }),
    ncpError(503, 500, 'Endpoint Error', { 'x-ncp-trace-id': 'trace-9' }),
    json(apiKey),
  )
  const client = createApiKeyClient({
    credentials,
    baseUrl,
    fetch,
    now: () => local,
    sleep: async () => {},
    random: () => 0,
    logger: { debug: (message, meta) => lines.push({ message, meta }) },
  })
  await client.getApiKey('k')
  expect(lines.map((l) => l.message)).toEqual([
    'ncp request',
    'ncp response',
    'ncp clock corrected',
    'ncp request',
    'ncp response',
    'ncp retry',
    'ncp request',
    'ncp response',
  ])
  expect(lines.every((l) => l.meta.operation === 'getApiKey')).toBe(true)
  expect(lines[2]!.meta.offsetMs).toBe(600_000)
  expect(lines[4]!.meta).toMatchObject({ status: 503, traceId: 'trace-9', attempt: 2 })
  expect(lines[5]!.meta).toMatchObject({ reason: 503, delayMs: 0 })
})

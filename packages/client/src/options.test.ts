// Options out of range are refused when the client is made (and a call's own options when it is
// called), with NcpValidationError naming the option, before anything is sent. A base URL is
// never quoted, since it may carry a password.
import { inspect } from 'node:util'
import { describe, expect, test } from 'vitest'
import { manualTimer, nodeClient } from '../test/fixtures/attempt-timer.js'
import { apiKey, baseUrl, credentials, json, scriptedFetch } from '../test/fixtures/scripted-fetch.js'
import { NcpValidationError } from './errors.js'
import { createApiKeyClient as createBrowserClient } from './index.js'
import { type ApiKeyClientOptions, createApiKeyClient } from './node.js'

function refusal(make: () => unknown): NcpValidationError {
  try {
    make()
  } catch (error) {
    expect(error).toBeInstanceOf(NcpValidationError)
    return error as NcpValidationError
  }
  throw new Error('expected an NcpValidationError')
}

const create = (options: ApiKeyClientOptions) => () => createApiKeyClient({ credentials, baseUrl, ...options })

describe('timeoutMs', () => {
  const limit = 'an integer from 1 to 2147483647'
  test.each([
    [2 ** 31, '2147483648'], // Node would clamp this timer to 1 ms
    [2 ** 53, String(2 ** 53)],
    [Number.POSITIVE_INFINITY, 'Infinity'],
    [0, '0'],
    [-1, '-1'],
    [1.5, '1.5'],
    [Number.NaN, 'NaN'],
    ['1000', 'a string'],
    [null, 'null'],
  ])('%s is refused at createApiKeyClient', (value, got) => {
    expect(refusal(create({ timeoutMs: value as never }))).toMatchObject({ field: 'timeoutMs', limit, got })
  })

  test('1 and 2^31 - 1 are the bounds', () => {
    expect(() => create({ timeoutMs: 1 })()).not.toThrow()
    expect(() => create({ timeoutMs: 2 ** 31 - 1 })()).not.toThrow()
  })

  test.each([1, 2 ** 31 - 1])('%i arms each attempt’s timer as it is', async (timeoutMs) => {
    const t = manualTimer()
    const { fetch } = scriptedFetch(json(apiKey))
    await nodeClient({ credentials, baseUrl, fetch, timeoutMs }, t.timer).getApiKey('k')
    expect(t.armed).toEqual([timeoutMs])
  })
})

describe('maxAttempts and maxResponseBytes', () => {
  test.each([0, -1, 1.5, 101, Number.NaN, '3'])('maxAttempts %s is refused', (value) => {
    expect(refusal(create({ maxAttempts: value as never }))).toMatchObject({ field: 'maxAttempts', limit: 'an integer from 1 to 100' })
  })

  test.each([0, -1, 0.5, 2 ** 28 + 1])('maxResponseBytes %s is refused', (value) => {
    expect(refusal(create({ maxResponseBytes: value }))).toMatchObject({ field: 'maxResponseBytes', limit: `an integer from 1 to ${2 ** 28}` })
  })
})

describe('baseUrl', () => {
  const PASSWORD = 'hunter2-Pa55word'
  test.each([
    ['empty', '', 'an empty string'],
    ['without a scheme', 'apigateway.apigw.ntruss.com/api/v1', 'text that is not an absolute URL (no scheme such as https://?)'],
    ['a path only', '/api/v1', 'text that is not an absolute URL (no scheme such as https://?)'],
    ['of another scheme', 'ftp://apigw.test/api/v1', 'a URL of another scheme (ftp:)'],
    ['with a user and password', `https://admin:${PASSWORD}@apigw.test/api/v1`, 'a URL with a user or password'],
    ['with a password only', `https://:${PASSWORD}@apigw.test/api/v1`, 'a URL with a user or password'],
    ['with a user only', 'https://admin@apigw.test/api/v1', 'a URL with a user or password'],
    ['with a query', `https://apigw.test/api/v1?token=${PASSWORD}`, 'a URL with a query or fragment'],
    ['with an empty query', 'https://apigw.test/api/v1?', 'a URL with a query or fragment'],
    ['with a fragment', 'https://apigw.test/api/v1#x', 'a URL with a query or fragment'],
    ['not a string', 42, '42'],
    ['an object', new URL('https://apigw.test/api/v1'), 'an object'],
  ])('%s: NcpValidationError that never quotes it', (_name, value, got) => {
    const error = refusal(create({ baseUrl: value as string }))
    expect(error).toMatchObject({ field: 'baseUrl', got })
    expect(error.limit).toMatch(/^an http: or https: URL with no user, password, query or fragment/)
    for (const text of [error.message, JSON.stringify(error), inspect(error, { showHidden: true, depth: 10 }), String(error), error.stack ?? '']) {
      expect(text).not.toContain(PASSWORD)
      if (typeof value === 'string' && value.length > 8 && !error.limit.includes(value)) expect(text).not.toContain(value)
    }
  })

  test('an empty baseUrl is refused, not taken for "no baseUrl" (the public site)', () => {
    expect(refusal(create({ baseUrl: '' }))).toMatchObject({ field: 'baseUrl', got: 'an empty string' })
  })

  test('a trailing slash is dropped and http: is allowed (tests, proxies)', async () => {
    const { fetch, seen } = scriptedFetch(json(apiKey))
    await createApiKeyClient({ credentials, baseUrl: 'http://127.0.0.1:8080/api/v1/', fetch }).getApiKey('k')
    expect(seen[0]!.url).toBe('http://127.0.0.1:8080/api/v1/api-keys/k')
  })
})

describe('userAgent', () => {
  test.each([['my-app/1.2\r\nX-Injected: 1'], ['app\n'], ['앱/1'], [' padded'], [42]])('%j is refused at createApiKeyClient, on both entries', (value) => {
    expect(refusal(create({ userAgent: value as never }))).toMatchObject({ field: 'userAgent' })
    expect(refusal(() => createBrowserClient({ credentials, baseUrl, userAgent: value as never }))).toMatchObject({ field: 'userAgent' })
  })
})

describe("a call's own options are validated like the client's, before anything is sent", () => {
  test.each([
    [{ timeoutMs: 2 ** 31 }, 'timeoutMs', 'an integer from 1 to 2147483647'],
    [{ timeoutMs: 0 }, 'timeoutMs', 'an integer from 1 to 2147483647'],
    [{ maxAttempts: 0 }, 'maxAttempts', 'an integer from 1 to 100'],
    [{ maxAttempts: 2.5 }, 'maxAttempts', 'an integer from 1 to 100'],
    [{ signal: 'stop' }, 'signal', 'an AbortSignal'],
  ])('%j', async (options, field, limit) => {
    const { fetch, seen } = scriptedFetch(json(apiKey))
    const apigw = createApiKeyClient({ credentials, baseUrl, fetch })
    await expect(apigw.getApiKey('k', options as never)).rejects.toMatchObject({ name: 'NcpValidationError', field, limit })
    await expect(apigw.createApiKey({ apiKeyName: 'ci-bot' }, options as never)).rejects.toMatchObject({ field })
    expect(seen).toHaveLength(0)
  })
})

test('createApiKey options that are fine make a client that sends nothing until called', () => {
  const { fetch, seen } = scriptedFetch(json(apiKey))
  createApiKeyClient({ credentials, baseUrl, fetch, timeoutMs: 1, maxAttempts: 100, maxResponseBytes: 1, userAgent: 'my-app/1.2 (+https://example.com)' })
  expect(seen).toHaveLength(0)
})

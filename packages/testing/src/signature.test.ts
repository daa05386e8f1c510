import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { ncpFetch, signedHeaders, signature } from '../test/ncp-fetch.js'
import { startFakeApiGateway, TEST_CREDENTIALS, type FakeApiGateway } from './index.js'
import { verifySignature } from './server/signature.js'

const WINDOW = 5 * 60 * 1000
const serverNow = Date.UTC(2024, 4, 7, 7, 8, 12)
let gw: FakeApiGateway

beforeEach(async () => {
  gw = await startFakeApiGateway({ now: () => serverNow })
})
afterEach(async () => {
  await gw.close()
})

async function authError(res: Response): Promise<string> {
  expect(res.status).toBe(401)
  const body = (await res.json()) as { error: { errorCode: string; message: string; details: string } }
  expect(body.error).toMatchObject({ errorCode: '200', message: 'Authentication Failed' })
  return body.error.details
}

function get(headers: Record<string, string>, path = '/api-keys/abc') {
  return fetch(gw.url + path, { headers })
}

describe('signature v2 is verified on every request', () => {
  const spec = JSON.parse(readFileSync(createRequire(import.meta.url).resolve('@ncloud-apigw/spec/openapi.json'), 'utf8')) as {
    info: { 'x-signature-v2-examples': Record<string, string>[] }
  }
  test.each(spec.info['x-signature-v2-examples'].map((ex) => [ex.summary, ex] as const))(
    'the worked example of the spec (%s) verifies, and the fake agrees with an independent HMAC',
    (_summary, ex) => {
      const request = {
        method: ex.method as string,
        pathWithQuery: ex.pathWithQuery as string,
        headers: {
          'x-ncp-apigw-timestamp': ex.timestamp,
          'x-ncp-iam-access-key': ex.accessKey,
          'x-ncp-apigw-signature-v2': ex.signature,
        },
      }
      const secrets = (key: string) => (key === ex.accessKey ? ex.secretKey : undefined)
      expect(ex.stringToSign).toBe(`${ex.method} ${ex.pathWithQuery}\n${ex.timestamp}\n${ex.accessKey}`)
      expect(signature(ex.secretKey as string, request.method, request.pathWithQuery, ex.timestamp as string, ex.accessKey as string)).toBe(ex.signature)
      expect(verifySignature(request, Number(ex.timestamp), secrets)).toEqual({ valid: true, accessKey: ex.accessKey })
    },
  )

  test('a correctly signed request is accepted and recorded as verified', async () => {
    const res = await ncpFetch(gw.url, TEST_CREDENTIALS, 'GET', '/api-keys/abc', { timestamp: String(serverNow) })
    expect(res.status).toBe(404)
    expect(gw.requests[0]).toMatchObject({ signatureValid: true, authFailure: undefined })
  })

  test.each([
    ['x-ncp-apigw-timestamp'],
    ['x-ncp-iam-access-key'],
    ['x-ncp-apigw-signature-v2'],
  ])('a request without %s is refused, naming the header', async (missing) => {
    const headers = signedHeaders('GET', `${gw.url}/api-keys/abc`, TEST_CREDENTIALS, String(serverNow))
    delete headers[missing]
    const details = await authError(await get(headers))
    expect(details).toBe(`missing header: ${missing}`)
    expect(gw.requests[0]).toMatchObject({ signatureValid: false, authFailure: details, status: 401 })
  })

  test('a request without any signing header names all three', async () => {
    const details = await authError(await get({}))
    expect(details).toBe('missing headers: x-ncp-apigw-timestamp, x-ncp-iam-access-key, x-ncp-apigw-signature-v2')
  })

  test('an unknown access key is refused without echoing anything secret', async () => {
    const stranger = { accessKey: 'NCPUNKNOWNACCESSKEY9', secretKey: 'unknown-secret-value' }
    const details = await authError(await ncpFetch(gw.url, stranger, 'GET', '/api-keys/abc', { timestamp: String(serverNow) }))
    expect(details).toBe('unknown access key')
  })

  test('a wrong secret key is a signature mismatch that shows the string to sign but no secret', async () => {
    const wrong = { ...TEST_CREDENTIALS, secretKey: 'not-the-secret' }
    const headers = signedHeaders('GET', `${gw.url}/api-keys/abc`, wrong, String(serverNow))
    const details = await authError(await get(headers))
    expect(details).toContain('signature mismatch')
    expect(details).toContain(JSON.stringify(`GET /api/v1/api-keys/abc\n${serverNow}\n${TEST_CREDENTIALS.accessKey}`))
    const expected = signature(TEST_CREDENTIALS.secretKey, 'GET', '/api/v1/api-keys/abc', String(serverNow), TEST_CREDENTIALS.accessKey)
    for (const secret of [TEST_CREDENTIALS.secretKey, expected, headers['x-ncp-apigw-signature-v2'] as string]) {
      expect(details).not.toContain(secret)
    }
  })

  test.each([
    ['another method', (h: Record<string, string>) => h, 'DELETE'],
    ['another path', (h: Record<string, string>) => h, 'GET', '/api-keys/abd'],
    ['a query added after signing', (h: Record<string, string>) => h, 'GET', '/api-keys/abc?x=1'],
    ['another timestamp', (h: Record<string, string>) => ({ ...h, 'x-ncp-apigw-timestamp': String(serverNow + 1) })],
    ['a signature with its padding removed', (h: Record<string, string>) => ({ ...h, 'x-ncp-apigw-signature-v2': (h['x-ncp-apigw-signature-v2'] as string).replace(/=+$/, '') })],
    ['a signature with a character appended', (h: Record<string, string>) => ({ ...h, 'x-ncp-apigw-signature-v2': `${h['x-ncp-apigw-signature-v2'] as string}A` })],
    ['a hex signature', (h: Record<string, string>) => ({ ...h, 'x-ncp-apigw-signature-v2': Buffer.from(h['x-ncp-apigw-signature-v2'] as string, 'base64').toString('hex') })],
  ])('a signature over the request that does not match (%s) is refused', async (_what, change, method = 'GET', path = '/api-keys/abc') => {
    const headers = change(signedHeaders('GET', `${gw.url}/api-keys/abc`, TEST_CREDENTIALS, String(serverNow)))
    const res = await fetch(gw.url + path, { method, headers })
    expect(await authError(res)).toContain('signature mismatch')
    expect(gw.requests[0]?.signatureValid).toBe(false)
    expect(gw.requests[0]?.authFailure).toContain('signature mismatch')
  })

  test.each([['abc'], ['1.5e12'], ['-1'], ['']])('a timestamp of %j that is not milliseconds is refused', async (timestamp) => {
    const headers = signedHeaders('GET', `${gw.url}/api-keys/abc`, TEST_CREDENTIALS, timestamp)
    const details = await authError(await get(headers))
    expect(details).toMatch(timestamp === '' ? /missing header: x-ncp-apigw-timestamp/ : /must be the time in milliseconds/)
  })

  test('a timestamp in seconds is refused with a hint', async () => {
    const headers = signedHeaders('GET', `${gw.url}/api-keys/abc`, TEST_CREDENTIALS, String(Math.floor(serverNow / 1000)))
    expect(await authError(await get(headers))).toMatch(/outside the 5-minute window.*looks like seconds/)
  })

  test('the failure is checked before anything else: an invalid body with a bad signature is 401', async () => {
    const wrong = { ...TEST_CREDENTIALS, secretKey: 'nope' }
    const res = await ncpFetch(gw.url, wrong, 'POST', '/api-keys', { body: { bad: true }, timestamp: String(serverNow) })
    expect(res.status).toBe(401)
    expect(gw.keys.size).toBe(0)
  })

  test('several credential pairs are accepted, each with its own secret', async () => {
    await gw.close()
    const second = { accessKey: 'NCPFAKEACCESSKEY0002', secretKey: 'second-fake-secret' }
    gw = await startFakeApiGateway({ now: () => serverNow, credentials: [TEST_CREDENTIALS, second] })
    for (const credentials of [TEST_CREDENTIALS, second]) {
      const res = await ncpFetch(gw.url, credentials, 'POST', '/api-keys', { body: { apiKeyName: 'ci-bot' }, timestamp: String(serverNow) })
      expect(res.status).toBe(201)
    }
    const crossed = { accessKey: second.accessKey, secretKey: TEST_CREDENTIALS.secretKey }
    const res = await ncpFetch(gw.url, crossed, 'GET', '/api-keys/abc', { timestamp: String(serverNow) })
    expect(await authError(res)).toContain('signature mismatch')
  })

  test('only the given credentials are accepted when credentials are given', async () => {
    await gw.close()
    gw = await startFakeApiGateway({ now: () => serverNow, credentials: { accessKey: 'MINE', secretKey: 'my-secret' } })
    const res = await ncpFetch(gw.url, TEST_CREDENTIALS, 'GET', '/api-keys/abc', { timestamp: String(serverNow) })
    expect(await authError(res)).toBe('unknown access key')
  })

  test('bad credentials options are refused when starting', async () => {
    await expect(startFakeApiGateway({ credentials: [] })).rejects.toThrow(/at least one/)
    await expect(startFakeApiGateway({ credentials: { accessKey: '', secretKey: 'x' } })).rejects.toThrow(/credentials\[0\]/)
  })
})

describe('the 5-minute window, against the server clock', () => {
  const at = (timestamp: number) =>
    ncpFetch(gw.url, TEST_CREDENTIALS, 'GET', '/api-keys/abc', { timestamp: String(timestamp) }).then((r) => r.status)

  test('a timestamp exactly 5 minutes behind or ahead is accepted; one millisecond more is refused', async () => {
    expect(await at(serverNow - WINDOW)).toBe(404)
    expect(await at(serverNow + WINDOW)).toBe(404)
    expect(await at(serverNow - WINDOW - 1)).toBe(401)
    expect(await at(serverNow + WINDOW + 1)).toBe(401)
  })

  test('the refusal says how far off the timestamp is and which way', async () => {
    const res = await ncpFetch(gw.url, TEST_CREDENTIALS, 'GET', '/api-keys/abc', { timestamp: String(serverNow - WINDOW - 1) })
    expect(await authError(res)).toContain(`outside the 5-minute window: x-ncp-apigw-timestamp is ${WINDOW + 1} ms behind the server clock`)
    const ahead = await ncpFetch(gw.url, TEST_CREDENTIALS, 'GET', '/api-keys/abc', { timestamp: String(serverNow + WINDOW + 5) })
    expect(await authError(ahead)).toContain(`${WINDOW + 5} ms ahead of the server clock`)
  })

  test('clockOffsetMs moves the window with the server clock', async () => {
    await gw.close()
    const offset = 10 * 60 * 1000
    gw = await startFakeApiGateway({ now: () => serverNow, clockOffsetMs: offset })
    expect(gw.clockOffsetMs).toBe(offset)
    expect(await at(serverNow)).toBe(401)
    expect(await at(serverNow + offset - WINDOW)).toBe(404)
    expect(await at(serverNow + offset + WINDOW)).toBe(404)
    expect(await at(serverNow + offset + WINDOW + 1)).toBe(401)
  })

  test('setClockOffset applies to the next request', async () => {
    expect(await at(serverNow)).toBe(404)
    gw.setClockOffset(-WINDOW - 1)
    expect(await at(serverNow)).toBe(401)
    gw.setClockOffset(0)
    expect(await at(serverNow)).toBe(404)
    expect(() => gw.setClockOffset(Number.NaN)).toThrow(/finite/)
  })

  test('every response carries the server clock in its Date header, offset included', async () => {
    gw.setClockOffset(3_600_000)
    const res = await ncpFetch(gw.url, TEST_CREDENTIALS, 'GET', '/api-keys/abc', { timestamp: String(serverNow) })
    expect(res.status).toBe(401)
    expect(res.headers.get('date')).toBe('Tue, 07 May 2024 08:08:12 GMT')
    expect(Date.parse(res.headers.get('date') as string) - serverNow).toBe(3_600_000)
  })

  test('a client can learn the offset from the Date header of a refusal and then succeed', async () => {
    gw.setClockOffset(-42 * 60 * 1000)
    const refused = await ncpFetch(gw.url, TEST_CREDENTIALS, 'POST', '/api-keys', { body: { apiKeyName: 'ci-bot' }, timestamp: String(serverNow) })
    expect(refused.status).toBe(401)
    const learned = Date.parse(refused.headers.get('date') as string) - serverNow
    const retried = await ncpFetch(gw.url, TEST_CREDENTIALS, 'POST', '/api-keys', { body: { apiKeyName: 'ci-bot' }, timestamp: String(serverNow + learned) })
    expect(retried.status).toBe(201)
  })

  test('without an injected clock, the server clock is the real clock', async () => {
    await gw.close()
    gw = await startFakeApiGateway()
    const res = await ncpFetch(gw.url, TEST_CREDENTIALS, 'GET', '/api-keys/abc')
    expect(res.status).toBe(404)
    expect(Math.abs(Date.parse(res.headers.get('date') as string) - Date.now())).toBeLessThan(60_000)
  })
})

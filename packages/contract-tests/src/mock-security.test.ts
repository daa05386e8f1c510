import { describe, expect, inject, test } from 'vitest'

const mockUrl = inject('mockUrl')

describe('prism mock enforces the spec\'s security requirement', () => {
  test('a request without the signature headers gets 401 with NCP\'s Authentication Failed body', async () => {
    const response = await fetch(`${mockUrl}/api-keys/cvcohvd2xj`)
    expect(response.status).toBe(401)
    expect(await response.json()).toEqual({
      error: { errorCode: '200', message: 'Authentication Failed' },
    })
    expect(response.headers.get('sl-violations')).toMatch(/security/i)
  })

  test('a request with only two of the three headers is refused too', async () => {
    const response = await fetch(`${mockUrl}/api-keys/cvcohvd2xj`, {
      headers: { 'x-ncp-apigw-timestamp': String(Date.now()), 'x-ncp-iam-access-key': 'AK' },
    })
    expect(response.status).toBe(401)
  })
})

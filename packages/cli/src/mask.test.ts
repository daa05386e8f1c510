import type { ApiKey } from '@ncloud-apigw/client'
import { describe, expect, test } from 'vitest'
import { maskSecret, maskSecrets, maskValue } from './mask.js'

const maskApiKey = <T>(value: T) => maskSecrets(value).value

const key: ApiKey = {
  apiKeyId: 'ab12cd34ef',
  tenantId: 'tenant',
  apiKeyName: 'ci-bot',
  primaryKey: 'PrIm' + 'x'.repeat(36),
  secondaryKey: 'SeCo' + 'y'.repeat(36),
  modifier: 'someone',
  isEnabled: true,
  modTime: '2024-05-07T07:08:12Z',
  domainCode: 'PUB',
}

describe('masking', () => {
  test('a 40-character key value keeps its first four characters', () => {
    expect(maskSecret(key.primaryKey)).toBe('PrIm****')
  })

  test('a value shorter than 16 characters is hidden whole', () => {
    expect(maskSecret('abcdefghijklmno')).toBe('****')
    expect(maskSecret('')).toBe('****')
    expect(maskSecret('abcdefghijklmnop')).toBe('abcd****')
  })

  test('counts characters, not UTF-16 units, so no surrogate is cut in half', () => {
    expect(maskSecret('🔑🔑🔑🔑' + 'z'.repeat(12))).toBe('🔑🔑🔑🔑****')
  })

  test('an API key keeps every field but its two key values, and the original is left as it was', () => {
    const original = structuredClone(key)
    expect(maskApiKey(key)).toEqual({ ...key, primaryKey: 'PrIm****', secondaryKey: 'SeCo****' })
    expect(key).toEqual(original)
  })

  test.each([
    ['an array', ['PrIm' + 'x'.repeat(36)]],
    ['an object', { value: 'PrIm' + 'x'.repeat(36) }],
    ['a number', 1234567890123456],
    ['a boolean', true],
  ])('a key value sent as %s is masked whole, by its field', (_, value) => {
    expect(maskValue(value)).toBe('****')
    const odd = { ...key, primaryKey: value, secondaryKey: value } as unknown as ApiKey
    expect(maskApiKey(odd)).toEqual({ ...key, primaryKey: '****', secondaryKey: '****' })
    expect(JSON.stringify(maskApiKey(odd))).not.toContain('PrIm')
  })

  test('null says nothing and stays; an absent field stays absent', () => {
    expect(maskValue(null)).toBeNull()
    const { primaryKey: _p, secondaryKey: _s, ...summary } = key
    expect(maskApiKey(summary)).toEqual(summary)
    expect(Object.keys(maskApiKey(summary))).not.toContain('primaryKey')
  })

  test('a list has each of its keys masked, its other fields as they are', () => {
    const { primaryKey: _p, secondaryKey: _s, ...summary } = key
    expect(maskSecrets({ apiKeys: [key, summary], total: 2, initialCount: 5 })).toEqual({
      value: { apiKeys: [{ ...key, primaryKey: 'PrIm****', secondaryKey: 'SeCo****' }, summary], total: 2, initialCount: 5 },
      masked: ['primaryKey', 'secondaryKey'],
    })
  })

  test('masks by name at every depth: nested, in arrays, and under other secret names', () => {
    const value = 'VaLu' + 'z'.repeat(36)
    const answer = {
      apiKeyId: 'k',
      previousKeys: { primaryKey: value, note: 'kept' },
      content: [{ apiKeyId: 'a', primaryKey: value, secondaryKey: value }, [{ apiKeyValue: value }]],
      deep: { a: { b: { c: { secretKey: value, 'x-ncp-apigw-api-key': value, token: value, password: value } } } },
    }
    const { value: shown, masked } = maskSecrets(answer)
    expect(JSON.stringify(shown)).not.toContain(value)
    expect(shown).toEqual({
      apiKeyId: 'k',
      previousKeys: { primaryKey: 'VaLu****', note: 'kept' },
      content: [{ apiKeyId: 'a', primaryKey: 'VaLu****', secondaryKey: 'VaLu****' }, [{ apiKeyValue: 'VaLu****' }]],
      deep: { a: { b: { c: { secretKey: 'VaLu****', 'x-ncp-apigw-api-key': 'VaLu****', token: 'VaLu****', password: 'VaLu****' } } } },
    })
    expect(masked).toEqual(['primaryKey', 'secondaryKey', 'apiKeyValue', 'secretKey', 'x-ncp-apigw-api-key', 'token', 'password'])
  })

  test.each(['apiKeyId', 'apiKeyName', 'apiKey', 'keyType', 'primaryKeyId', 'tokens', 'usagePlanId'])('%s is no secret name', (name) => {
    expect(maskSecrets({ [name]: 'AbCdEfGhIjKlMnOpQrSt' }).masked).toEqual([])
  })
})

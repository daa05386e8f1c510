import type { ApiKey } from '@ncloud-apigw/client'
import { describe, expect, test } from 'vitest'
import { maskApiKey, maskList, maskSecret, maskValue } from './mask.js'

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
    expect(maskList({ apiKeys: [key, summary], total: 2, initialCount: 5 })).toEqual({
      apiKeys: [{ ...key, primaryKey: 'PrIm****', secondaryKey: 'SeCo****' }, summary],
      total: 2,
      initialCount: 5,
    })
  })
})

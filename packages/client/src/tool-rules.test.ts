// What the package exports for a tool (such as the CLI) that must apply the client's rules in its
// own words rather than copy them: the base-URL check, secret field names and the redaction of a
// parsed body by name, and the site choice. Each is held to what the client itself does.
import { describe, expect, test } from 'vitest'
import { apiKey, credentials } from '../test/fixtures/scripted-fetch.js'
import { NcpCredentialsError } from './errors.js'
import { baseUrlProblem, chooseSite, createApiKeyClient, isSecretName, redactFields, sites } from './node.js'

describe('baseUrlProblem', () => {
  test('is undefined for what the client takes', () => {
    for (const url of ['https://apigateway.apigw.ntruss.com/api/v1', 'http://127.0.0.1:8080/api/v1/']) expect(baseUrlProblem(url)).toBeUndefined()
  })

  test.each([
    ['https://user:hunter2@apigw.test/api/v1', 'a URL with a user or password'],
    ['apigw.test/api/v1', 'text that is not an absolute URL (no scheme such as https://?)'],
    ['ftp://apigw.test/api/v1', 'a URL of another scheme (ftp:)'],
    ['https://apigw.test/api/v1?token=hunter2', 'a URL with a query or fragment'],
    ['', 'an empty string'],
    [42, '42'],
  ])('%j: what it must be and what it was, quoting nothing of it, as the client says it', (url, got) => {
    const problem = baseUrlProblem(url)
    expect(problem).toEqual({ limit: expect.stringMatching(/^an http: or https: URL/), got })
    expect(JSON.stringify(problem)).not.toContain('hunter2')
    expect(() => createApiKeyClient({ credentials, baseUrl: url as string })).toThrow(expect.objectContaining({ field: 'baseUrl', ...problem }))
  })
})

describe('isSecretName and redactFields', () => {
  test('the secret names are the ones redaction uses: key values, secrets, signatures, whatever their spelling', () => {
    for (const name of ['primaryKey', 'secondaryKey', 'secondary_key', 'apiKeyValue', 'secretKey', 'secret', 'password', 'token', 'x-ncp-apigw-signature-v2', 'signature', 'previousPrimaryKey', 'x-ncp-apigw-api-key']) expect(isSecretName(name), name).toBe(true)
    for (const name of ['apiKeyId', 'apiKeyName', 'tenantId', 'isEnabled', 'modTime', 'primary', 'keyType', 'x-ncp-iam-access-key', 'accessKey', 'monkey']) expect(isSecretName(name), name).toBe(false)
  })

  test('masks every value under a secret name at any depth, in arrays too, by the replacer given', () => {
    const body = {
      ...apiKey,
      previousKeys: { primaryKey: 'OLD-PRIMARY', note: 'kept' },
      keys: [{ apiKeyId: 'a', secondaryKey: 'S1' }, [{ apiKeyValue: 'V1' }]],
      token: { value: 'T', parts: ['T1', 'T2'] },
      signature: null,
    }
    const masked = redactFields(body, (value, name) => `<${name}:${String(value).length}>`)
    expect(masked).toEqual({
      ...apiKey,
      primaryKey: `<primaryKey:${apiKey.primaryKey.length}>`,
      secondaryKey: `<secondaryKey:${apiKey.secondaryKey.length}>`,
      previousKeys: { primaryKey: '<primaryKey:11>', note: 'kept' },
      keys: [{ apiKeyId: 'a', secondaryKey: '<secondaryKey:2>' }, [{ apiKeyValue: '<apiKeyValue:2>' }]],
      token: { value: '<value:1>', parts: ['<parts:2>', '<parts:2>'] },
      signature: null,
    })
    expect(redactFields({ primaryKey: 'P' })).toEqual({ primaryKey: '[redacted]' })
    expect(body.previousKeys.primaryKey).toBe('OLD-PRIMARY')
  })
})

describe('chooseSite', () => {
  const env = { NCLOUD_SITE: ' gov\r' }
  test('baseUrl, then site, then NCLOUD_SITE (trimmed), then the profile, then public: as the client chooses', () => {
    expect(chooseSite({ baseUrl: 'https://apigw.test/api/v1/', site: 'fin', env, found: { site: 'fin' } })).toEqual({ baseUrl: 'https://apigw.test/api/v1', site: undefined, from: 'baseUrl' })
    expect(chooseSite({ site: 'fin', env })).toEqual({ baseUrl: sites.fin, site: 'fin', from: 'site' })
    expect(chooseSite({ env, found: { site: 'fin' } })).toEqual({ baseUrl: sites.gov, site: 'gov', from: 'NCLOUD_SITE' })
    expect(chooseSite({ env: { NCLOUD_SITE: ' ' }, found: { site: 'fin' } })).toEqual({ baseUrl: sites.fin, site: 'fin', from: 'profile' })
    expect(chooseSite()).toEqual({ baseUrl: sites.public, site: 'public', from: 'default' })
  })

  test('an unknown site names where it came from; a profile naming no site fails only when the site comes from it', () => {
    expect(() => chooseSite({ env: { NCLOUD_SITE: 'moon' } })).toThrow(expect.objectContaining({ field: 'NCLOUD_SITE' }))
    expect(() => chooseSite({ site: 'moon' })).toThrow(expect.objectContaining({ field: 'site' }))
    const siteError = new NcpCredentialsError('ncloud_api_url names no site.', [])
    expect(() => chooseSite({ found: { siteError } })).toThrow(siteError)
    expect(chooseSite({ site: 'gov', found: { siteError } }).site).toBe('gov')
  })
})

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import { baseUrl, json, scriptedFetch } from '../test/fixtures/scripted-fetch.js'
import { findCredentials } from './credentials-chain.js'
import { NcpCredentialsError } from './errors.js'
import { createApiKeyClient } from './node.js'

let home: string

function writeConfigure(text: string) {
  mkdirSync(join(home, '.ncloud'), { recursive: true })
  writeFileSync(join(home, '.ncloud', 'configure'), text)
}

function thrown(fn: () => unknown): NcpCredentialsError {
  try {
    fn()
  } catch (error) {
    if (error instanceof NcpCredentialsError) return error
    throw error
  }
  throw new Error('expected an NcpCredentialsError')
}

beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'ncloud-home-'))
  vi.stubEnv('HOME', home)
  for (const name of ['NCLOUD_ACCESS_KEY_ID', 'NCLOUD_ACCESS_KEY', 'NCLOUD_SECRET_ACCESS_KEY', 'NCLOUD_SECRET_KEY', 'NCLOUD_PROFILE', 'NCLOUD_SITE']) {
    vi.stubEnv(name, undefined)
  }
})

afterEach(() => {
  vi.unstubAllEnvs()
  rmSync(home, { recursive: true, force: true })
})

describe('credentials chain', () => {
  test('takes NCLOUD_ACCESS_KEY_ID and NCLOUD_SECRET_ACCESS_KEY first', () => {
    writeConfigure('[DEFAULT]\nncloud_access_key_id = FILE\nncloud_secret_access_key = FILESECRET\n')
    expect(findCredentials({ NCLOUD_ACCESS_KEY_ID: 'ENV', NCLOUD_SECRET_ACCESS_KEY: 'ENVSECRET' }, undefined)).toEqual({
      credentials: { accessKey: 'ENV', secretKey: 'ENVSECRET' },
    })
  })

  test('accepts the short names NCLOUD_ACCESS_KEY and NCLOUD_SECRET_KEY', () => {
    expect(findCredentials({ NCLOUD_ACCESS_KEY: 'A', NCLOUD_SECRET_KEY: 'S' }, undefined).credentials).toEqual({ accessKey: 'A', secretKey: 'S' })
  })

  test('falls back to the [DEFAULT] section of ~/.ncloud/configure', () => {
    writeConfigure('[DEFAULT]\nncloud_access_key_id = FILE\nncloud_secret_access_key = FILESECRET\n')
    expect(findCredentials({}, undefined)).toEqual({ credentials: { accessKey: 'FILE', secretKey: 'FILESECRET' } })
  })

  test('reads a file with no section header', () => {
    writeConfigure('ncloud_access_key_id = BARE\nncloud_secret_access_key = BARESECRET\n')
    expect(findCredentials({}, undefined).credentials).toEqual({ accessKey: 'BARE', secretKey: 'BARESECRET' })
  })

  test('NCLOUD_PROFILE picks a section, and a given profile wins over it', () => {
    writeConfigure(
      '[DEFAULT]\nncloud_access_key_id = D\nncloud_secret_access_key = DS\n' +
        '[staging]\nncloud_access_key_id = S\nncloud_secret_access_key = SS\n' +
        '[prod]\nncloud_access_key_id = P\nncloud_secret_access_key = PS\n',
    )
    expect(findCredentials({ NCLOUD_PROFILE: 'staging' }, undefined).credentials.accessKey).toBe('S')
    expect(findCredentials({ NCLOUD_PROFILE: 'staging' }, 'prod').credentials.accessKey).toBe('P')
  })

  test("the profile's ncloud_api_url names the site", () => {
    writeConfigure('[DEFAULT]\nncloud_access_key_id = A\nncloud_secret_access_key = S\nncloud_api_url = https://ncloud.apigw.gov-ntruss.com\n')
    expect(findCredentials({}, undefined).site).toBe('gov')
  })

  test('names every place looked in when nothing is found', () => {
    const error = thrown(() => findCredentials({}, undefined))
    expect(error.name).toBe('NcpCredentialsError')
    expect(error.searched).toEqual([
      'the credentials option: not given',
      expect.stringMatching(/^environment variables NCLOUD_ACCESS_KEY_ID or NCLOUD_ACCESS_KEY, with NCLOUD_SECRET_ACCESS_KEY or NCLOUD_SECRET_KEY: not set$/),
      `${join(home, '.ncloud', 'configure')} ([DEFAULT] or no section): no such file`,
    ])
    for (const place of ['credentials option', 'NCLOUD_ACCESS_KEY_ID', 'NCLOUD_SECRET_KEY', join(home, '.ncloud', 'configure')]) {
      expect(error.message).toContain(place)
    }
  })

  test('says which half is missing and which section was not there', () => {
    writeConfigure('[DEFAULT]\nncloud_access_key_id = A\n')
    const error = thrown(() => findCredentials({ NCLOUD_ACCESS_KEY_ID: 'A' }, 'prod'))
    expect(error.searched[1]).toMatch(/an access key is set but no secret key/)
    expect(error.searched[2]).toMatch(/profile "prod"\): no such section \(found: \[DEFAULT\]\)/)
    const incomplete = thrown(() => findCredentials({}, undefined))
    expect(incomplete.searched[2]).toMatch(/not both set/)
  })
})

describe('the Node entry', () => {
  test('signs with credentials from the file and takes the site from NCLOUD_SITE', async () => {
    writeConfigure('[DEFAULT]\nncloud_access_key_id = NCPTESTACCESSKEY0001\nncloud_secret_access_key = NCPTESTSECRETKEY-never-to-be-seen-000001\n')
    vi.stubEnv('NCLOUD_SITE', 'fin')
    const { fetch, seen } = scriptedFetch(json({ apiKeyId: 'k' }))
    await createApiKeyClient({ fetch }).getApiKey('k')
    expect(seen[0]!.url).toBe('https://apigateway.apigw.fin-ntruss.com/api/v1/api-keys/k')
    expect(seen[0]!.signatureValid).toBe(true)
  })

  test('fails at creation, before any request, when no credentials exist', () => {
    const { fetch, seen } = scriptedFetch(json({ apiKeyId: 'k' }))
    expect(() => createApiKeyClient({ fetch, baseUrl })).toThrow(NcpCredentialsError)
    expect(seen).toHaveLength(0)
  })

  test('does not read the environment or file when credentials are given', () => {
    expect(() => createApiKeyClient({ credentials: { accessKey: 'a', secretKey: 's' }, baseUrl })).not.toThrow()
  })

  test('refuses an NCLOUD_SITE that is not a site', () => {
    vi.stubEnv('NCLOUD_SITE', 'moon')
    expect(() => createApiKeyClient({ credentials: { accessKey: 'a', secretKey: 's' } })).toThrow(/site must be one of public, gov, fin/)
  })
})

import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import { apiKey, baseUrl, credentials, json, scriptedFetch } from '../test/fixtures/scripted-fetch.js'
import { findCredentials } from './credentials-chain.js'
import { NcpCredentialsError } from './errors.js'
import { chooseSite } from './sites.js'
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

  test('a profile given as an option wins over the environment variables', () => {
    writeConfigure('[prod]\nncloud_access_key_id = P\nncloud_secret_access_key = PS\n')
    const env = { NCLOUD_ACCESS_KEY_ID: 'ENV', NCLOUD_SECRET_ACCESS_KEY: 'ENVSECRET' }
    expect(findCredentials(env, 'prod').credentials.accessKey).toBe('P')
  })

  test('a profile given as an option that does not exist fails, even with credentials in the environment', () => {
    writeConfigure('[DEFAULT]\nncloud_access_key_id = D\nncloud_secret_access_key = DS\n')
    const env = { NCLOUD_ACCESS_KEY_ID: 'ENV', NCLOUD_SECRET_ACCESS_KEY: 'ENVSECRET' }
    expect(() => findCredentials(env, 'prod')).toThrow(/skipped, since the profile "prod" was asked for.*no such section/s)
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
    expect(thrown(() => findCredentials({ NCLOUD_ACCESS_KEY_ID: 'A' }, undefined)).searched[1]).toMatch(/an access key is set but no secret key/)
    expect(thrown(() => findCredentials({ NCLOUD_SECRET_KEY: 'S' }, undefined)).searched[1]).toMatch(/a secret key is set but no access key/)
    const error = thrown(() => findCredentials({ NCLOUD_PROFILE: 'prod' }, undefined))
    expect(error.searched[2]).toMatch(/profile "prod"\): no such section \(found: \[DEFAULT\]\)/)
    const incomplete = thrown(() => findCredentials({}, undefined))
    expect(incomplete.searched[2]).toMatch(/not both set/)
  })
})

describe('a configure line without "="', () => {
  const file = () => join(home, '.ncloud', 'configure')

  test('is named with the file and line, and what it should look like, never its value', () => {
    writeConfigure('[DEFAULT]\nncloud_access_key_id NCPACCESSKEY0001\nncloud_secret_access_key = NEVER-SHOWN-SECRET-0001\n')
    const error = refused(() => findCredentials({}, undefined), 'NCPACCESSKEY0001')
    expect(error.message).toBe(
      `No NCP credentials found. ${file()} line 2 (ncloud_access_key_id) has no "=", so it was not read; write it as "ncloud_access_key_id = <value>". Set NCLOUD_ACCESS_KEY_ID and NCLOUD_SECRET_ACCESS_KEY, write ~/.ncloud/configure, or pass the credentials option. Looked in: ${error.searched.join('; ')}.`,
    )
    expect(error.searched.at(-1)).toBe(`${file()} ([DEFAULT]): ncloud_access_key_id and ncloud_secret_access_key are not both set, and line 2 was not read`)
  })

  test('a line of a value alone is named by its number only; in a named profile too', () => {
    writeConfigure('[prod]\nncloud_access_key_id = AK\nNEVER-SHOWN-SECRET-0001\n')
    const error = refused(() => findCredentials({}, 'prod'))
    expect(error.message).toContain(`${file()} line 3 is none of a [section] header, a "name = value" line or a comment, so it was not read; write each key as "name = value".`)
  })

  test('a header written wrong, so the profile is not found, is named too', () => {
    writeConfigure('[DEFAULT]\nncloud_access_key_id = D\n[prod\nncloud_access_key_id = P\nncloud_secret_access_key = PS\n')
    const error = refused(() => findCredentials({}, 'prod'))
    expect(error.message).toContain(`${file()} line 3 is none of`)
  })

  test('an unread line elsewhere does not trouble a section that has its keys', () => {
    writeConfigure('[DEFAULT]\nncloud_access_key_id = D\nncloud_secret_access_key = DS\n[other]\nbroken line\n')
    expect(findCredentials({}, undefined).credentials).toEqual({ accessKey: 'D', secretKey: 'DS' })
  })
})

describe('the Node entry', () => {
  test('signs with credentials from the file and takes the site from NCLOUD_SITE', async () => {
    writeConfigure('[DEFAULT]\nncloud_access_key_id = NCPTESTACCESSKEY0001\nncloud_secret_access_key = NCPTESTSECRETKEY-never-to-be-seen-000001\n')
    vi.stubEnv('NCLOUD_SITE', 'fin')
    const { fetch, seen } = scriptedFetch(json(apiKey))
    await createApiKeyClient({ fetch }).getApiKey('k')
    expect(seen[0]!.url).toBe('https://apigateway.apigw.fin-ntruss.com/api/v1/api-keys/k')
    expect(seen[0]!.signatureValid).toBe(true)
  })

  test('fails at creation, before any request, when no credentials exist', () => {
    const { fetch, seen } = scriptedFetch(json(apiKey))
    expect(() => createApiKeyClient({ fetch, baseUrl })).toThrow(NcpCredentialsError)
    expect(seen).toHaveLength(0)
  })

  test('does not read the environment or file when credentials are given', () => {
    expect(() => createApiKeyClient({ credentials: { accessKey: 'a', secretKey: 's' }, baseUrl })).not.toThrow()
  })

  test('refuses an NCLOUD_SITE that is not a site, naming NCLOUD_SITE (not the site option) as the field', () => {
    vi.stubEnv('NCLOUD_SITE', 'moon')
    const error = (() => {
      try {
        createApiKeyClient({ credentials: { accessKey: 'a', secretKey: 's' } })
      } catch (e) {
        return e
      }
    })()
    expect(error).toMatchObject({ name: 'NcpValidationError', field: 'NCLOUD_SITE', limit: 'one of public, gov, fin' })
    expect((error as Error).message).toMatch(/^NCLOUD_SITE must be one of public, gov, fin/)
    expect((error as Error).message).not.toMatch(/--site/)
  })

  test.each([' gov ', 'gov\r', '\tgov'])('NCLOUD_SITE=%j is trimmed, as every NCLOUD_ variable is: the gov site', async (value) => {
    vi.stubEnv('NCLOUD_SITE', value)
    const { fetch, seen } = scriptedFetch(json(apiKey))
    await createApiKeyClient({ credentials, fetch }).getApiKey('k')
    expect(seen[0]!.url).toBe('https://apigateway.apigw.gov-ntruss.com/api/v1/api-keys/k')
  })

  test.each(['', ' ', '\r'])('NCLOUD_SITE=%j, blank, counts as unset: the profile site, else public', async (value) => {
    vi.stubEnv('NCLOUD_SITE', value)
    const { fetch, seen } = scriptedFetch(json(apiKey))
    await createApiKeyClient({ credentials, fetch }).getApiKey('k')
    expect(seen[0]!.url).toBe('https://apigateway.apigw.ntruss.com/api/v1/api-keys/k')
    writeConfigure('[DEFAULT]\nncloud_access_key_id = A\nncloud_secret_access_key = S\nncloud_api_url = https://fin-ncloud.apigw.fin-ntruss.com\n')
    await createApiKeyClient({ fetch }).getApiKey('k')
    expect(seen[1]!.url).toBe('https://apigateway.apigw.fin-ntruss.com/api/v1/api-keys/k')
  })

  test('a site option that is not a site is reported as site', () => {
    expect(() => createApiKeyClient({ credentials: { accessKey: 'a', secretKey: 's' }, site: 'moon' as never })).toThrow(/^site must be one of public, gov, fin/)
  })
})

/** Runs `fn`, expecting an NcpCredentialsError, and checks what every such error must hold. */
function refused(fn: () => unknown, ...secretValues: string[]): NcpCredentialsError {
  const error = thrown(fn)
  const texts = [error.message, ...error.searched, JSON.stringify(error), String(error.stack)]
  for (const secret of ['NEVER-SHOWN-SECRET-0001', ...secretValues]) for (const text of texts) expect(text).not.toContain(secret)
  for (const text of [error.message, ...error.searched]) expect(text).not.toMatch(/ {2}/)
  return error
}

describe('NCLOUD_PROFILE', () => {
  const file = () => join(home, '.ncloud', 'configure')

  test('set but empty or blank, it counts as unset: [DEFAULT] is read', () => {
    writeConfigure('ncloud_access_key_id = BARE\nncloud_secret_access_key = BS\n[DEFAULT]\nncloud_access_key_id = D\nncloud_secret_access_key = DS\n')
    for (const blank of ['', ' ', '\t', '\r']) {
      expect(findCredentials({ NCLOUD_PROFILE: blank }, undefined).credentials.accessKey).toBe('D')
      expect(findCredentials({}, blank).credentials.accessKey).toBe('D')
    }
  })

  test('set but empty, the error names [DEFAULT] and what it found there', () => {
    writeConfigure('[DEFAULT]\nncloud_access_key_id = D\n')
    const error = refused(() => findCredentials({ NCLOUD_PROFILE: '' }, undefined))
    expect(error.searched.at(-1)).toBe(`${file()} ([DEFAULT]): ncloud_access_key_id and ncloud_secret_access_key are not both set`)
  })

  test('a padded profile name picks the section', () => {
    writeConfigure('[prod]\nncloud_access_key_id = P\nncloud_secret_access_key = PS\n')
    expect(findCredentials({ NCLOUD_PROFILE: ' prod\r' }, undefined).credentials.accessKey).toBe('P')
  })

  // AWS SDK v3's default chain: AWS_PROFILE set means the env provider is skipped.
  test('skips the key variables, as AWS_PROFILE does in the AWS SDK v3 default chain', () => {
    writeConfigure('[prod]\nncloud_access_key_id = P\nncloud_secret_access_key = PS\n')
    const env = { NCLOUD_ACCESS_KEY_ID: 'ENV', NCLOUD_SECRET_ACCESS_KEY: 'NEVER-SHOWN-SECRET-0001', NCLOUD_PROFILE: 'prod' }
    expect(findCredentials(env, undefined).credentials).toEqual({ accessKey: 'P', secretKey: 'PS' })
  })

  test('naming a missing profile fails even with key variables set, and says how to use them instead', () => {
    writeConfigure('[DEFAULT]\nncloud_access_key_id = D\nncloud_secret_access_key = DS\n')
    const env = { NCLOUD_ACCESS_KEY_ID: 'ENV', NCLOUD_SECRET_ACCESS_KEY: 'NEVER-SHOWN-SECRET-0001', NCLOUD_PROFILE: 'prod' }
    const error = refused(() => findCredentials(env, undefined))
    expect(error.searched[1]).toMatch(/: skipped, since NCLOUD_PROFILE names the profile "prod"$/)
    expect(error.searched[2]).toBe(`${file()} (profile "prod"): no such section (found: [DEFAULT])`)
    expect(error.message).toMatch(/^No NCP credentials found in the profile "prod" \(named by NCLOUD_PROFILE\)\. /)
    expect(error.message).toContain('unset NCLOUD_PROFILE')
  })
})

describe('values are trimmed, and what no header can carry is refused', () => {
  const padded = [' ', '\t', '\r', '\n', '\r\n', '\u00a0', '\ufeff']

  test('environment values: the key pair is trimmed, and a blank variable counts as unset', () => {
    for (const pad of padded) {
      expect(findCredentials({ NCLOUD_ACCESS_KEY_ID: `${pad}AK${pad}`, NCLOUD_SECRET_ACCESS_KEY: `SK${pad}` }, undefined).credentials).toEqual({
        accessKey: 'AK',
        secretKey: 'SK',
      })
    }
    expect(findCredentials({ NCLOUD_ACCESS_KEY_ID: ' ', NCLOUD_ACCESS_KEY: 'A', NCLOUD_SECRET_ACCESS_KEY: '\r', NCLOUD_SECRET_KEY: 'S' }, undefined).credentials).toEqual({
      accessKey: 'A',
      secretKey: 'S',
    })
  })

  test('file values are trimmed, inside quotes too', () => {
    writeConfigure('[DEFAULT]\r\nncloud_access_key_id = " AK "\r\nncloud_secret_access_key = \'\tSK \'\r\n')
    expect(findCredentials({}, undefined).credentials).toEqual({ accessKey: 'AK', secretKey: 'SK' })
  })

  test('what is signed is what is sent: a padded CRLF .env still gives a valid signature', async () => {
    vi.stubEnv('NCLOUD_ACCESS_KEY_ID', ` ${credentials.accessKey} `)
    vi.stubEnv('NCLOUD_SECRET_ACCESS_KEY', `${credentials.secretKey}\r`)
    const { fetch, seen } = scriptedFetch(json(apiKey))
    await createApiKeyClient({ fetch, baseUrl }).getApiKey('k')
    expect(seen[0]!.headers.get('x-ncp-iam-access-key')).toBe(credentials.accessKey)
    expect(seen[0]!.signatureValid).toBe(true)
  })

  const unsendable = ['A\rK', 'A\nK', 'A\0K', 'A\tK', 'A\x1bK', 'A\x7fK', 'A\x85K', 'A\u2028K', 'AK\u00e9\u4e00', 'A\ufffdK']

  test('refuses an access key from a variable that no HTTP header can carry, naming the variable', () => {
    for (const accessKey of unsendable) {
      for (const name of ['NCLOUD_ACCESS_KEY_ID', 'NCLOUD_ACCESS_KEY']) {
        const error = refused(() => findCredentials({ [name]: accessKey, NCLOUD_SECRET_KEY: 'NEVER-SHOWN-SECRET-0001' }, undefined), accessKey)
        expect(error.message).toMatch(new RegExp(`^The access key in ${name} holds a character that no HTTP header can carry \\(U\\+[0-9A-F]{4}\\)`))
      }
    }
  })

  test('refuses an access key from the file that no HTTP header can carry, naming file, profile and key', () => {
    for (const accessKey of unsendable.filter((k) => !/[\r\n]/.test(k))) {
      writeConfigure(`[prod]\nncloud_access_key_id = ${accessKey}\nncloud_secret_access_key = NEVER-SHOWN-SECRET-0001\n`)
      const error = refused(() => findCredentials({}, 'prod'), accessKey)
      expect(error.message).toContain(`The access key in ${join(home, '.ncloud', 'configure')} [prod] ncloud_access_key_id holds a character`)
    }
  })

  test('refuses an access key with a Latin-1 letter, or a space inside, naming the variable: the rule of the credentials option too', () => {
    for (const accessKey of ['AK\u00e9', 'A K']) {
      vi.stubEnv('NCLOUD_ACCESS_KEY_ID', accessKey)
      vi.stubEnv('NCLOUD_SECRET_ACCESS_KEY', 'NEVER-SHOWN-SECRET-0001')
      expect(refused(() => createApiKeyClient({ baseUrl }), accessKey).message).toMatch(/^The access key in NCLOUD_ACCESS_KEY_ID holds a character that no HTTP header can carry \(U\+00(E9|20)\)/)
    }
  })

  test('refuses a secret key with a control character, never quoting it', () => {
    for (const secret of ['NEVER-SHOWN\r-SECRET', 'NEVER-SHOWN\0-SECRET', 'NEVER-SHOWN\x7f-SECRET', 'NEVER-SHOWN\u4e00SECRET']) {
      const error = refused(() => findCredentials({ NCLOUD_ACCESS_KEY_ID: 'AK', NCLOUD_SECRET_ACCESS_KEY: secret }, undefined), secret, 'NEVER-SHOWN')
      expect(error.message).toMatch(/^The secret key in NCLOUD_SECRET_ACCESS_KEY holds a character/)
      writeConfigure(`[DEFAULT]\nncloud_access_key_id = AK\nncloud_secret_access_key = ${secret.replace('\r', '\v')}\n`)
      expect(refused(() => findCredentials({}, undefined), 'NEVER-SHOWN').message).toMatch(/\[DEFAULT\] ncloud_secret_access_key holds a character/)
    }
  })
})

describe('ncloud_api_url', () => {
  const readme = () => readFileSync(join(import.meta.dirname, '..', 'README.md'), 'utf8')

  test("the README's configure example works as written", () => {
    const ini = /## Credentials[\s\S]*?```ini\n([\s\S]*?)```/.exec(readme())?.[1]
    expect(ini).toBeDefined()
    let n = 0
    writeConfigure(ini!.replace(/^(\s*\S+\s*=\s*)\.\.\.$/gm, (_, key: string) => `${key}VALUE${++n}`))
    expect(findCredentials({}, undefined)).toEqual({ credentials: { accessKey: 'VALUE1', secretKey: 'VALUE2' }, site: 'gov' })
    expect(findCredentials({}, 'prod')).toEqual({ credentials: { accessKey: 'VALUE3', secretKey: 'VALUE4' } })
  })

  test('each site is named by its API URL, with or without scheme, path or trailing dot', () => {
    const cases = {
      'https://ncloud.apigw.ntruss.com': 'public',
      'https://ncloud.apigw.gov-ntruss.com/': 'gov',
      'ncloud.apigw.gov-ntruss.com': 'gov',
      'https://fin-ncloud.apigw.fin-ntruss.com:443/path': 'fin',
      'HTTPS://NCLOUD.APIGW.FIN-NTRUSS.COM.': 'fin',
      'https://ncloud.apigw.gov-ntruss.com/#not-a-comment': 'gov',
    }
    for (const [url, site] of Object.entries(cases)) {
      writeConfigure(`[DEFAULT]\nncloud_access_key_id = A\nncloud_secret_access_key = S\nncloud_api_url = ${url}\n`)
      expect(findCredentials({}, undefined).site).toBe(site)
    }
  })

  test('an ncloud_api_url that names no site is an error naming file, profile and key when the site is taken from it, never a silent public default', () => {
    for (const url of ['https://api.example.com', 'https://ntruss.com.example.org', 'https://gov', 'not a url at all', 'ftp://ncloud.apigw.ntruss.com', 'https://']) {
      writeConfigure(`[prod]\nncloud_access_key_id = A\nncloud_secret_access_key = NEVER-SHOWN-SECRET-0001\nncloud_api_url = ${url}\n`)
      const found = findCredentials({}, 'prod')
      expect(found.site).toBeUndefined()
      for (const choose of [() => chooseSite({ found }), () => createApiKeyClient({ profile: 'prod' })]) {
        const error = refused(choose)
        expect(error.message).toContain(`${join(home, '.ncloud', 'configure')} [prod] ncloud_api_url`)
        for (const host of ['ncloud.apigw.ntruss.com (public)', 'ncloud.apigw.gov-ntruss.com (gov)', 'fin-ncloud.apigw.fin-ntruss.com (fin)']) expect(error.message).toContain(host)
      }
    }
  })

  test('such a profile still gives its credentials where the site is chosen another way: baseUrl, the site option or NCLOUD_SITE', async () => {
    writeConfigure(`[prod]\nncloud_access_key_id = ${credentials.accessKey}\nncloud_secret_access_key = ${credentials.secretKey}\nncloud_api_url = https://api.example.com\n`)
    const { fetch, seen } = scriptedFetch(json(apiKey))
    await createApiKeyClient({ profile: 'prod', baseUrl, fetch }).getApiKey('k')
    await createApiKeyClient({ profile: 'prod', site: 'gov', fetch }).getApiKey('k')
    vi.stubEnv('NCLOUD_SITE', 'fin')
    await createApiKeyClient({ profile: 'prod', fetch }).getApiKey('k')
    expect(seen.map((s) => new URL(s.url).origin)).toEqual(['https://apigw.test', 'https://apigateway.apigw.gov-ntruss.com', 'https://apigateway.apigw.fin-ntruss.com'])
    expect(seen.every((s) => s.signatureValid)).toBe(true)
  })
})

describe('what the caller says and where it looks', () => {
  test('optionHint and optionSearched let a caller such as the CLI name its own ways', () => {
    const error = refused(() => findCredentials({}, undefined, { optionHint: 'pick a section with --profile', optionSearched: null }))
    expect(error.message).toMatch(/^No NCP credentials found\. Set NCLOUD_ACCESS_KEY_ID and NCLOUD_SECRET_ACCESS_KEY, write ~\/\.ncloud\/configure, or pick a section with --profile\. Looked in: environment/)
    expect(error.message).not.toContain('credentials option')
    expect(error.searched).toHaveLength(2)
    const own = refused(() => findCredentials({}, undefined, { optionSearched: 'the --access-key flag: not given' }))
    expect(own.searched[0]).toBe('the --access-key flag: not given')
    expect(own.message).toContain('or pass the credentials option.')
  })

  test('homeDir picks the home whose .ncloud/configure is read', () => {
    const other = mkdtempSync(join(tmpdir(), 'ncloud-other-home-'))
    try {
      mkdirSync(join(other, '.ncloud'))
      writeFileSync(join(other, '.ncloud', 'configure'), '[DEFAULT]\nncloud_access_key_id = OTHER\nncloud_secret_access_key = OS\n')
      writeConfigure('[DEFAULT]\nncloud_access_key_id = HOME\nncloud_secret_access_key = HS\n')
      expect(findCredentials({}, undefined, { homeDir: other }).credentials.accessKey).toBe('OTHER')
      expect(refused(() => findCredentials({}, undefined, { homeDir: join(other, 'none') })).searched.at(-1)).toContain(join(other, 'none', '.ncloud', 'configure'))
    } finally {
      rmSync(other, { recursive: true, force: true })
    }
  })

  test('no message or searched entry quotes a secret key, has a double space or lacks an end', () => {
    const secretKey = 'NEVER-SHOWN-SECRET-0001'
    const cases: Array<[Record<string, string>, string | undefined, string | undefined]> = [
      [{ NCLOUD_SECRET_ACCESS_KEY: secretKey }, undefined, undefined],
      [{ NCLOUD_SECRET_KEY: secretKey, NCLOUD_PROFILE: 'prod' }, undefined, `[DEFAULT]\nncloud_secret_access_key = ${secretKey}\n`],
      [{}, 'prod', `[prod]\nncloud_secret_access_key = ${secretKey}   # the secret\n`],
      [{}, undefined, `[DEFAULT]\nncloud_secret_access_key = ${secretKey}\nncloud_api_url = https://api.example.com\n`],
      [{}, undefined, `[DEFAULT]\nncloud_access_key_id = A\nncloud_secret_access_key = ${secretKey}\nncloud_api_url = https://api.example.com\n`],
      [{}, undefined, `[DEFAULT]\nncloud_access_key_id = ${secretKey}\u0000\nncloud_secret_access_key = ${secretKey}\n`],
    ]
    for (const [env, profile, text] of cases) {
      if (text === undefined) rmSync(join(home, '.ncloud'), { recursive: true, force: true })
      else writeConfigure(text)
      const error = refused(() => chooseSite({ found: findCredentials(env, profile) }), secretKey)
      expect(error.message.split(' Looked in: ')[0]).toMatch(/\.$/)
    }
  })
})

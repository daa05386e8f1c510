import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { ApiKey } from '@ncloud-apigw/client'
import { TEST_CREDENTIALS } from '@ncloud-apigw/testing'
import { describe, expect, test } from 'vitest'
import { masked, maskNotice, noSecretsLeaked, parsed, rows, useFakeCli } from '../../../test/fake-cli.js'
import { exitCodes } from '../../exit-codes.js'

// create, get, update, enable, disable and regenerate against the fake API Gateway.
const harness = useFakeCli()
const { cli } = harness
const gw = () => harness.gw

describe('create and get', () => {
  test('create makes the key and prints it as JSON when stdout is not a terminal, key values masked, and says so on stderr', async () => {
    const out = parsed<ApiKey>(await cli(['api-key', 'create', '--name', 'ci-bot', '--description', 'deploys']))
    const stored = gw().keys.get(out.apiKeyId)!
    expect(stored).toMatchObject({ apiKeyName: 'ci-bot', apiKeyDescription: 'deploys', isEnabled: true })
    expect(out).toEqual({ ...stored, primaryKey: masked(stored.primaryKey), secondaryKey: masked(stored.secondaryKey) })
  })

  test('create --output table prints one row per field, masked, and says so on stderr', async () => {
    const result = await cli(['api-key', 'create', '--name', 'table-bot', '--output', 'table'])
    expect(result.code).toBe(exitCodes.ok)
    const table = rows(result.stdout)
    const stored = gw().keys.get(table.apiKeyId!)!
    expect(table).toEqual({
      apiKeyId: stored.apiKeyId,
      apiKeyName: 'table-bot',
      isEnabled: 'true',
      primaryKey: masked(stored.primaryKey),
      secondaryKey: masked(stored.secondaryKey),
      domainCode: stored.domainCode,
      tenantId: stored.tenantId,
      modifier: stored.modifier,
      modTime: stored.modTime,
    })
    expect(result.stderr).toBe('(primaryKey and secondaryKey are masked; pass --show-secrets to print them)\n')
  })

  test('--show-secrets prints the key values in full, as JSON and as a table, with no notice', async () => {
    const key = gw().seedKey({ apiKeyName: 'shown' })
    expect(parsed(await cli(['api-key', 'get', key.apiKeyId, '--show-secrets']), '')).toEqual(key)
    const result = await cli(['api-key', 'get', key.apiKeyId, '--show-secrets', '--output', 'table'])
    expect(rows(result.stdout)).toMatchObject({ primaryKey: key.primaryKey, secondaryKey: key.secondaryKey })
    expect(result.stderr).toBe('')
  })

  test('get prints the stored key, as JSON and as a table', async () => {
    const key = gw().seedKey({ apiKeyName: 'read-me', apiKeyDescription: 'for get' })
    expect(parsed(await cli(['api-key', 'get', key.apiKeyId]))).toEqual({ ...key, primaryKey: masked(key.primaryKey), secondaryKey: masked(key.secondaryKey) })
    const result = await cli(['api-key', 'get', key.apiKeyId, '--output', 'table'])
    expect(rows(result.stdout)).toMatchObject({ apiKeyId: key.apiKeyId, apiKeyName: 'read-me', apiKeyDescription: 'for get', isEnabled: 'true', primaryKey: masked(key.primaryKey) })
  })

  test('global options work before the command as well as after it', async () => {
    const key = gw().seedKey({ apiKeyName: 'anywhere' })
    const result = await cli(['--base-url', gw().url, '--output', 'table', 'api-key', 'get', key.apiKeyId], { baseUrl: null })
    expect(result.code).toBe(exitCodes.ok)
    expect(rows(result.stdout).apiKeyName).toBe('anywhere')
  })

  test("--profile reads that section of ~/.ncloud/configure (the client's credentials chain)", async () => {
    const profileHome = await mkdtemp(join(tmpdir(), 'ncloud-apigw-cli-profile-'))
    try {
      await mkdir(join(profileHome, '.ncloud'))
      const { accessKey, secretKey } = TEST_CREDENTIALS
      await writeFile(
        join(profileHome, '.ncloud', 'configure'),
        `[DEFAULT]\nncloud_access_key_id = ${accessKey}\nncloud_secret_access_key = wrong-secret\n\n[ci]\nncloud_access_key_id = ${accessKey}\nncloud_secret_access_key = ${secretKey}\n`,
        { mode: 0o600 },
      )
      const key = gw().seedKey({ apiKeyName: 'by-profile' })
      expect(parsed<ApiKey>(await cli(['api-key', 'get', key.apiKeyId, '--profile', 'ci'], { env: { HOME: profileHome } })).apiKeyName).toBe('by-profile')
      // Without --profile, [DEFAULT] and its wrong secret: the API refuses.
      expect((await cli(['api-key', 'get', key.apiKeyId], { env: { HOME: profileHome } })).code).toBe(exitCodes.auth)
      const missing = await cli(['api-key', 'get', key.apiKeyId, '--profile', 'nope'], { env: { HOME: profileHome } })
      expect(missing.code).toBe(exitCodes.auth)
      expect(missing.stderr).toContain('no such section (found: [DEFAULT], [ci])')
    } finally {
      await rm(profileHome, { recursive: true, force: true })
    }
  })
})

describe('update, enable and disable change only what is given', () => {
  test('update --disabled keeps the name and description: it reads the key, then writes all three', async () => {
    const key = gw().seedKey({ apiKeyName: 'before', apiKeyDescription: 'kept' })
    const before = gw().requests.length
    const out = parsed<ApiKey>(await cli(['api-key', 'update', key.apiKeyId, '--disabled']))
    expect(out).toMatchObject({ apiKeyId: key.apiKeyId, apiKeyName: 'before', apiKeyDescription: 'kept', isEnabled: false })
    expect(harness.sentSince(before).map((r) => [r.operationId, r.body])).toEqual([
      ['getApiKey', undefined],
      ['updateApiKey', { apiKeyName: 'before', isEnabled: false, apiKeyDescription: 'kept' }],
    ])
  })

  test('update --name keeps the state; --description "" removes the description', async () => {
    const key = gw().seedKey({ apiKeyName: 'old', apiKeyDescription: 'going', isEnabled: false })
    parsed(await cli(['api-key', 'update', key.apiKeyId, '--name', 'new']))
    expect(gw().keys.get(key.apiKeyId)).toMatchObject({ apiKeyName: 'new', apiKeyDescription: 'going', isEnabled: false })
    parsed(await cli(['api-key', 'update', key.apiKeyId, '--description', '']))
    expect(gw().keys.get(key.apiKeyId)).toMatchObject({ apiKeyName: 'new', apiKeyDescription: '', isEnabled: false })
  })

  test('with the name, the state and the description all given, nothing is read', async () => {
    const key = gw().seedKey({ apiKeyName: 'before' })
    const before = gw().requests.length
    const result = await cli(['api-key', 'update', key.apiKeyId, '--name', 'after', '--enabled', '--description', 'back on', '--output', 'table'])
    expect(result.code).toBe(exitCodes.ok)
    expect(rows(result.stdout)).toMatchObject({ apiKeyName: 'after', isEnabled: 'true', apiKeyDescription: 'back on' })
    expect(harness.sentSince(before).map((r) => [r.operationId, r.body])).toEqual([['updateApiKey', { apiKeyName: 'after', isEnabled: true, apiKeyDescription: 'back on' }]])
  })

  test('update with nothing to change is a usage error, and nothing is sent', async () => {
    const before = gw().requests.length
    const result = await cli(['api-key', 'update', 'x'])
    expect(result.code).toBe(exitCodes.usage)
    expect(result.stderr).toContain('ncloud-apigw: nothing to change: pass --name, --description, --enabled or --disabled\n')
    expect(harness.sentSince(before)).toEqual([])
  })

  test('a refused name is refused before the key is read (exit 3), naming --name', async () => {
    const key = gw().seedKey()
    const before = gw().requests.length
    const result = await cli(['api-key', 'update', key.apiKeyId, '--name', 'n'.repeat(21), '--output', 'table'])
    expect(result.code).toBe(exitCodes.validation)
    expect(result.stderr).toMatch(/^ {2}option: +--name$/m)
    expect(harness.sentSince(before)).toEqual([])
  })

  test.each([
    ['disable', false],
    ['enable', true],
  ])('%s sets the state and keeps the rest', async (command, isEnabled) => {
    const key = gw().seedKey({ apiKeyName: `to-${command}`, apiKeyDescription: 'stays', isEnabled: !isEnabled })
    const out = parsed<ApiKey>(await cli(['api-key', command, key.apiKeyId]))
    expect(out).toMatchObject({ apiKeyName: `to-${command}`, apiKeyDescription: 'stays', isEnabled })
    expect(gw().keys.get(key.apiKeyId)).toMatchObject({ apiKeyName: `to-${command}`, apiKeyDescription: 'stays', isEnabled })
    expect(gw().requests.at(-1)!.body).toEqual({ apiKeyName: `to-${command}`, isEnabled, apiKeyDescription: 'stays' })
  })

  test('disable of an unknown key is the read\'s 404 (exit 5), and nothing is written', async () => {
    const before = gw().requests.length
    const result = await cli(['api-key', 'disable', 'no-such-key'])
    expect(result.code).toBe(exitCodes.api)
    expect(JSON.parse(result.stderr).error).toMatchObject({ operation: 'getApiKey', status: 404 })
    expect(harness.sentSince(before).map((r) => r.operationId)).toEqual(['getApiKey'])
  })
})

describe('regenerate', () => {
  test('--secondary --yes replaces only the secondary key and prints the new one masked', async () => {
    const key = gw().seedKey({ apiKeyName: 'rotate' })
    const out = parsed<ApiKey>(await cli(['api-key', 'regenerate', key.apiKeyId, '--secondary', '--yes']))
    const stored = gw().keys.get(key.apiKeyId)!
    expect(stored.primaryKey).toBe(key.primaryKey)
    expect(stored.secondaryKey).not.toBe(key.secondaryKey)
    expect(out.secondaryKey).toBe(masked(stored.secondaryKey))
    expect(gw().requests.at(-1)).toMatchObject({ operationId: 'regenerateApiKey', body: { keyType: 'SECONDARY' } })
  })

  test('--primary -y --show-secrets prints the new primary key in full', async () => {
    const key = gw().seedKey({ apiKeyName: 'rotate-p' })
    const out = parsed(await cli(['api-key', 'regenerate', key.apiKeyId, '--primary', '-y', '--show-secrets']), '')
    const stored = gw().keys.get(key.apiKeyId)!
    expect(stored.primaryKey).not.toBe(key.primaryKey)
    expect(out).toEqual(stored)
  })

  test('without --yes and without a terminal refuses with a usage error and sends nothing', async () => {
    const key = gw().seedKey({ apiKeyName: 'keep' })
    const before = gw().requests.length
    const result = await cli(['api-key', 'regenerate', key.apiKeyId, '--primary'])
    expect(result.code).toBe(exitCodes.usage)
    expect(result.stderr).toContain('pass --yes')
    expect(result.stdout).toBe('')
    expect(harness.sentSince(before)).toEqual([])
    expect(gw().keys.get(key.apiKeyId)).toEqual(key)
  })
})

test('the masking notice names only the fields masked, and a list without key values has none', async () => {
  const key = gw().seedKey({ apiKeyName: 'half-shown' })
  expect((await cli(['api-key', 'list', '--name', 'half-shown'])).stderr).toBe('')
  gw().injectFault({ kind: 'transform', operationId: 'listApiKeys', transform: (response) => void Object.assign(response.body.apiKeys[0], { primaryKey: key.primaryKey }) })
  const out = parsed<{ apiKeys: ApiKey[] }>(await cli(['api-key', 'list', '--name', 'half-shown']), maskNotice(['primaryKey']))
  expect(out.apiKeys).toMatchObject([{ apiKeyId: key.apiKeyId, primaryKey: masked(key.primaryKey) }])
})

noSecretsLeaked(harness, { runs: 20, shown: true })

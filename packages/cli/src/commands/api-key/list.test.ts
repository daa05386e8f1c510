import type { ApiKey } from '@ncloud-apigw/client'
import { operations } from '@ncloud-apigw/operations'
import { describe, expect, test } from 'vitest'
import { noSecretsLeaked, parsed, useFakeCli } from '../../../test/fake-cli.js'
import { exitCodes } from '../../exit-codes.js'

// list and delete against the fake API Gateway.
const harness = useFakeCli()
const { cli, sentSince } = harness
const gw = () => harness.gw

/** A name no other test uses, so that a name filter lists only this test's keys. */
let names = 0
const uniqueName = (prefix: string) => `${prefix}${++names}-`

describe('list', () => {
  test('prints the page as the API answered it, as JSON, with --name, --limit and --offset sent as the query', async () => {
    const prefix = uniqueName('pg')
    const seeded = [1, 2, 3].map((n) => gw().seedKey({ apiKeyName: `${prefix}${n}`, apiKeyDescription: `key ${n}` }))
    const before = gw().requests.length
    const out: unknown = parsed(await cli(['api-key', 'list', '--name', prefix, '--limit', '2', '--offset', '1']), '')
    expect(sentSince(before)).toMatchObject([{ operationId: 'listApiKeys', path: `/api/v1/api-keys?offset=1&limit=2&apiKeyName=${encodeURIComponent(prefix)}` }])
    const summary = ({ primaryKey: _p, secondaryKey: _s, ...rest }: ApiKey) => rest
    expect(out).toEqual({ apiKeys: seeded.slice(1, 3).map(summary), total: 3, initialCount: gw().keys.size })
  })

  test('prints a table on request: a header, one row per key, the count on stderr', async () => {
    const prefix = uniqueName('tb')
    const seeded = [gw().seedKey({ apiKeyName: `${prefix}a`, apiKeyDescription: 'first' }), gw().seedKey({ apiKeyName: `${prefix}b`, isEnabled: false })]
    const result = await cli(['api-key', 'list', '--name', prefix, '--output', 'table'])
    expect(result.code).toBe(exitCodes.ok)
    const [header, ...lines] = result.stdout.trimEnd().split('\n')
    expect(header!.split(/\s+/)).toEqual(['apiKeyId', 'apiKeyName', 'isEnabled', 'modTime', 'apiKeyDescription'])
    expect(lines.map((line) => line.split(/\s+/))).toEqual([
      [seeded[0]!.apiKeyId, `${prefix}a`, 'true', seeded[0]!.modTime, 'first'],
      [seeded[1]!.apiKeyId, `${prefix}b`, 'false', seeded[1]!.modTime],
    ])
    expect(result.stderr).toBe('(2 API keys)\n')
  })

  test('a page short of the total says how to get the next one', async () => {
    const prefix = uniqueName('nx')
    for (const n of [1, 2, 3]) gw().seedKey({ apiKeyName: `${prefix}${n}` })
    const result = await cli(['api-key', 'list', '--name', prefix, '--limit', '2', '--output', 'table'])
    expect(result.stderr).toBe('(2 API keys of 3; --offset 2 for the next page, --all for every one)\n')
  })

  test('--all walks every page and prints {apiKeys, total} as JSON', async () => {
    const prefix = uniqueName('all')
    // More than one page of the client's default page size (100).
    const seeded = Array.from({ length: 105 }, (_, n) => gw().seedKey({ apiKeyName: `${prefix}${n}` }))
    const before = gw().requests.length
    const out = parsed<{ apiKeys: { apiKeyId: string }[]; total: number }>(await cli(['api-key', 'list', '--all', '--name', prefix]), '')
    expect(out.total).toBe(105)
    expect(Object.keys(out)).toEqual(['apiKeys', 'total'])
    expect(out.apiKeys.map((key) => key.apiKeyId)).toEqual(seeded.map((key) => key.apiKeyId))
    const pages = sentSince(before).map((request) => new URL(request.path, gw().url).searchParams.get('offset'))
    expect(pages).toEqual(['0', '100'])
  })

  test('--all as a table prints every key and their number on stderr', async () => {
    const prefix = uniqueName('allt')
    for (const n of [1, 2, 3]) gw().seedKey({ apiKeyName: `${prefix}${n}` })
    const result = await cli(['api-key', 'list', '--all', '--name', prefix, '--output', 'table'])
    expect(result.code).toBe(exitCodes.ok)
    expect(result.stdout.trimEnd().split('\n')).toHaveLength(4)
    expect(result.stderr).toBe('(3 API keys)\n')
  })

  test('a --limit that is not decimal digits is a usage error naming --limit, and nothing is sent', async () => {
    const before = gw().requests.length
    const result = await cli(['api-key', 'list', '--limit', 'abc'])
    expect(result.code).toBe(exitCodes.usage)
    expect(result.stderr).toContain("ncloud-apigw: option '--limit <n>' argument 'abc' is invalid. Give a whole number in decimal digits, such as 20.")
    expect(sentSince(before)).toEqual([])
  })
})

describe('delete', () => {
  test('--yes deletes the key and prints {apiKeyId, deleted: true} as JSON', async () => {
    const key = gw().seedKey({ apiKeyName: 'doomed' })
    const result = await cli(['api-key', 'delete', key.apiKeyId, '--yes'])
    expect(result).toMatchObject({ code: exitCodes.ok, stderr: '' })
    expect(JSON.parse(result.stdout)).toEqual({ apiKeyId: key.apiKeyId, deleted: true })
    expect(gw().keys.has(key.apiKeyId)).toBe(false)
    expect(gw().requests.at(-1)).toMatchObject({ operationId: 'deleteApiKey', status: operations.deleteApiKey.success })
  })

  test('-y --output table says so in a line', async () => {
    const key = gw().seedKey({ apiKeyName: 'doomed-t' })
    const result = await cli(['api-key', 'delete', key.apiKeyId, '-y', '--output', 'table'])
    expect(result).toEqual({ code: exitCodes.ok, stdout: `Deleted the API key "${key.apiKeyId}".\n`, stderr: '' })
    expect(gw().keys.has(key.apiKeyId)).toBe(false)
  })

  test('without --yes and without a terminal refuses with a usage error and sends nothing', async () => {
    const key = gw().seedKey({ apiKeyName: 'spared' })
    const before = gw().requests.length
    const result = await cli(['api-key', 'delete', key.apiKeyId])
    expect(result.code).toBe(exitCodes.usage)
    expect(result.stderr).toContain(`ncloud-apigw: delete removes the API key "${key.apiKeyId}" for good; pass --yes to confirm`)
    expect(result.stdout).toBe('')
    expect(sentSince(before)).toEqual([])
    expect(gw().keys.get(key.apiKeyId)).toEqual(key)
  })

  test('an unknown id is an API error (exit 5)', async () => {
    const result = await cli(['api-key', 'delete', 'no-such-key', '--yes'])
    expect(result.code).toBe(exitCodes.api)
    expect(JSON.parse(result.stderr).error).toMatchObject({ name: 'NcpApiError', operation: 'deleteApiKey', status: 404, errorCode: '300' })
    expect(result.stdout).toBe('')
  })
})

noSecretsLeaked(harness, { runs: 10, shown: false })

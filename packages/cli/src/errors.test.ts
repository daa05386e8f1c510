import { baseUrlProblem } from '@ncloud-apigw/client'
import { createServer } from 'node:net'
import { join } from 'node:path'
import { describe as limitOf, operations } from '@ncloud-apigw/operations'
import { describe, expect, test } from 'vitest'
import { noSecretsLeaked, useFakeCli } from '../test/fake-cli.js'
import { exitCodes } from './exit-codes.js'

// Exit codes and error messages, against the fake API Gateway.
const harness = useFakeCli()
const { cli, sentSince } = harness
const gw = () => harness.gw
const home = () => harness.home
const credentialsEnv = () => harness.env()

describe('exit codes and messages', () => {
  test.each([
    ['an unknown flag', ['api-key', 'get', 'x', '--bogus'], "unknown option '--bogus'"],
    ['a missing id', ['api-key', 'get'], "missing required argument 'api-key-id'"],
    ['a missing id on update', ['api-key', 'update', '--name', 'ci-bot', '--enabled'], "missing required argument 'api-key-id'"],
    ['a missing --name', ['api-key', 'create'], "required option '--name <name>' not specified"],
    ['both --enabled and --disabled', ['api-key', 'update', 'x', '--name', 'ci-bot', '--enabled', '--disabled'], "option '--enabled' cannot be used with option '--disabled'"],
    ['nothing to change on update', ['api-key', 'update', 'x'], 'nothing to change: pass --name, --description, --enabled or --disabled'],
    ['a missing --product on subscribe', ['api-key', 'subscribe', 'x'], "required option '--product <product-id>' not specified"],
    ['an unknown --status', ['api-key', 'search', '--product', 'p', '--status', 'MAYBE'], "argument 'MAYBE' is invalid. Allowed choices are REQUEST, DENY, ACCEPTED, REJECTED, BLOCKED_REQUEST"],
    ['a missing stage on usage-plan', ['product', 'usage-plan', 'p', 'k', '--plan', 'u'], "missing required argument 'stage-id'"],
    ['--all with --offset on products', ['api-key', 'products', 'x', '--all', '--offset', '5'], "option '--offset <n>' cannot be used with option '--all'"],
    ['unsubscribe without --yes and no terminal', ['api-key', 'unsubscribe', 'x', '--product', 'p'], 'pass --yes to confirm'],
    ['both --primary and --secondary', ['api-key', 'regenerate', 'x', '--primary', '--secondary', '--yes'], "option '--primary' cannot be used with option '--secondary'"],
    ['neither --primary nor --secondary', ['api-key', 'regenerate', 'x', '--yes'], 'pass one of --primary or --secondary'],
    ['an unknown command', ['api-key', 'remove', 'x'], "unknown command 'remove'"],
    ['an extra argument', ['api-key', 'get', 'x', 'y'], 'too many arguments'],
    ['an unknown --output', ['api-key', 'get', 'x', '--output', 'yaml'], "argument 'yaml' is invalid. Allowed choices are json, table"],
    ['an unknown --site', ['api-key', 'get', 'x', '--site', 'moon'], 'Allowed choices are public, gov, fin'],
    ['a --base-url that is not a URL', ['api-key', 'get', 'x', '--base-url', 'not a url'], `option '--base-url <url>' must be ${baseUrlProblem('not a url')!.limit}, got ${baseUrlProblem('not a url')!.got}`],
    ['a --timeout that is not decimal digits', ['api-key', 'get', 'x', '--timeout', 'soon'], "option '--timeout <ms>' argument 'soon' is invalid"],
    ['a --limit that is not decimal digits', ['api-key', 'list', '--limit', 'abc'], "option '--limit <n>' argument 'abc' is invalid"],
    ['a --limit in another notation', ['api-key', 'list', '--limit', '1e3'], "option '--limit <n>' argument '1e3' is invalid"],
    ['a negative --offset', ['api-key', 'list', '--offset', '-1'], "option '--offset <n>' argument '-1' is invalid"],
    ['--all with --limit', ['api-key', 'list', '--all', '--limit', '5'], "option '--limit <n>' cannot be used with option '--all'"],
    ['a missing id on delete', ['api-key', 'delete', '--yes'], "missing required argument 'api-key-id'"],
  ])('%s is a usage error (exit 2), and nothing is sent', async (_, args, message) => {
    const before = gw().requests.length
    const result = await cli(args)
    expect(result.code).toBe(exitCodes.usage)
    expect(result.stderr).toContain(message)
    expect(result.stderr).toContain('--help')
    // One prefix for every line of it.
    for (const line of result.stderr.trimEnd().split('\n')) expect(line).toMatch(/^ncloud-apigw: /)
    expect(result.stdout).toBe('')
    expect(sentSince(before)).toEqual([])
  })

  test('no command prints the help on stderr with a usage error', async () => {
    const result = await cli([], { baseUrl: null })
    expect(result.code).toBe(exitCodes.usage)
    expect(result.stderr).toContain('Usage: ncloud-apigw [options] [command]')
    expect(result.stdout).toBe('')
  })

  test('a name one character over the spec\'s limit is a validation error (exit 3) naming --name and its limit, and nothing is sent', async () => {
    const schema = operations.createApiKey.body.properties.apiKeyName
    const length = schema.maxLength + 1
    const before = gw().requests.length
    const result = await cli(['api-key', 'create', '--name', 'x'.repeat(length), '--output', 'table'])
    expect(result.code).toBe(exitCodes.validation)
    expect(result.stderr).toContain(`ncloud-apigw: apiKeyName must be ${limitOf(schema)}, got ${length} characters (createApiKey); nothing was sent.\n`)
    expect(result.stderr).toMatch(new RegExp(`^ {2}got: +${length} characters$`, 'm'))
    expect(result.stderr).toMatch(/^ {2}option: +--name$/m)
    expect(result.stdout).toBe('')
    expect(sentSince(before)).toEqual([])
  })

  test('a description over the spec\'s limit on update is a validation error (exit 3), as JSON when --output is json', async () => {
    const schema = operations.updateApiKey.body.properties.apiKeyDescription
    const length = schema.maxLength + 1
    const key = gw().seedKey()
    const result = await cli(['api-key', 'update', key.apiKeyId, '--name', 'ci-bot', '--enabled', '--description', 'd'.repeat(length)])
    expect(result.code).toBe(exitCodes.validation)
    expect(JSON.parse(result.stderr)).toEqual({
      error: expect.objectContaining({
        name: 'NcpValidationError',
        operation: 'updateApiKey',
        field: 'apiKeyDescription',
        limit: limitOf(schema),
        got: `${length} characters`,
        length,
        option: '--description',
      }),
    })
  })

  test('a --timeout of 0 is refused by the client (exit 3), naming --timeout', async () => {
    const result = await cli(['api-key', 'get', 'x', '--timeout', '0', '--output', 'table'])
    expect(result.code).toBe(exitCodes.validation)
    expect(result.stderr).toContain('ncloud-apigw: --timeout must be an integer from 1 to')
    expect(result.stderr.split('\n')[0]).not.toContain('timeoutMs')
    expect(result.stderr).toMatch(/^ {2}option: +--timeout$/m)
  })

  test('a --limit below the spec\'s minimum is a validation error (exit 3) naming --limit, and nothing is sent', async () => {
    const schema = operations.listApiKeys.query.limit
    const before = gw().requests.length
    const result = await cli(['api-key', 'list', '--limit', String(schema.minimum - 1), '--output', 'table'])
    expect(result.code).toBe(exitCodes.validation)
    expect(result.stderr).toContain(`limit must be ${limitOf(schema)}, got ${schema.minimum - 1} (listApiKeys); nothing was sent.`)
    expect(result.stderr).toMatch(/^ {2}option: +--limit$/m)
    expect(sentSince(before)).toEqual([])
  })

  test('a wrong secret key is an auth error (exit 4) with NCP\'s status, errorCode, message and details', async () => {
    const result = await cli(['api-key', 'create', '--name', 'never', '--output', 'table'], {
      env: { ...credentialsEnv(), NCLOUD_SECRET_ACCESS_KEY: 'not-the-secret-key' },
    })
    expect(result.code).toBe(exitCodes.auth)
    const request = gw().requests.at(-1)!
    expect(result.stderr).toMatch(/^ {2}status: +401$/m)
    expect(result.stderr).toMatch(/^ {2}errorCode: +200$/m)
    expect(result.stderr).toMatch(/^ {2}message: +Authentication Failed$/m)
    expect(result.stderr).toMatch(/^ {2}details: +\S/m)
    expect(result.stderr).toMatch(new RegExp(`^ {2}traceId: +${request.traceId}$`, 'm'))
    expect(result.stderr).not.toContain('not-the-secret-key')
  })

  test('a 403 from the gateway is an auth error too (exit 4)', async () => {
    const key = gw().seedKey()
    gw().injectFault({ kind: 'status', status: 403, operationId: 'getApiKey' })
    const result = await cli(['api-key', 'get', key.apiKeyId])
    expect(result.code).toBe(exitCodes.auth)
    expect(JSON.parse(result.stderr).error).toMatchObject({ name: 'NcpApiError', status: 403, errorCode: '230' })
  })

  test('missing credentials are an auth error (exit 4) that says where it looked and what to do in the CLI\'s terms, and nothing is sent', async () => {
    const before = gw().requests.length
    const result = await cli(['api-key', 'get', 'x', '--output', 'table'], { env: { HOME: home() } })
    expect(result.code).toBe(exitCodes.auth)
    const [headline] = result.stderr.split('\n')
    expect(headline).toMatch(/^ncloud-apigw: No NCP credentials found\. Set NCLOUD_ACCESS_KEY_ID and NCLOUD_SECRET_ACCESS_KEY, write ~\/\.ncloud\/configure, or name one of its sections with --profile\. Looked in: /)
    expect(headline).toContain(join(home(), '.ncloud', 'configure'))
    // The CLI has no credentials option, so the library's advice to pass one must not show.
    expect(result.stderr).not.toContain('credentials option')
    expect(result.stderr).not.toMatch(/\S {2,}\S/)
    expect(sentSince(before)).toEqual([])
  })

  test('an unknown NCLOUD_SITE is reported as NCLOUD_SITE, not as --site (exit 3), and nothing is sent', async () => {
    const text = await cli(['api-key', 'get', 'x', '--output', 'table'], { env: { ...credentialsEnv(), NCLOUD_SITE: 'bogus' }, baseUrl: null })
    expect(text.code).toBe(exitCodes.validation)
    expect(text.stderr).toContain('ncloud-apigw: NCLOUD_SITE must be one of public, gov, fin')
    expect(text.stderr).not.toMatch(/option: +--site/)
    expect(text.stderr).toMatch(/^ {2}hint: +set NCLOUD_SITE to one of public, gov, fin, or unset it; --site overrides it$/m)
    const json = await cli(['api-key', 'get', 'x'], { env: { ...credentialsEnv(), NCLOUD_SITE: 'bogus' }, baseUrl: null })
    expect(JSON.parse(json.stderr).error).toMatchObject({ name: 'NcpValidationError', field: 'NCLOUD_SITE' })
    expect(JSON.parse(json.stderr).error.option).toBeUndefined()
  })

  test('an unknown id is an API error (exit 5) with status 404, errorCode 300, details and the trace ID', async () => {
    const text = await cli(['api-key', 'get', 'no-such-key', '--output', 'table'])
    expect(text.code).toBe(exitCodes.api)
    expect(text.stdout).toBe('')
    expect(text.stderr).toContain('ncloud-apigw: getApiKey failed: HTTP 404')
    expect(text.stderr).toMatch(/^ {2}status: +404$/m)
    expect(text.stderr).toMatch(/^ {2}errorCode: +300$/m)
    expect(text.stderr).toMatch(/^ {2}message: +Not Found Exception$/m)
    expect(text.stderr).toMatch(/^ {2}details: +.*no-such-key/m)
    expect(text.stderr).toMatch(new RegExp(`^ {2}traceId: +${gw().requests.at(-1)!.traceId}$`, 'm'))

    const json = await cli(['api-key', 'update', 'no-such-key', '--name', 'ci-bot', '--disabled'])
    expect(json.code).toBe(exitCodes.api)
    expect(JSON.parse(json.stderr).error).toMatchObject({
      name: 'NcpApiError',
      status: 404,
      errorCode: '300',
      errorMessage: 'Not Found Exception',
      details: expect.stringContaining('no-such-key'),
      traceId: gw().requests.at(-1)!.traceId,
    })
  })

  test('a 503 that outlasts the retries is an API error (exit 5) that says how many attempts were made', async () => {
    const key = gw().seedKey()
    gw().injectFault({ kind: 'status', status: 503, times: 3, operationId: 'getApiKey' })
    const result = await cli(['api-key', 'get', key.apiKeyId, '--output', 'table'])
    expect(result.code).toBe(exitCodes.api)
    expect(result.stderr).toMatch(/^ {2}status: +503$/m)
    expect(result.stderr.split('\n')[0]).toMatch(/ Gave up after 3 attempts\.$/)
    expect(result.stderr).toMatch(/^ {2}attempts: +3$/m)
    gw().injectFault({ kind: 'status', status: 503, times: 3, operationId: 'getApiKey' })
    const json = await cli(['api-key', 'get', key.apiKeyId, '--timeout', '5000'])
    expect(JSON.parse(json.stderr).error).toMatchObject({ status: 503, attempts: 3, message: expect.stringMatching(/Gave up after 3 attempts\.$/) })
  })

  test('a 429 that asks for a wait longer than the client waits says how long the server asked for', async () => {
    const key = gw().seedKey()
    gw().injectFault({ kind: 'status', status: 429, errorCode: '410', retryAfter: 120, operationId: 'getApiKey' })
    const result = await cli(['api-key', 'get', key.apiKeyId, '--output', 'table'])
    expect(result.code).toBe(exitCodes.api)
    expect(result.stderr.split('\n')[0]).toMatch(/ Gave up after 1 attempt\. The server asked to wait 120 s before trying again\.$/)
    expect(result.stderr).toMatch(/^ {2}attempts: +1$/m)
  })

  test('a 503 on create, which is not repeated, says why there was one attempt', async () => {
    gw().injectFault({ kind: 'status', status: 503, operationId: 'createApiKey' })
    const result = await cli(['api-key', 'create', '--name', 'once', '--output', 'table'])
    expect(result.code).toBe(exitCodes.api)
    expect(result.stderr.split('\n')[0]).toMatch(/ Made 1 attempt: createApiKey is not repeated, since a repeat could do it twice\.$/)
  })

  test('a 404 is not about attempts', async () => {
    const result = await cli(['api-key', 'get', 'no-such-key', '--output', 'table'])
    expect(result.stderr).not.toMatch(/attempt/)
  })

  test('a refused connection is a network error (exit 6)', async () => {
    const server = createServer()
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const { port } = server.address() as { port: number }
    await new Promise((resolve) => server.close(resolve))
    const result = await cli(['api-key', 'get', 'x', '--output', 'table'], { baseUrl: `http://127.0.0.1:${port}/api/v1` })
    expect(result.code).toBe(exitCodes.network)
    expect(result.stderr).toMatch(/getApiKey attempt 3 got no answer \(fetch failed: connect ECONNREFUSED/)
    // In JSON the cause keeps its code, which scripts test rather than parse the text.
    const json = await cli(['api-key', 'get', 'x'], { baseUrl: `http://127.0.0.1:${port}/api/v1` })
    expect(JSON.parse(json.stderr).error).toMatchObject({ name: 'NcpNetworkError', attempts: 3, cause: { code: 'ECONNREFUSED' } })
  })

  test('an answer slower than --timeout is a network error (exit 6) that suggests a larger --timeout', async () => {
    // Whether the attempt times out at the fake or before it gets there (a loaded machine), the
    // answer is the same, and no hang is left queued for a later test's create.
    const hang = gw().injectFault({ kind: 'hang', operationId: 'createApiKey', times: Infinity })
    try {
      const result = await cli(['api-key', 'create', '--name', 'slow', '--timeout', '300', '--output', 'table'])
      expect(result.code).toBe(exitCodes.network)
      expect(result.stderr).toMatch(/^ncloud-apigw: createApiKey timed out after 300 ms; pass a larger --timeout \(milliseconds\) if the network is slow\.$/m)
      expect(result.stderr).not.toContain('timeoutMs')
    } finally {
      hang.remove()
    }
  })
})


noSecretsLeaked(harness, { runs: 30, shown: false })

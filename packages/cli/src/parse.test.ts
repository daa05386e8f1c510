import { InvalidArgumentError } from 'commander'
import { describe, expect, test } from 'vitest'
import { baseUrlProblem } from '@ncloud-apigw/client'
import { runInProcess } from '../test/run-cli.js'
import { exitCodes } from './exit-codes.js'
import { wholeNumber } from './parse.js'

describe('wholeNumber', () => {
  const parse = wholeNumber('20')

  test.each([['0', 0], ['20', 20], ['007', 7], ['9007199254740991', 9007199254740991]])('%j is %d', (text, number) => {
    expect(parse(text)).toBe(number)
  })

  test.each(['', 'abc', '1e3', '0x10', '-1', '+1', '2.5', ' 1', '1 ', 'Infinity', '9007199254740993'])('%j is refused', (text) => {
    expect(() => parse(text)).toThrow(InvalidArgumentError)
    expect(() => parse(text)).toThrow('Give a whole number in decimal digits, such as 20.')
  })
})

describe("--base-url, held to the client's rule", () => {
  test.each([
    ['a user and password', 'https://operator:hunter2@example.com/api/v1'],
    ['a user alone', 'https://hunter2@example.com/api/v1'],
    ['an unparsable URL with a password', 'https://operator:hunter2@exa mple/api/v1'],
    ['another scheme', 'ftp://hunter2.example.com/api/v1'],
    ['a query', 'https://example.com/api/v1?token=hunter2'],
    ['a fragment', 'https://example.com/api/v1#hunter2'],
  ])("%s is a usage error in the client's words, without quoting the value", async (_, url) => {
    const problem = baseUrlProblem(url)!
    const result = await runInProcess(['--base-url', url, 'api-key', 'list'], {})
    expect(result.code).toBe(exitCodes.usage)
    expect(result.stderr).toContain(`option '--base-url <url>' must be ${problem.limit}, got ${problem.got}`)
    expect(result.stderr).not.toContain('hunter2')
    expect(result.stderr).not.toContain('operator')
  })
})

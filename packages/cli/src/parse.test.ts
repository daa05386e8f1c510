import { InvalidArgumentError } from 'commander'
import { describe, expect, test } from 'vitest'
import { baseUrlProblem, wholeNumber } from './parse.js'

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

describe('baseUrlProblem', () => {
  const example = 'https://apigateway.apigw.ntruss.com/api/v1'

  test('a usable URL has none', () => {
    expect(baseUrlProblem('http://127.0.0.1:8080/api/v1', example)).toBeUndefined()
    expect(baseUrlProblem(example, example)).toBeUndefined()
  })

  test.each([
    ['a user and password', 'https://operator:hunter2@example.com/api/v1', 'holds a user name or password'],
    ['a user alone', 'https://hunter2@example.com/api/v1', 'holds a user name or password'],
    ['an unparsable URL with a password', 'https://operator:hunter2@exa mple/api/v1', 'is not a URL'],
    ['another scheme', 'ftp://hunter2.example.com/api/v1', 'is not an http: or https: URL'],
    ['a query', 'https://example.com/api/v1?token=hunter2', 'has a query or fragment'],
    ['a fragment', 'https://example.com/api/v1#hunter2', 'has a query or fragment'],
  ])('%s is refused without quoting the value', (_, url, problem) => {
    const text = baseUrlProblem(url, example)!
    expect(text).toContain(problem)
    expect(text).not.toContain('hunter2')
    expect(text).not.toContain('operator')
  })
})

import { expect, test } from 'vitest'
import { parseConfigure } from './configure-file.js'

test('reads sections, keys before any section, comments, quotes and CRLF', () => {
  const { sections } = parseConfigure(
    [
      'ncloud_access_key_id = top',
      '# a comment',
      '[DEFAULT]',
      'ncloud_access_key_id=AK',
      '  NCLOUD_SECRET_ACCESS_KEY = "S=K"  ',
      '; another comment',
      '[ prod ]',
      "ncloud_api_url = 'https://ncloud.apigw.gov-ntruss.com'",
      'not a key line',
    ].join('\r\n'),
  )
  expect(Object.fromEntries(sections)).toEqual({
    '': { ncloud_access_key_id: 'top' },
    DEFAULT: { ncloud_access_key_id: 'AK', ncloud_secret_access_key: 'S=K' },
    prod: { ncloud_api_url: 'https://ncloud.apigw.gov-ntruss.com' },
  })
})

test('strips # and ; comments that follow whitespace, on key lines and headers alike', () => {
  const { sections } = parseConfigure(
    [
      '[DEFAULT] # the default profile',
      'ncloud_access_key_id = AK # my key',
      'ncloud_secret_access_key = SK\t; tab before it',
      'ncloud_api_url = https://ncloud.apigw.gov-ntruss.com   # the gov site',
      '[prod];no space, so not a comment',
      '[ staging ]   ; staging',
      'ncloud_api_url = https://ncloud.apigw.ntruss.com/#fragment',
      'ncloud_access_key_id = a;b#c',
      '  # an indented comment = not a key',
      '\t; another = not a key',
      'ncloud_secret_access_key = "quoted" # after quotes',
      'empty = # nothing before the comment',
    ].join('\n'),
  )
  expect(Object.fromEntries(sections)).toEqual({
    '': {},
    DEFAULT: { ncloud_access_key_id: 'AK', ncloud_secret_access_key: 'SK', ncloud_api_url: 'https://ncloud.apigw.gov-ntruss.com' },
    staging: {
      ncloud_api_url: 'https://ncloud.apigw.ntruss.com/#fragment',
      ncloud_access_key_id: 'a;b#c',
      ncloud_secret_access_key: 'quoted',
      empty: '',
    },
  })
})

test('a comment after a header does not send the keys beneath it into the section before', () => {
  const { sections } = parseConfigure('[DEFAULT]\nncloud_access_key_id = D\n[prod]   # production\nncloud_access_key_id = P\n')
  expect(sections.get('DEFAULT')).toEqual({ ncloud_access_key_id: 'D' })
  expect(sections.get('prod')).toEqual({ ncloud_access_key_id: 'P' })
})

test('a byte order mark and CR line ends are not part of the first header or any value', () => {
  const { sections } = parseConfigure('\ufeff[DEFAULT]\r\nncloud_access_key_id = AK\r\n')
  expect(sections.get('DEFAULT')).toEqual({ ncloud_access_key_id: 'AK' })
})

test('a line that is none of header, key line or comment is kept as unread, by section, naming only a known key it starts with', () => {
  const { sections, unread } = parseConfigure(
    ['[DEFAULT]', 'ncloud_access_key_id NCPACCESSKEY0001', 'NCLOUD_SECRET_ACCESS_KEY: SECRETVALUE', '[prod]', 'SECRETVALUE-pasted-alone', '= no name', 'ncloud_api_url = https://x'].join('\n'),
  )
  expect(sections.get('DEFAULT')).toEqual({})
  expect(Object.fromEntries(unread)).toEqual({
    DEFAULT: [
      { line: 2, key: 'ncloud_access_key_id' },
      { line: 3, key: 'ncloud_secret_access_key' },
    ],
    prod: [{ line: 5 }, { line: 6 }],
  })
})

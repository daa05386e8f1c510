import { expect, test } from 'vitest'
import { parseConfigure } from './configure-file.js'

test('reads sections, keys before any section, comments, quotes and CRLF', () => {
  const sections = parseConfigure(
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

import { describe, expect, test } from 'vitest'
import { chromiumExecutable } from './chromium.mjs'

describe('chromiumExecutable', () => {
  test("is Debian's /usr/bin/chromium unless CHROMIUM_PATH names another", () => {
    expect(chromiumExecutable({}, (path) => path === '/usr/bin/chromium')).toBe('/usr/bin/chromium')
    expect(chromiumExecutable({ CHROMIUM_PATH: '/opt/chrome' }, (path) => path === '/opt/chrome')).toBe('/opt/chrome')
  })

  test('fails, saying how to install Chromium, when it is missing', () => {
    expect(() => chromiumExecutable({}, () => false)).toThrow(
      /^Chromium is not installed at \/usr\/bin\/chromium\. Install Debian's package with `apt-get install -y chromium`/,
    )
  })
})

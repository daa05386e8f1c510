import { describe, expect, test } from 'vitest'
import { displayWidth, json, padEnd, quoteId, visible, visibleLines } from './text.js'

const measure = await displayWidth()

describe('visible', () => {
  test.each([
    ['a window title', '\x1b]0;owned\x07', '\\x1b]0;owned\\x07'],
    ['a screen clear', '\x1b[2J\x1b[H', '\\x1b[2J\\x1b[H'],
    ['a forged line', 'ok\r\n  status: 200', 'ok\\r\\n  status: 200'],
    ['a tab and NUL', 'a\tb\0', 'a\\tb\\x00'],
    ['DEL and a C1 CSI', '\x7f\x9b2J', '\\x7f\\x9b2J'],
    ['a bidirectional override', 'abc\u202edef', 'abc\\u202edef'],
    ['the line separator', 'a\u2028b', 'a\\u2028b'],
  ])('shows %s as escapes', (_, text, shown) => {
    expect(visible(text)).toBe(shown)
  })

  test('leaves printable text alone, Hangul and emoji included', () => {
    expect(visible('ci-bot 한국어 🔑 "quoted" back\\slash')).toBe('ci-bot 한국어 🔑 "quoted" back\\slash')
  })

  test('visibleLines keeps line ends but escapes what is within lines', () => {
    expect(visibleLines('Error: x\x1b[2J\n    at f')).toBe('Error: x\\x1b[2J\n    at f')
  })

  test('quoteId quotes an ID with its controls made visible', () => {
    expect(quoteId('ab\x1b[2Jcd')).toBe('"ab\\x1b[2Jcd"')
  })
})

describe('json', () => {
  test('escapes what JSON.stringify leaves raw, and reads back as the same value', () => {
    const value = { name: 'a\x1b\x9b\u202e\u2028b', nested: ['\r\n'] }
    for (const pretty of [true, false]) {
      const text = json(value, pretty)
      expect(text).not.toMatch(/[\u001b\u009b\u202e\u2028\r]/)
      expect(JSON.parse(text)).toEqual(value)
    }
    expect(json(value, true)).toContain('\n  "name"')
  })
})

describe('display width', () => {
  test('counts Hangul and CJK as two columns, combining marks as none', () => {
    expect(measure('abc')).toBe(3)
    expect(measure('한국어')).toBe(6)
    expect(measure('e\u0301')).toBe(1)
    expect(padEnd('한', 4, measure)).toBe('한  ')
    expect(padEnd('toolong', 3, measure)).toBe('toolong')
  })

  test.each([
    ['an emoji', '🚀', 2],
    ['an emoji with a skin tone', '👍🏽', 2],
    ['a ZWJ family', '👨‍👩‍👧‍👦', 2],
    ['a flag', '🇰🇷', 2],
    ['an emoji with a variation selector', '❤️', 2],
    ['a keycap', '1️⃣', 2],
  ])('counts %s as terminals draw it: two columns', (_, text, width) => {
    expect(measure(text)).toBe(width)
    expect(measure(`a${text}b`)).toBe(width + 2)
  })
})

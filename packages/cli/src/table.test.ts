import { describe, expect, test } from 'vitest'
import { formatRecord, formatTable, MAX_COLUMN_WIDTH } from './table.js'
import { displayWidth } from './text.js'

const measure = await displayWidth()

describe('tables', () => {
  test('a record lists the ordered fields first, then the others, aligned', () => {
    expect(formatRecord({ z: 1, b: 'x', a: true }, ['a', 'b', 'missing'], measure)).toBe('a  true\nb  x\nz  1\n')
  })

  test('columns are aligned by the width terminals draw: emoji and Hangul two columns', () => {
    const text = formatTable([{ name: '🚀 go', note: 'x' }, { name: '한국', note: 'y' }, { name: '👨‍👩‍👧', note: 'z' }], ['name', 'note'], measure)
    const positions = text
      .trimEnd()
      .split('\n')
      .map((line) => measure(line.slice(0, line.lastIndexOf(' ') + 1)))
    expect(new Set(positions).size).toBe(1)
  })

  test('130,000 rows make a table (no RangeError from spreading the widths)', () => {
    const items = Array.from({ length: 130_000 }, (_, i) => ({ id: `k${i}`, name: 'n' }))
    const text = formatTable(items, ['id', 'name'], measure)
    expect(text.split('\n')).toHaveLength(130_002)
    expect(text.startsWith('id       name\n')).toBe(true)
  })

  test('an answer of 200,000 fields makes a record', () => {
    const record = Object.fromEntries(Array.from({ length: 200_000 }, (_, i) => [`field${i}`, i]))
    const text = formatRecord(record, ['field199999'], measure)
    expect(text.split('\n')).toHaveLength(200_001)
    expect(text.startsWith('field199999  199999\n')).toBe(true)
  })

  test('a 2 MB field name is printed once, and pads no other line: columns are capped', () => {
    const long = 'f'.repeat(2 * 1024 * 1024)
    const text = formatRecord({ [long]: 'v', apiKeyId: 'k', apiKeyName: 'n' }, ['apiKeyId'], measure)
    expect(text.length).toBeLessThan(long.length + 200)
    expect(text.split('\n')[0]).toBe(`apiKeyId${' '.repeat(MAX_COLUMN_WIDTH - 'apiKeyId'.length)}  k`)
    const table = formatTable([{ a: long, b: 'x' }, { a: 'short', b: 'y' }], ['a', 'b'], measure)
    expect(table.length).toBeLessThan(long.length + 200)
    expect(table.split('\n')[2]).toBe(`short${' '.repeat(MAX_COLUMN_WIDTH - 5)}  y`)
  })
})

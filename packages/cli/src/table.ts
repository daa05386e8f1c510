import { type Measure, padEnd, visible } from './text.js'

/**
 * The widest a column is padded to. A longer cell is printed whole but pads no other row: a
 * server that sends a 2 MB field name makes one long line, not 2 MB of spaces on every line.
 */
export const MAX_COLUMN_WIDTH = 40

/** A value for a table cell: a string as it is, anything else as JSON; control characters made visible either way. */
function cell(value: unknown): string {
  return visible(typeof value === 'string' ? value : value === undefined ? '' : JSON.stringify(value))
}

/**
 * The width of a column of `texts`, capped. A loop, not `Math.max(...widths)`: spreading an
 * array passes each element as an argument, and past about 125,000 V8 throws RangeError.
 */
function columnWidth(texts: Iterable<string>, measure: Measure): number {
  let width = 0
  for (const text of texts) {
    if (width >= MAX_COLUMN_WIDTH) break
    width = Math.max(width, Math.min(measure(text), MAX_COLUMN_WIDTH))
  }
  return width
}

/** Rows of cells, columns aligned (the last one unpadded), each line ending in a newline. */
function aligned(rows: readonly (readonly string[])[], widths: readonly number[], measure: Measure): string {
  let text = ''
  for (const row of rows) {
    const last = row.length - 1
    text += `${row.map((cell, c) => (c === last ? cell : padEnd(cell, widths[c]!, measure))).join('  ').trimEnd()}\n`
  }
  return text
}

/**
 * One object as `field  value` lines: the fields named in `order` first (those present), then
 * the others in the order they came.
 */
export function formatRecord(record: Readonly<Record<string, unknown>>, order: readonly string[], measure: Measure): string {
  const fields = [...order.filter((field) => Object.hasOwn(record, field)), ...Object.keys(record).filter((field) => !order.includes(field))]
  const names = fields.map(visible)
  const width = columnWidth(names, measure)
  return aligned(
    fields.map((field, i) => [names[i]!, cell(record[field])]),
    [width],
    measure,
  )
}

/** Items as a table: a header row of `columns`, then a row per item, columns aligned. */
export function formatTable(items: readonly unknown[], columns: readonly string[], measure: Measure): string {
  const rows: string[][] = [[...columns]]
  for (const item of items) {
    const record = (item ?? {}) as Record<string, unknown>
    rows.push(columns.map((column) => cell(typeof record === 'object' ? record[column] : undefined)))
  }
  const widths = columns.map((_, c) => columnWidth(rowsColumn(rows, c), measure))
  return aligned(rows, widths, measure)
}

function* rowsColumn(rows: readonly (readonly string[])[], c: number): Iterable<string> {
  for (const row of rows) yield row[c]!
}

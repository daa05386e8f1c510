import { displayWidth, json, padEnd, visible } from './text.js'

/** `json` for scripts (the default when stdout is not a terminal), `table` for people. */
export type OutputFormat = 'json' | 'table'

export const outputFormats: readonly OutputFormat[] = ['json', 'table']

// The table's order: what identifies the key, its state, its values, then bookkeeping. Fields
// the API adds later follow in the order it sends them.
const order: readonly string[] = ['apiKeyId', 'apiKeyName', 'apiKeyDescription', 'isEnabled', 'primaryKey', 'secondaryKey', 'domainCode', 'tenantId', 'modifier', 'modTime']

/** A value for a table cell: a string as it is, anything else as JSON; control characters made visible either way. */
function cell(value: unknown): string {
  return visible(typeof value === 'string' ? value : value === undefined ? '' : JSON.stringify(value))
}

/** Anything as pretty JSON, ending with a newline. */
export function formatJson(value: unknown): string {
  return `${json(value, true)}\n`
}

/** The API key as pretty JSON, or as a two-column table of field and value; ends with a newline. */
export function formatApiKey(key: object, format: OutputFormat): string {
  if (format === 'json') return formatJson(key)
  const record = key as Record<string, unknown>
  const fields = [...order.filter((field) => Object.hasOwn(record, field)), ...Object.keys(record).filter((field) => !order.includes(field))]
  const names = fields.map(visible)
  const width = Math.max(0, ...names.map(displayWidth))
  return fields
    .map((field, i) => `${padEnd(names[i]!, width)}  ${cell(record[field])}`.trimEnd())
    .join('\n')
    .concat('\n')
}

/** The list table's columns: one row per key, the description last since it is the longest. */
export const listColumns = ['apiKeyId', 'apiKeyName', 'isEnabled', 'modTime', 'apiKeyDescription'] as const

/** Keys as a table with a header row and one row per key, columns aligned; ends with a newline. */
export function formatApiKeyTable(keys: readonly object[]): string {
  const rows = [[...listColumns], ...keys.map((key) => listColumns.map((column) => cell((key as Record<string, unknown>)[column])))]
  const widths = listColumns.map((_, c) => Math.max(...rows.map((row) => displayWidth(row[c]!))))
  return rows
    .map((row) => row.map((text, c) => (c === row.length - 1 ? text : padEnd(text, widths[c]!))).join('  ').trimEnd())
    .join('\n')
    .concat('\n')
}

import type { ApiKey } from '@ncloud-apigw/client'

/** `json` for scripts (the default when stdout is not a terminal), `table` for people. */
export type OutputFormat = 'json' | 'table'

export const outputFormats: readonly OutputFormat[] = ['json', 'table']

// The table's order: what identifies the key, its state, its values, then bookkeeping. Fields
// the API adds later follow in the order it sends them.
const order: readonly string[] = ['apiKeyId', 'apiKeyName', 'apiKeyDescription', 'isEnabled', 'primaryKey', 'secondaryKey', 'domainCode', 'tenantId', 'modifier', 'modTime']

/** The API key as pretty JSON, or as a two-column table of field and value; ends with a newline. */
export function formatApiKey(key: ApiKey, format: OutputFormat): string {
  if (format === 'json') return `${JSON.stringify(key, null, 2)}\n`
  const fields = [...order.filter((field) => field in key), ...Object.keys(key).filter((field) => !order.includes(field))]
  const width = Math.max(...fields.map((field) => field.length))
  return fields
    .map((field) => {
      const value = (key as unknown as Record<string, unknown>)[field]
      return `${field.padEnd(width)}  ${typeof value === 'string' ? value : JSON.stringify(value)}`.trimEnd()
    })
    .join('\n')
    .concat('\n')
}

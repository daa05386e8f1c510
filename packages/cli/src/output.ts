import type { PageResult, Result } from './commands/command.js'
import { maskSecrets } from './mask.js'
import type { Channel } from './streams.js'
import { formatRecord, formatTable } from './table.js'
import { displayWidth, json } from './text.js'

/** `json` for scripts (the default when stdout is not a terminal), `table` for people. */
export type OutputFormat = 'json' | 'table'

export const outputFormats: readonly OutputFormat[] = ['json', 'table']

/** Where a command's output goes, and how. */
export interface OutputOptions {
  readonly output: OutputFormat
  readonly showSecrets?: boolean | undefined
}

/**
 * A note for stderr, where it never mixes with what a script reads on stdout: as text,
 * `(...)` on a line of its own; with `--output json`, one `{"<kind>": {"message": ..., ...}}` line,
 * so that stderr stays one JSON object per line, as errors and `--verbose` lines are.
 */
export function note(kind: 'notice' | 'warning', message: string, fields: Readonly<Record<string, unknown>>, format: OutputFormat): string {
  return format === 'json' ? `${json({ [kind]: { message, ...fields } }, false)}\n` : `${kind === 'warning' ? `ncloud-apigw: warning: ${message}` : `(${message})`}\n`
}

const and = (names: readonly string[]) => (names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : names[0]!)

/**
 * Prints what a command did on stdout, secret-named fields masked at any depth unless
 * `--show-secrets`. When something was masked, a note on stderr says so and how to show it (a
 * script storing `jq -r .primaryKey` would otherwise store `AbCd****` without a word).
 */
export async function printResult(result: Result, options: OutputOptions, stdout: Channel, stderr: Channel): Promise<void> {
  const { output, showSecrets } = options
  const raw = result.kind === 'done' ? result.json : result.value
  const { value, masked } = showSecrets ? { value: raw, masked: [] } : maskSecrets(raw)
  if (output === 'json') {
    stdout.write(`${json(value, true)}\n`)
  } else if (result.kind === 'done') {
    stdout.write(`${result.text}\n`)
  } else {
    const measure = await displayWidth()
    if (result.kind === 'record') {
      stdout.write(formatRecord(value as Record<string, unknown>, result.order, measure))
    } else {
      const items = (value as Record<string, unknown>)[result.items] as readonly unknown[]
      stdout.write(formatTable(items, result.columns, measure))
      stderr.write(note('notice', pageSummary(result, items.length), {}, output))
    }
  }
  if (masked.length > 0) {
    stderr.write(note('notice', `${and(masked)} ${masked.length > 1 ? 'are' : 'is'} masked; pass --show-secrets to print them`, { masked }, output))
  }
}

/** `2 API keys of 5; --offset 2 for the next page, --all for every one`: how many, and where the rest are. */
function pageSummary(result: PageResult, count: number): string {
  const [one, many] = result.noun
  const total = result.value.total as number
  const shown = `${count} ${count === 1 ? one : many}`
  if (result.from === 'all') return shown
  const next = result.from + count
  const more = count > 0 && next < total ? `; --offset ${next} for the next page, --all for every one` : ''
  const whole = result.from === 0 && count === total
  return `${shown}${whole ? '' : ` of ${total}`}${more}`
}

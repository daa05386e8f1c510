/**
 * Text that reaches a person's terminal. A server chooses much of what the CLI prints (names,
 * descriptions, error details, trace IDs, fields it adds), and a terminal obeys what it is sent:
 * an escape sequence retitles the window or clears the screen, a CR or LF starts what looks like
 * a line of the CLI's own (`status: 200`), a bidirectional override reorders what is read. Such
 * characters are shown as escapes instead, so what is printed is what was sent, visibly.
 */

// C0 controls (CR, LF, tab, ESC, BEL, NUL...), DEL, C1 controls (CSI U+009B among them), the line
// and paragraph separators, and the bidirectional marks, embeddings, overrides and isolates.
const controls = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g

const named: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' }

function escape(character: string): string {
  const code = character.charCodeAt(0)
  return named[character] ?? (code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`)
}

/** `text` with every control character written as an escape: `\n`, `\r`, `\t`, `\x1b`, `\u202e`. */
export function visible(text: string): string {
  return text.replace(controls, escape)
}

/** An ID as a prompt or a message quotes it: in double quotes, control characters made visible. */
export const quoteId = (id: string) => `"${visible(id)}"`

/** `text` made visible line by line: its own line ends kept (for a stack trace), controls within lines escaped. */
export function visibleLines(text: string): string {
  return text.split('\n').map(visible).join('\n')
}

// The controls JSON.stringify leaves as they are; past C0, so only ever inside strings.
const unescaped = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g

/**
 * JSON for stdout and stderr, pretty or on one line. JSON.stringify already escapes C0 controls
 * inside strings; DEL, C1 controls, the separators and bidirectional controls are escaped too
 * (`\u009b`), which any JSON reader turns back into the same string.
 */
export function json(value: unknown, pretty: boolean): string {
  const text = pretty ? JSON.stringify(value, null, 2) : JSON.stringify(value)
  return text.replace(unescaped, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`)
}

// Characters a terminal draws two columns wide (Hangul, CJK, full-width forms, most emoji) and
// ones it draws in none (combining marks, zero-width space and joiner, variation selectors).
const wide = /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{1f300}-\u{1f64f}\u{1f900}-\u{1f9ff}\u{20000}-\u{3fffd}]/u
const zero = /[\u0300-\u036f\u200b-\u200d\ufe00-\ufe0f]/u

/** Columns `text` takes on a terminal, roughly as wcwidth counts them; for text already made visible. */
export function displayWidth(text: string): number {
  let width = 0
  for (const character of text) width += wide.test(character) ? 2 : zero.test(character) ? 0 : 1
  return width
}

/** `text` padded with spaces to `width` columns. */
export function padEnd(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)))
}

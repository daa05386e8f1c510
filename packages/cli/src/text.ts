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

// Printable ASCII takes one column a character: most of what is printed, measured without loading
// anything.
const ascii = /^[\u0020-\u007e]*$/

/** Measures text in terminal columns. */
export type Measure = (text: string) => number

let measure: Measure | undefined

/**
 * Columns text takes on a terminal, as terminals count them: emoji (skin tones and ZWJ sequences
 * included) and East Asian wide characters two, combining marks and joiners none. string-width
 * is loaded on first use: it builds an Intl.Segmenter, which costs a command that prints JSON
 * about 9 ms for nothing.
 */
export async function displayWidth(): Promise<Measure> {
  if (!measure) {
    const { default: stringWidth } = await import('string-width')
    measure = (text) => (ascii.test(text) ? text.length : stringWidth(text))
  }
  return measure
}

/** `text` padded with spaces to `width` columns, as `measure` counts them. */
export function padEnd(text: string, width: number, measure: Measure): string {
  const missing = width - measure(text)
  return missing > 0 ? text + ' '.repeat(missing) : text
}

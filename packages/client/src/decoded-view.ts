/**
 * Text as it reads once its escapes are undone, each character with the span of the original it
 * came from, so that what is found in the decoded text can be masked in the original. Undone, to
 * any depth of nesting (`%252B` → `%2B` → `+`, `&amp;#43;` → `&#43;` → `+`): HTML entities
 * (decimal, hex, and the named ones of what secrets and their separators are made of), percent
 * escapes in either case (UTF-8 sequences included), `\uXXXX`, `\xXX` and backslash escapes of
 * punctuation and of `n`, `r`, `t`.
 */
export interface View {
  readonly text: string
  /** Where the character at each index of `text` starts in the original. */
  readonly start: readonly number[]
  /** Where it ends (exclusive). */
  readonly end: readonly number[]
}

// The named entities for what a secret or its surroundings are made of (letters and digits have
// none): base64's + / =, URL-safe - _, percent, quotes, separators and whitespace.
const NAMED: Record<string, string> = {
  plus: '+', sol: '/', equals: '=', lowbar: '_', percnt: '%', amp: '&', num: '#', quot: '"', apos: "'", lt: '<', gt: '>',
  bsol: '\\', colon: ':', semi: ';', comma: ',', period: '.', nbsp: '\u00a0', Tab: '\t', NewLine: '\n',
}

const ESCAPE = /&#0*(\d{1,7});|&#[xX]0*([0-9a-fA-F]{1,6});|&([a-zA-Z]{2,8});|((?:%[0-9a-fA-F]{2})+)|\\u([0-9a-fA-F]{4})|\\x([0-9a-fA-F]{2})|\\([nrt\\/"'+=&%#;:])/g
const BACKSLASHED: Record<string, string> = { n: '\n', r: '\r', t: '\t' }
// Deep enough for any encoder stacked on another; each pass is linear.
const MAX_PASSES = 6

/** The UTF-16 text of one code point, or undefined when it is none. */
function codePoint(n: number): string | undefined {
  return n <= 0x10ffff ? String.fromCodePoint(n) : undefined
}

/** The bytes of a run of percent escapes as text; a byte that is no part of valid UTF-8 stays escaped. */
function percentRun(run: string, at: number, push: (text: string, start: number, end: number) => void): void {
  const bytes = run.match(/%../g)!.map((escape) => parseInt(escape.slice(1), 16))
  for (let i = 0; i < bytes.length; ) {
    const lead = bytes[i]!
    const length = lead < 0x80 ? 1 : lead >= 0xc2 && lead < 0xe0 ? 2 : lead >= 0xe0 && lead < 0xf0 ? 3 : lead >= 0xf0 && lead < 0xf5 ? 4 : 0
    let text: string | undefined
    if (length > 0 && i + length <= bytes.length) {
      try {
        text = decodeURIComponent(run.slice(i * 3, (i + length) * 3))
      } catch {}
    }
    if (text === undefined) {
      push(run.slice(i * 3, i * 3 + 3), -1, at + i * 3)
      i += 1
    } else {
      push(text, at + i * 3, at + (i + length) * 3)
      i += length
    }
  }
}

/** One pass over `view`: its escapes undone; `undefined` when it has none. */
function decodeOnce(view: View): View | undefined {
  let text = ''
  const start: number[] = []
  const end: number[] = []
  // Appends decoded text whose characters all came from view[from, to), or, with from = -1, the
  // view's own characters from index `to` on, as they were.
  const push = (piece: string, from: number, to: number) => {
    for (let k = 0; k < piece.length; k++) {
      text += piece[k]
      if (from < 0) {
        start.push(view.start[to + k]!)
        end.push(view.end[to + k]!)
      } else {
        start.push(view.start[from]!)
        end.push(view.end[to - 1]!)
      }
    }
  }
  let from = 0
  let changed = false
  for (const match of view.text.matchAll(ESCAPE)) {
    const at = match.index!
    const [whole, decimal, hex, name, percent, unicode, byte, backslashed] = match
    let decoded: string | undefined
    if (percent !== undefined) {
      push(view.text.slice(from, at), -1, from)
      const before = text.length
      percentRun(percent, at, push)
      changed ||= text.length - before !== percent.length
      from = at + whole.length
      continue
    }
    if (decimal !== undefined) decoded = codePoint(Number(decimal))
    else if (hex !== undefined) decoded = codePoint(parseInt(hex, 16))
    else if (name !== undefined) decoded = Object.hasOwn(NAMED, name) ? NAMED[name] : undefined
    else if (unicode !== undefined) decoded = String.fromCharCode(parseInt(unicode, 16))
    else if (byte !== undefined) decoded = String.fromCharCode(parseInt(byte, 16))
    else decoded = BACKSLASHED[backslashed!] ?? backslashed
    if (decoded === undefined) continue
    push(view.text.slice(from, at), -1, from)
    push(decoded, at, at + whole.length)
    from = at + whole.length
    changed = true
  }
  if (!changed) return undefined
  push(view.text.slice(from), -1, from)
  return { text, start, end }
}

export function decodedView(original: string): View {
  const start = Array.from({ length: original.length }, (_, i) => i)
  let view: View = { text: original, start, end: start.map((i) => i + 1) }
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const next = decodeOnce(view)
    if (!next) break
    view = next
  }
  return view
}

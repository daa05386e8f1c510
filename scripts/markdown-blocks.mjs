// @ts-check
// The one reader of this repository's Markdown code: the fenced blocks of a file with their line
// numbers, and the comment directives written on a line of their own (`<!-- name: value -->`).
// Two conventions are built on it:
//
// - `<!-- example: typecheck -->`, `<!-- example: run -->` or `<!-- example: not-runnable (why) -->`
//   on the line before a fence says how the block is checked; packages/consumer-tests runs every
//   README's blocks by it (CONTRIBUTING.md, "Examples in READMEs").
// - `<!-- sample: path -->` in the docs' guides includes a file of docs/samples (docs/src/guides.mjs).
//
// Markdown as CommonMark fences it: an opening fence of three or more backticks or tildes, an info
// string, and a closing fence of the same character at least as long. A fence may be indented (in
// a list item); the body loses that indentation.

/**
 * @typedef {{ name: string, value: string }} Directive
 * A comment directive `<!-- name: value -->`.
 */

/**
 * The directive a line holds, when the whole line (indentation aside) is one.
 * @param {string} line
 * @returns {Directive | undefined}
 */
export function directive(line) {
  const match = /^\s*<!--\s*([a-z][\w-]*):\s*(.*?)\s*-->\s*$/.exec(line)
  return match ? { name: /** @type {string} */ (match[1]), value: /** @type {string} */ (match[2]) } : undefined
}

/**
 * @typedef {object} FencedBlock
 * @property {number} line 1-based line of the opening fence
 * @property {string} info the info string after the fence (```ts run → `ts run`)
 * @property {string} lang the info string's first word, `''` when there is none
 * @property {string} body the lines between the fences, indentation removed, each ending in `\n`
 * @property {number} bodyLine 1-based line of the body's first line
 * @property {number} indent columns of indentation removed from each body line
 * @property {Directive | undefined} before the directive on the line just before the fence
 */

/**
 * Every fenced code block of a Markdown text, in order.
 * @param {string} markdown
 * @param {string} [file] named in the error an unclosed fence throws
 * @returns {FencedBlock[]}
 */
export function fencedBlocks(markdown, file = 'the Markdown') {
  const lines = markdown.split('\n')
  /** @type {FencedBlock[]} */
  const blocks = []
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)(`{3,}|~{3,})(.*)$/.exec(/** @type {string} */ (lines[i]))
    if (!open) continue
    const [, indent = '', fence = '', rest = ''] = open
    // A backtick fence's info string may not contain a backtick (that is inline code).
    if (fence[0] === '`' && rest.includes('`')) continue
    const close = new RegExp(`^\\s*${fence[0] === '`' ? '`' : '~'}{${fence.length},}\\s*$`)
    let end = i + 1
    while (end < lines.length && !close.test(/** @type {string} */ (lines[end]))) end++
    if (end >= lines.length) throw new Error(`${file}:${i + 1}: a code fence that is never closed`)
    const strip = new RegExp(`^ {0,${indent.length}}`)
    const info = rest.trim()
    blocks.push({
      line: i + 1,
      info,
      lang: info.split(/\s+/)[0] ?? '',
      body: lines
        .slice(i + 1, end)
        .map((line) => `${line.replace(strip, '')}\n`)
        .join(''),
      bodyLine: i + 2,
      indent: indent.length,
      before: i > 0 ? directive(/** @type {string} */ (lines[i - 1])) : undefined,
    })
    i = end
  }
  return blocks
}

/** @typedef {'typecheck' | 'run' | 'not-runnable'} ExampleKind */

/**
 * How an `example` directive says its block is checked, or why it cannot be read.
 * @param {Directive | undefined} marker
 * @returns {{ kind: ExampleKind, reason?: string } | { problem: string }}
 */
export function exampleMarker(marker) {
  const usage = 'mark it with <!-- example: typecheck -->, <!-- example: run --> or <!-- example: not-runnable (the reason) --> on the line before the fence'
  if (!marker || marker.name !== 'example') return { problem: `a code block with no example marker: ${usage}` }
  if (marker.value === 'typecheck' || marker.value === 'run') return { kind: marker.value }
  const notRunnable = /^not-runnable\s*\((.*)\)$/.exec(marker.value)
  if (notRunnable) {
    const reason = /** @type {string} */ (notRunnable[1]).trim()
    return reason ? { kind: 'not-runnable', reason } : { problem: 'a not-runnable example without its reason: say why in the parentheses' }
  }
  return { problem: `an unknown example marker "${marker.value}": ${usage}` }
}

// @ts-check
// Whether a translation overlay translates the whole English spec and nothing else. The English
// spec is the single source of truth, so a translation may only replace text that the spec has;
// text the spec gained without a translation, and translations of text the spec lost, are both
// problems that fail the tests.
import { selectPaths } from './overlay.mjs'

/** @typedef {import('./overlay.mjs').Overlay} Overlay */
/** @typedef {import('./overlay.mjs').Path} Path */
/** @typedef {import('./overlay.mjs').JsonValue} JsonValue */

const TEXT_KEYS = new Set(['title', 'summary', 'description'])

/**
 * Keys whose values are data, not prose: example payloads, enum and default values, and
 * extensions (`x-signature-v2-examples` are test vectors; the docs' own extensions are written
 * per language).
 * @param {string} key
 * @param {unknown} value
 */
function isData(key, value) {
  return (
    key.startsWith('x-') ||
    key === 'value' ||
    key === 'example' ||
    key === 'enum' ||
    key === 'const' ||
    key === 'default' ||
    (key === 'examples' && Array.isArray(value))
  )
}

/**
 * Every piece of prose in the spec that a reader sees: each `title`, `summary` and
 * `description` string, keyed by JSON Pointer.
 * @param {JsonValue} spec
 * @returns {Map<string, { path: Path, text: string }>}
 */
export function translatableText(spec) {
  /** @type {Map<string, { path: Path, text: string }>} */
  const found = new Map()
  /** @param {unknown} node @param {Path} path */
  const walk = (node, path) => {
    if (Array.isArray(node)) node.forEach((item, index) => walk(item, [...path, index]))
    else if (typeof node === 'object' && node !== null) {
      for (const [key, value] of Object.entries(node)) {
        if (isData(key, value)) continue
        if (TEXT_KEYS.has(key) && typeof value === 'string') found.set(toPointer([...path, key]), { path: [...path, key], text: value })
        else walk(value, [...path, key])
      }
    }
  }
  walk(spec, [])
  return found
}

/**
 * Everything wrong with a translation overlay against the current English spec, as messages
 * that say what to change. Empty when the overlay translates every text exactly once and nothing
 * else.
 * @param {JsonValue} spec
 * @param {Overlay} overlay
 * @param {string} overlayFile name used in the messages
 * @returns {string[]}
 */
export function checkTranslation(spec, overlay, overlayFile) {
  /** @type {string[]} */
  const problems = []
  const english = translatableText(spec)
  /** @type {Map<string, number>} */
  const translatedBy = new Map()

  for (const [index, action] of overlay.actions.entries()) {
    const where = `${overlayFile} action ${index + 1} (target ${action.target})`
    if (action.remove !== undefined || action.update === undefined) {
      problems.push(`${where}: a translation only updates text; remove it or give it an update`)
      continue
    }
    /** @type {Path[]} */
    let targets
    try {
      targets = selectPaths(spec, action.target)
    } catch (error) {
      problems.push(`${where}: not a valid JSONPath (${error instanceof Error ? error.message : String(error)})`)
      continue
    }
    if (targets.length === 0) {
      problems.push(`${where}: matches nothing in the spec; the spec no longer has it, so remove or retarget the action`)
      continue
    }
    for (const target of targets) {
      for (const { path, value } of leaves(action.update)) {
        const pointer = toPointer([...target, ...path])
        const source = english.get(pointer)
        if (!source) {
          problems.push(`${where}: sets ${pointer}, which is not text of the English spec; remove it`)
        } else if (typeof value !== 'string' || value.trim() === '') {
          problems.push(`${where}: the translation of ${pointer} is not a non-empty string`)
        } else if (translatedBy.has(pointer)) {
          problems.push(`${where}: translates ${pointer} again (action ${translatedBy.get(pointer)} already does)`)
        } else {
          translatedBy.set(pointer, index + 1)
          const translatedCode = new Set(codeOf(value))
          for (const code of new Set(codeOf(source.text))) {
            if (!translatedCode.has(code)) problems.push(`${where}: the translation of ${pointer} lacks the code ${JSON.stringify(code)} that the English has`)
          }
        }
      }
    }
  }

  for (const [pointer, { path, text }] of english) {
    if (translatedBy.has(pointer)) continue
    const key = path.at(-1)
    problems.push(
      `${overlayFile}: no translation for ${pointer} (${JSON.stringify(excerpt(text))}); add an action with ` +
        `target ${toJsonPath(path.slice(0, -1))} and update.${key}`,
    )
  }
  return problems
}

/**
 * Inline code spans and fenced code blocks: identifiers, values and formulas that a translation
 * must carry over unchanged.
 * @param {string} markdown
 * @returns {string[]}
 */
export function codeOf(markdown) {
  /** @type {string[]} */
  const codes = []
  const withoutFences = markdown.replace(/^```[^\n]*\n([\s\S]*?)^```/gm, (_block, body) => {
    codes.push(String(body).trimEnd())
    return ''
  })
  for (const match of withoutFences.matchAll(/`([^`\n]+)`/g)) codes.push(/** @type {string} */ (match[1]))
  return codes
}

/**
 * @param {JsonValue | undefined} update
 * @param {Path} [path]
 * @returns {{ path: Path, value: JsonValue }[]}
 */
function leaves(update, path = []) {
  if (typeof update === 'object' && update !== null && !Array.isArray(update)) {
    return Object.entries(update).flatMap(([key, value]) => leaves(value, [...path, key]))
  }
  return update === undefined ? [] : [{ path, value: update }]
}

/** @param {Path} path */
export function toPointer(path) {
  return path.map((key) => '/' + String(key).replaceAll('~', '~0').replaceAll('/', '~1')).join('')
}

/** @param {Path} path */
function toJsonPath(path) {
  return '$' + path.map((key) => (typeof key === 'number' ? `[${key}]` : /^[A-Za-z_]\w*$/.test(key) ? `.${key}` : `['${key}']`)).join('')
}

/** @param {string} text */
function excerpt(text) {
  const line = text.replace(/\s+/g, ' ').trim()
  return line.length > 60 ? `${line.slice(0, 57)}...` : line
}

// @ts-check
// Where each fact comes from, shown to readers. The spec keeps its descriptions to what a thing
// is, for the generators that copy them into code, and puts provenance in `x-ncp-source` (and the
// NCP pages an operation was read from in `x-ncp-pages`) beside them. Redoc shows neither where
// it matters (its `showExtensions` reaches operations, parameters and schema fields, not responses,
// examples or the info, and prints the raw extension), so the build appends each as a note to the
// description of the same object, in the page's language for the label and in English, as the
// spec has it, for the note: extensions are data and are not translated.

/**
 * @typedef {{ source: string, sourceLanguage: string, pages: string }} SourceWords
 *   source: the note's label; sourceLanguage: says the note is English; pages: the label of the
 *   list of NCP's pages
 */

/** @param {string} text */
const escapeHtml = (text) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`)

/**
 * The note's text as HTML: code spans as code and URLs as links, the rest escaped. Inline HTML is
 * what Redoc renders the same way in every place a description appears (a response's title
 * included), where Markdown blocks would not be.
 * @param {string} text
 */
export function noteHtml(text) {
  return escapeHtml(text.replace(/\s+/g, ' ').trim())
    .replace(/`([^`]+)`/g, '<code>$1</code>')
    .replace(/https?:\/\/[^\s<]*[^\s<.,;:)]/g, (url) => `<a href="${url}">${url}</a>`)
}

/** Objects whose description is shown where a note does not belong: a server's, in a menu. */
const noteless = /^\/servers\//

/**
 * A copy of the document with every `x-ncp-source` and `x-ncp-pages` appended, as a note, to the
 * description of the object that has it.
 * @param {any} document
 * @param {SourceWords} words
 */
export function showSources(document, words) {
  const result = structuredClone(document)
  /** @param {any} node @param {string} pointer */
  const walk = (node, pointer) => {
    if (Array.isArray(node)) node.forEach((item, index) => walk(item, `${pointer}/${index}`))
    if (typeof node !== 'object' || node === null || Array.isArray(node)) return
    for (const [key, value] of Object.entries(node)) {
      // Example values are payloads, not documentation.
      if (key !== 'value' && !key.startsWith('x-')) walk(value, `${pointer}/${key}`)
    }
    const source = node['x-ncp-source']
    const pages = node['x-ncp-pages']
    if (noteless.test(pointer) || (typeof source !== 'string' && !isPages(pages))) return
    const parts = []
    if (typeof source === 'string') parts.push(`<span lang="en">${noteHtml(source)}</span>`)
    if (isPages(pages)) {
      const links = Object.entries(pages).map(([edition, url]) => `<a href="${escapeHtml(url)}">${escapeHtml(edition)}</a>`)
      parts.push(`<br>${escapeHtml(words.pages)}: ${links.join(' · ')}`)
    }
    const note = `<span class="ncp-source" title="${escapeHtml(words.sourceLanguage)}"><strong>${escapeHtml(words.source)}</strong> ${parts.join('')}</span>`
    node.description = typeof node.description === 'string' && node.description.trim() !== '' ? `${node.description.trimEnd()}\n\n${note}` : note
  }
  walk(result, '')
  return result
}

/**
 * @param {unknown} pages
 * @returns {pages is Record<string, string>}
 */
function isPages(pages) {
  return typeof pages === 'object' && pages !== null && Object.values(pages).every((url) => typeof url === 'string')
}

import { describe, expect, test } from 'vitest'
import { loadSpec } from '../test/load.js'
import { languages } from './languages.mjs'
import { noteHtml, showSources } from './sources.mjs'

const words = languages[0]!.words

describe('showSources', () => {
  test("appends each x-ncp-source, and an operation's x-ncp-pages, to the description beside it", () => {
    const document = {
      info: { title: 'T', description: 'An API.', 'x-ncp-source': 'The pages.' },
      paths: {
        '/a': {
          get: {
            description: 'Reads.',
            'x-ncp-source': 'The `a` page, https://example.com/a.',
            'x-ncp-pages': { en: 'https://example.com/en', ja: 'https://example.com/ja' },
            responses: { '200': { description: 'OK.', 'x-ncp-source': 'The export answers 200.' } },
          },
        },
      },
    }
    const shown: any = showSources(document, words)
    const note = (html: string) => `<span class="ncp-source" title="${words.sourceLanguage}"><strong>${words.source}</strong> ${html}</span>`
    expect(shown.info.description).toBe(`An API.\n\n${note('<span lang="en">The pages.</span>')}`)
    expect(shown.paths['/a'].get.description).toBe(
      `Reads.\n\n${note(
        '<span lang="en">The <code>a</code> page, <a href="https://example.com/a">https://example.com/a</a>.</span>' +
          `<br>${words.pages}: <a href="https://example.com/en">en</a> · <a href="https://example.com/ja">ja</a>`,
      )}`,
    )
    expect(shown.paths['/a'].get.responses['200'].description).toBe(`OK.\n\n${note('<span lang="en">The export answers 200.</span>')}`)
    // The extensions stay, and the document given is left as it was.
    expect(shown.paths['/a'].get['x-ncp-source']).toBe(document.paths['/a'].get['x-ncp-source'])
    expect(document.info.description).toBe('An API.')
  })

  test("leaves servers (their description is a menu item), example values and objects without a source alone", () => {
    const document = {
      servers: [{ url: 'https://x', description: 'Public site', 'x-ncp-source': 'Every example.' }],
      components: {
        examples: { E: { summary: 'S', value: { description: 'payload', 'x-ncp-source': 'payload too' } } },
        schemas: { S: { description: 'A thing.' } },
      },
    }
    expect(showSources(document, words)).toEqual(document)
  })

  test('escapes the note, so that it can only be text, code and links', () => {
    expect(noteHtml('a <b> & "c" `<d>`\n  https://e.example/f?g=1&h=2), then')).toBe(
      'a &#60;b&#62; &#38; &#34;c&#34; <code>&#60;d&#62;</code> ' +
        '<a href="https://e.example/f?g=1&#38;h=2">https://e.example/f?g=1&#38;h=2</a>), then',
    )
  })

  test('every x-ncp-source of the spec is shown but the servers', () => {
    const shown = JSON.stringify(showSources(loadSpec(), words))
    const sources: string[] = []
    const walk = (node: unknown, pointer: string) => {
      if (typeof node !== 'object' || node === null) return
      for (const [key, value] of Object.entries(node)) {
        if (key === 'x-ncp-source' && !pointer.startsWith('/servers/')) sources.push(value as string)
        else if (key !== 'value') walk(value, `${pointer}/${key}`)
      }
    }
    walk(loadSpec(), '')
    expect(sources.length).toBeGreaterThan(50)
    for (const source of sources) expect(shown).toContain(JSON.stringify(noteHtml(source)).slice(1, -1))
  })
})

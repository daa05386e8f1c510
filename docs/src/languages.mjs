// @ts-check
// The one place that knows the published languages: where each page lives, which overlay
// translates the spec, and the few words of the docs' own interface. Redoc's own labels
// ("Request", "Responses", ...) stay English; Redoc CE has no translations for them.

/**
 * @typedef {object} Language
 * @property {'en' | 'ko' | 'ja'} code BCP 47 tag, also the `apis` alias in redocly.yaml
 * @property {string} name the language's name in itself
 * @property {string} dir folder of the page under dist/ ('' for the root)
 * @property {string | undefined} overlay translation overlay under i18n/, none for the spec's own English
 * @property {{ guides: string, reference: string, start: string, description: string, source: string, sourceLanguage: string, pages: string }} words
 *   the docs' own words; `source`, `sourceLanguage` and `pages` label the notes that show where a
 *   fact comes from (src/sources.mjs)
 */

/** @type {readonly Language[]} */
export const languages = Object.freeze([
  {
    code: 'en',
    name: 'English',
    dir: '',
    overlay: undefined,
    words: {
      guides: 'Guides',
      reference: 'Reference',
      start: 'All languages and guides',
      description: "Reference and guides for the API Key API of NAVER Cloud Platform's API Gateway, with a typed TypeScript client.",
      source: 'Source:',
      sourceLanguage: 'Where this comes from, as the spec records it',
      pages: "NCP's pages",
    },
  },
  {
    code: 'ko',
    name: '한국어',
    dir: 'ko',
    overlay: 'ko.overlay.yaml',
    words: {
      guides: '가이드',
      reference: 'API 레퍼런스',
      start: '모든 언어와 가이드',
      description: 'NAVER Cloud Platform API Gateway의 API Key API 레퍼런스와 가이드, 타입이 지정된 TypeScript 클라이언트.',
      source: '출처(영문):',
      sourceLanguage: '스펙에 기록된 출처. 번역하지 않은 원문입니다.',
      pages: 'NCP 페이지',
    },
  },
  {
    code: 'ja',
    name: '日本語',
    dir: 'ja',
    overlay: 'ja.overlay.yaml',
    words: {
      guides: 'ガイド',
      reference: 'APIリファレンス',
      start: 'すべての言語とガイド',
      description: 'NAVER Cloud Platform API Gatewayの API Key APIのリファレンスとガイド、型付きの TypeScriptクライアント。',
      source: '出典(英語):',
      sourceLanguage: 'スペックに記録された出典。翻訳していない原文です。',
      pages: 'NCPのページ',
    },
  },
])

/**
 * The page of a language, relative to dist/.
 * @param {Language} language
 */
export function pagePath(language) {
  return language.dir === '' ? 'index.html' : `${language.dir}/index.html`
}

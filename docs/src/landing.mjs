// @ts-check
// The small start page (dist/start.html) that links the three reference pages and every guide
// in every language. Self-contained like the reference pages: inline style, no script.
import { pagePath } from './languages.mjs'

/** @param {string} text */
const escape = (text) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

/**
 * @param {{
 *   title: string,
 *   version: string,
 *   sections: { language: import('./languages.mjs').Language, title: string, guides: { slug: string, title: string }[] }[],
 * }} content
 */
export function renderLanding({ title, version, sections }) {
  const columns = sections
    .map(({ language, title: pageTitle, guides }) => {
      const page = pagePath(language)
      const items = guides.map((guide) => `<li><a href="${page}#/${guide.slug}">${escape(guide.title)}</a></li>`).join('\n          ')
      return `
      <section lang="${language.code}">
        <h2>${escape(language.name)}</h2>
        <p class="reference"><a href="${page}">${escape(pageTitle)}</a></p>
        <p>${escape(language.words.description)}</p>
        <h3>${escape(language.words.guides)}</h3>
        <ul>
          ${items}
        </ul>
      </section>`
    })
    .join('\n')

  return `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <link rel="icon" href="data:,">
  <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; form-action 'none'">
  <title>${escape(title)}</title>
  <style>
    body { font-family: system-ui, sans-serif; margin: 0 auto; max-width: 64rem; padding: 2rem 1.5rem; color: #1a1a1a; line-height: 1.5; }
    h1 { font-size: 1.6rem; margin-bottom: 0.25rem; }
    .version { color: #555; margin-top: 0; }
    main { display: grid; grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr)); gap: 1.5rem; margin-top: 2rem; }
    section { border: 1px solid #ddd; border-radius: 8px; padding: 1rem 1.25rem; }
    h2 { font-size: 1.2rem; margin: 0 0 0.5rem; }
    h3 { font-size: 1rem; margin: 1rem 0 0.25rem; }
    ul { padding-left: 1.2rem; margin: 0; }
    a { color: #0044d4; }
    .reference a { font-weight: 600; }
    :lang(ko) { word-break: keep-all; }
    footer { margin-top: 2rem; color: #555; font-size: 0.9rem; }
  </style>
</head>
<body>
  <header>
    <h1>${escape(title)}</h1>
    <p class="version">API version ${escape(version)}</p>
  </header>
  <main>${columns}
  </main>
  <footer>
    The OpenAPI 3.1 description these pages are built from:
    <a href="openapi.yaml">openapi.yaml</a> · <a href="openapi.json">openapi.json</a>
  </footer>
</body>
</html>
`
}

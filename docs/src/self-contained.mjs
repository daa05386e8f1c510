// @ts-check
// The pages must work with no network at all and send nothing anywhere. `--inlineBundle` puts
// Redoc itself into the page; what is left is Redoc 3's "API docs by Redocly" badge, an <img>
// that loads its logo from cdn.redoc.ly. The build points it at an inline copy, and
// `remoteResources` is the check, used by the build and by the tests, that nothing else loads
// from another host.

/** @param {string} svg */
const svgDataUri = (svg) => `data:image/svg+xml,${encodeURIComponent(svg)}`

const wordmark = (/** @type {number} */ width, /** @type {string} */ text) =>
  svgDataUri(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="16" viewBox="0 0 ${width} 16">` +
      `<text x="0" y="12.5" font-family="system-ui, sans-serif" font-size="12" font-weight="600" fill="#0044d4">${text}</text></svg>`,
  )

/** Remote assets that Redoc's bundle loads at run time, and the inline stand-ins the build uses. */
const standIns = new Map([
  ['https://cdn.redoc.ly/redoc/logo-mini-full.svg', wordmark(52, 'Redocly')],
  ['https://cdn.redoc.ly/redoc/logo-mini.svg', wordmark(12, 'R')],
])

/**
 * Replaces the remote assets Redoc's bundle would load with inline copies.
 * @param {string} html
 */
export function inlineRemoteAssets(html) {
  let result = html
  for (const [url, dataUri] of standIns) result = result.replaceAll(url, dataUri)
  return result
}

/**
 * Files on the asset CDNs that pages load from (scripts, styles, fonts, images). Redoc's bundle
 * also names icon folders on cdn.redocly.com, used only for icons a spec asks for by name; this
 * spec asks for none, and the browser test would catch a request to them.
 */
const assetFiles =
  /https?:\/\/(?:cdn\.redoc\.ly|cdn\.redocly\.com|fonts\.googleapis\.com|fonts\.gstatic\.com|unpkg\.com|cdn\.jsdelivr\.net|cdnjs\.cloudflare\.com)\/[^\s"'`)<>]*\.(?:m?js|css|svg|png|jpe?g|gif|webp|woff2?|ttf|otf)\b/g

/**
 * Everything in a page that would load a script, a stylesheet, a font or an image from another
 * host: `src`/`href` attributes of script, link, img, iframe and source elements, CSS `@import`
 * and `url(...)`, ES module imports, and any URL on a known asset CDN. Plain links (`<a href>`)
 * are navigation, not loads, and are not reported.
 * @param {string} html
 * @returns {string[]} one line per finding, `what: url`
 */
export function remoteResources(html) {
  /** @type {Set<string>} */
  const found = new Set()
  const remote = /^(?:https?:)?\/\//i
  for (const match of html.matchAll(/<(script|link|img|iframe|source|embed|object|video|audio)\b([^>]*)>/gi)) {
    const [, tag = '', attributes = ''] = match
    for (const attribute of attributes.matchAll(/\b(src|href|srcset|data|poster)\s*=\s*(["']?)([^"'\s>]+)\2/gi)) {
      const value = attribute[3] ?? ''
      if (remote.test(value)) found.add(`<${tag.toLowerCase()} ${attribute[1]}>: ${value}`)
    }
  }
  for (const match of html.matchAll(/@import\s+(?:url\()?\s*["']?((?:https?:)?\/\/[^"')\s]+)/gi)) found.add(`CSS @import: ${match[1]}`)
  for (const match of html.matchAll(/url\(\s*["']?((?:https?:)?\/\/[^"')\s]+)/gi)) found.add(`CSS url(): ${match[1]}`)
  for (const match of html.matchAll(/\b(?:import|from)\s*\(?\s*["'`]((?:https?:)?\/\/[^"'`]+)["'`]/g)) found.add(`module import: ${match[1]}`)
  for (const match of html.matchAll(assetFiles)) found.add(`asset CDN: ${match[0]}`)
  return [...found]
}

import { describe, expect, test } from 'vitest'
import { readDist } from '../test/load.js'
import { languages, pagePath } from './languages.mjs'
import { inlineRemoteAssets, remoteResources } from './self-contained.mjs'

describe('remoteResources', () => {
  test('finds scripts, stylesheets, fonts, images and module imports from other hosts', () => {
    const page = `<!DOCTYPE html><html><head>
      <script src="https://cdn.example.com/redoc.js"></script>
      <link rel="stylesheet" href="//fonts.example.com/font.css">
      <link rel=modulepreload href=https://cdn.example.com/mod.js>
      <style>@import url("https://fonts.googleapis.com/css?family=Roboto"); body { background: url(https://img.example.com/bg.png) }</style>
      <script type="module">import { hydrate } from "https://cdn.redocly.com/redoc/v3/redoc.standalone.js";</script>
      </head><body><img alt="logo" src="https://cdn.redoc.ly/redoc/logo-mini.svg"></body></html>`
    expect(remoteResources(page)).toEqual([
      '<script src>: https://cdn.example.com/redoc.js',
      '<link href>: //fonts.example.com/font.css',
      '<link href>: https://cdn.example.com/mod.js',
      '<img src>: https://cdn.redoc.ly/redoc/logo-mini.svg',
      'CSS @import: https://fonts.googleapis.com/css?family=Roboto',
      'CSS url(): https://fonts.googleapis.com/css?family=Roboto',
      'CSS url(): https://img.example.com/bg.png',
      'module import: https://cdn.redocly.com/redoc/v3/redoc.standalone.js',
      'asset CDN: https://cdn.redocly.com/redoc/v3/redoc.standalone.js',
      'asset CDN: https://cdn.redoc.ly/redoc/logo-mini.svg',
    ])
  })

  test('leaves links, inline content and local files alone', () => {
    const page = `<a href="https://api.ncloud-docs.com/docs">NCP</a><script>const x = 1</script>
      <link rel="icon" href="favicon.ico"><img src="data:image/svg+xml,%3Csvg%3E"><script src="./local.js"></script>`
    expect(remoteResources(page)).toEqual([])
  })

  test("inlineRemoteAssets replaces the logo that Redoc's badge loads from cdn.redoc.ly", () => {
    const bundle = 'src:e?`https://cdn.redoc.ly/redoc/logo-mini-full.svg`:`https://cdn.redoc.ly/redoc/logo-mini.svg`'
    const inlined = inlineRemoteAssets(bundle)
    expect(inlined).not.toContain('cdn.redoc.ly')
    expect(inlined.match(/data:image\/svg\+xml,/g)).toHaveLength(2)
  })
})

describe.each(languages)('the built $name page', (language) => {
  const html = () => readDist(pagePath(language))

  test('loads no script, stylesheet, font or image from another host', () => {
    expect(remoteResources(html())).toEqual([])
    expect(html()).not.toMatch(/<script[^>]+\bsrc=/i)
  })

  test('has Redoc inlined, its telemetry off, and a policy that lets it reach no other host', () => {
    const page = html()
    expect(page).toContain('"disableTelemetry":true')
    expect(page).not.toContain('"disableTelemetry":false')
    expect(page.length).toBeGreaterThan(1_000_000) // Redoc's bundle is inside, not on a CDN
    const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(page)?.[1]
    expect(policy).toBeDefined()
    for (const directive of policy!.split(';').map((d) => d.trim())) {
      expect(directive, directive).not.toMatch(/https?:|\*/)
    }
    expect(policy).toMatch(/default-src 'none'/)
  })

  test(`declares its language (${language.code}) and links the other languages`, () => {
    const page = html()
    expect(page).toMatch(new RegExp(`<html lang="${language.code}">`))
    for (const other of languages) expect(page).toContain(`hreflang="${other.code}"`)
  })
})

describe('the start page', () => {
  test('links every language and every guide, and loads nothing', () => {
    const page = readDist('start.html')
    expect(remoteResources(page)).toEqual([])
    expect(page).not.toMatch(/<script/i)
    for (const language of languages) {
      expect(page).toContain(`href="${pagePath(language)}"`)
      expect(page).toContain(`href="${pagePath(language)}#/quick-start"`)
    }
  })
})

import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import pkg from '../package.json' with { type: 'json' }
import * as browserEntry from './index.js'
import * as nodeEntry from './node.js'

// Walks the relative imports of a source module and returns every other specifier it reaches.
function externalImports(entry: URL, seen = new Set<string>()): Set<string> {
  const found = new Set<string>()
  if (seen.has(entry.href)) return found
  seen.add(entry.href)
  const source = readFileSync(entry, 'utf8')
  for (const [, specifier] of source.matchAll(/(?:import|export)[^'"]*?from\s*['"]([^'"]+)['"]/g)) {
    if (specifier!.startsWith('.')) for (const s of externalImports(new URL(specifier!.replace(/\.js$/, '.ts'), entry), seen)) found.add(s)
    else found.add(specifier!)
  }
  return found
}

describe('package entries', () => {
  test('the browser entry reaches no node: module, only its four dependencies', () => {
    expect([...externalImports(new URL('./index.ts', import.meta.url))].sort()).toEqual([
      '@ncloud-apigw/operations',
      '@ncloud-apigw/signer',
      '@ncloud-apigw/types',
      'openapi-fetch',
    ])
  })

  test('the Node entry adds node:fs, node:os and node:path for the credentials chain', () => {
    expect([...externalImports(new URL('./node.ts', import.meta.url))].sort()).toEqual([
      '@ncloud-apigw/operations',
      '@ncloud-apigw/signer',
      '@ncloud-apigw/types',
      'node:fs',
      'node:os',
      'node:path',
      'openapi-fetch',
    ])
  })

  test('undici is loaded only by the Node entry, only when a proxy is set, and only dynamically', () => {
    const dir = new URL('.', import.meta.url)
    const users = readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.includes('.test') && readFileSync(new URL(f, dir), 'utf8').includes("'undici'"))
    expect(users).toEqual(['proxy.ts'])
    expect(readFileSync(new URL('proxy.ts', dir), 'utf8')).toMatch(/import\('undici'\)/)
    expect(readFileSync(new URL('index.ts', dir), 'utf8')).not.toContain('proxy')
  })

  test('both entries export the same names', () => {
    expect(Object.keys(nodeEntry).sort()).toEqual(Object.keys(browserEntry).sort())
  })

  test('the browser entry refuses to guess credentials', () => {
    expect(() => browserEntry.createApiKeyClient()).toThrow(/pass the credentials option/)
    expect(() => browserEntry.findNcpCredentials()).toThrow(browserEntry.NcpCredentialsError)
  })

  test('exports map: types first, node condition to the Node entry, default to the browser entry', () => {
    expect(Object.keys(pkg.exports['.'])).toEqual(['types', 'node', 'default'])
    expect(pkg.exports['.']).toEqual({ types: './dist/index.d.ts', node: './dist/node.js', default: './dist/index.js' })
  })
})

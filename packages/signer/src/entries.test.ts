import { readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import pkg from '../package.json' with { type: 'json' }

// Walks the relative imports of a source module and returns every non-relative specifier.
function externalImports(entry: URL, seen = new Set<string>()): string[] {
  if (seen.has(entry.href)) return []
  seen.add(entry.href)
  const source = readFileSync(entry, 'utf8')
  const found: string[] = []
  for (const [, specifier] of source.matchAll(/(?:import|export)[^'"]*?from\s*['"]([^'"]+)['"]|import\s*['"]([^'"]+)['"]/g)) {
    if (specifier === undefined) continue
    if (specifier.startsWith('.')) found.push(...externalImports(new URL(specifier.replace(/\.js$/, '.ts'), entry), seen))
    else found.push(specifier)
  }
  return found
}

describe('package entries', () => {
  test('the Web Crypto entry reaches no node: module and no dependency', () => {
    expect(externalImports(new URL('./index.ts', import.meta.url))).toEqual([])
  })

  test('the Node entry imports node:crypto and nothing else from outside', () => {
    expect(externalImports(new URL('./node.ts', import.meta.url))).toEqual(['node:crypto'])
  })

  test('exports map: types first, node condition to the node:crypto entry, default to Web Crypto', () => {
    const root = pkg.exports['.']
    expect(Object.keys(root)).toEqual(['types', 'node', 'default'])
    expect(root).toEqual({ types: './dist/index.d.ts', node: './dist/node.js', default: './dist/index.js' })
  })
})

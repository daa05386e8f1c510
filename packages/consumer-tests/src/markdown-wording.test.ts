// READMEs and doc pages say what a requirement is, never which issue asked for it: a reader has no
// issue tracker to look "issue 3" up in. Same files as the examples check (src/readme-blocks.ts).
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from 'vitest'
import { markdownFiles } from './readme-blocks.js'
import { repoRoot } from './workspace.js'

/** "issue 3", "Issues #12", "PR 7", "#42": a number that points into a tracker. */
const trackerReference = /\b(?:issues?|tickets?|PRs?|pull requests?)\s*#?\d+\b|(?<![\w&#/.-])#\d+\b/gi

function trackerReferences(file: string, text: string): string[] {
  return text.split('\n').flatMap((line, i) => [...line.matchAll(trackerReference)].map((match) => `${file}:${i + 1}: "${match[0]}"`))
}

test('no README or doc page refers to an issue or pull request by number', () => {
  const found = markdownFiles().flatMap((file) => trackerReferences(file, readFileSync(join(repoRoot, file), 'utf8')))
  expect(found, 'say what the requirement is instead').toEqual([])
})

test('the check finds "issue 3", "issue #7", "PR 12" and "#42", and leaves anchors, entities and versions alone', () => {
  const text = 'required by issue 3\nits target from Issue #7\nsee PR 12 and #42.\n[Performance](#performance), &#35;, v2.1, x#1, (#3)\n'
  expect(trackerReferences('README.md', text)).toEqual([
    'README.md:1: "issue 3"',
    'README.md:2: "Issue #7"',
    'README.md:3: "PR 12"',
    'README.md:3: "#42"',
    'README.md:4: "#3"',
  ])
})

// Which code blocks of the repository's Markdown are checked, and how: every fenced block of every
// README, CONTRIBUTING.md and doc page carries an `<!-- example: ... -->` marker on the line before
// its fence (read by scripts/markdown-blocks.mjs, the reader the docs' guides use too).
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { type ExampleKind, exampleMarker, fencedBlocks } from '../../../scripts/markdown-blocks.mjs'
import { repoRoot } from './workspace.js'

/** The languages a block marked `typecheck` or `run` may be in, and what running it means. */
export const runnable = {
  /** Type-checked strictly (node16 and bundler) against the installed tarballs; `run` then runs it with Node. */
  ts: ['ts', 'typescript'],
  /** Run as an ES module (`.mjs`) with Node. */
  js: ['js', 'javascript', 'mjs'],
  /** Run with bash, `ncloud-apigw` being the installed CLI against the fake API Gateway. */
  sh: ['sh', 'bash', 'shell'],
} as const

export type Language = keyof typeof runnable

export interface ExampleBlock {
  /** The Markdown file as the checker names it: its path from the repository root, or the path it was given. */
  file: string
  /** Line of the opening fence. */
  line: number
  /** Line of the block's first line of code. */
  bodyLine: number
  lang: string
  kind: ExampleKind
  /** Why a block is not runnable. */
  reason?: string
  body: string
}

/** A block that is checked: in a language the checker runs, marked `typecheck` or `run`. */
export interface CheckedBlock extends ExampleBlock {
  kind: 'typecheck' | 'run'
  language: Language
}

export const isChecked = (block: ExampleBlock): block is CheckedBlock => block.kind !== 'not-runnable'

/** A file and line, the way editors and terminals link them. */
export const where = (block: { file: string; line: number }) => `${block.file}:${block.line}`

/**
 * The Markdown files whose blocks are checked: every `*.md` git tracks or would track (a new file
 * counts before it is committed), but pending changesets and changelogs, which are release notes
 * written for and by changesets, not instructions.
 */
export function markdownFiles(root = repoRoot): string[] {
  const listed = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '--', '*.md'], { cwd: root, encoding: 'utf8' })
  return [...new Set(listed.split('\n').filter(Boolean))]
    .filter((file) => !(file.startsWith('.changeset/') && file !== '.changeset/README.md') && !/(^|\/)CHANGELOG\.md$/.test(file))
    .sort()
}

/**
 * Every fenced block of one Markdown text with what its marker says, and a problem (file and
 * line first) for each block whose marker is missing, unreadable, or asks for a check the
 * block's language cannot have.
 */
export function exampleBlocks(file: string, markdown: string): { blocks: ExampleBlock[]; problems: string[] } {
  const blocks: ExampleBlock[] = []
  const problems: string[] = []
  for (const fenced of fencedBlocks(markdown, file)) {
    const marker = exampleMarker(fenced.before)
    const at = `${file}:${fenced.line}`
    if ('problem' in marker) {
      problems.push(`${at}: ${marker.problem}`)
      continue
    }
    const block: ExampleBlock = { file, line: fenced.line, bodyLine: fenced.bodyLine, lang: fenced.lang, kind: marker.kind, body: fenced.body }
    if (marker.reason !== undefined) block.reason = marker.reason
    if (marker.kind !== 'not-runnable') {
      const language = languageOf(fenced.lang)
      if (!language) {
        problems.push(`${at}: a \`${fenced.lang || '(no language)'}\` block cannot be checked with "${marker.kind}": give it a language of ${Object.values(runnable).flat().join(', ')}, or mark it not-runnable with the reason`)
        continue
      }
      if (marker.kind === 'typecheck' && language !== 'ts') {
        problems.push(`${at}: only TypeScript is type-checked; mark a \`${fenced.lang}\` block "run"`)
        continue
      }
      Object.assign(block, { language })
    }
    blocks.push(block)
  }
  return { blocks, problems }
}

export function languageOf(lang: string): Language | undefined {
  return (Object.keys(runnable) as Language[]).find((language) => (runnable[language] as readonly string[]).includes(lang))
}

/** Every block of every file `markdownFiles` lists, read from the repository. */
export function repositoryExamples(root = repoRoot): { files: string[]; blocks: ExampleBlock[]; problems: string[] } {
  const files = markdownFiles(root)
  const blocks: ExampleBlock[] = []
  const problems: string[] = []
  for (const file of files) {
    const found = exampleBlocks(file, readFileSync(join(root, file), 'utf8'))
    blocks.push(...found.blocks)
    problems.push(...found.problems)
  }
  return { files, blocks, problems }
}

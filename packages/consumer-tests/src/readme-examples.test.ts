// Every code block a user can copy from a README, CONTRIBUTING.md or a doc page, checked as the
// user would use it: TypeScript compiled strictly (node16 and bundler) against the installed
// tarballs, blocks marked `run` run against the fake API Gateway (shell through the packed CLI),
// every other block marked not runnable with its reason. CONTRIBUTING.md, "Examples in READMEs",
// describes the markers; src/readme-blocks.ts and src/readme-runner.ts are the checker.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { beforeAll, describe, expect, inject, test } from 'vitest'
import { type CheckedBlock, exampleBlocks, isChecked, repositoryExamples, where } from './readme-blocks.js'
import { fileNameOf, prepareReadmeProject, type ReadmeProject, runBlock } from './readme-runner.js'
import { publishedPackages, repoRoot } from './workspace.js'

const { files, blocks, problems } = repositoryExamples()
const checked = blocks.filter(isChecked)

// The suite's own proof that a broken example fails it: edited copies of two READMEs, checked by
// the same code in the same compilation as the real ones.
const editedDir = join(inject('workDir'), 'edited-readmes')
function editedCopy(file: string, edit: (text: string) => string): { path: string; text: string } {
  const original = readFileSync(join(repoRoot, file), 'utf8')
  const text = edit(original)
  if (text === original) throw new Error(`the edit of ${file} changed nothing: update this test with the README`)
  const path = join(editedDir, file)
  mkdirSync(dirname(path), { recursive: true })
  writeFileSync(path, text)
  return { path, text }
}
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((line) => line.includes(needle)) + 1

// The signer's example without its check of the variables: what the user met (TS2322,
// `string | undefined` where a string is required).
const signerGuard = "if (!accessKey || !secretKey) throw new Error("
const brokenSigner = editedCopy('packages/signer/README.md', (text) => text.split('\n').filter((line) => !line.startsWith(signerGuard)).join('\n'))
// The CLI's example asking for a key that does not exist: exit code 5.
const brokenCli = editedCopy('packages/cli/README.md', (text) => text.replace('ncloud-apigw api-key get <api-key-id> --output table\nncloud-apigw api-key update', 'ncloud-apigw api-key get no-such-key --output table\nncloud-apigw api-key update'))
const edited = (copy: { path: string; text: string }) => exampleBlocks(copy.path, copy.text).blocks.filter(isChecked)
const brokenSignerBlocks = edited(brokenSigner)
const brokenCliBlocks = edited(brokenCli)

let readme: ReadmeProject
beforeAll(() => {
  readme = prepareReadmeProject(inject('project'), [...checked, ...brokenSignerBlocks, ...brokenCliBlocks])
})

async function typeErrors(block: CheckedBlock): Promise<string[]> {
  return (await readme.diagnostics).get(fileNameOf(block)) ?? []
}

describe('the Markdown examples', () => {
  test('every fenced block of every README, CONTRIBUTING.md and doc page is marked typecheck, run, or not-runnable with the reason', () => {
    expect(files).toEqual(expect.arrayContaining(['README.md', 'CONTRIBUTING.md', 'bench/README.md', 'docs/README.md', 'spec/README.md', 'packages/client/README.md', 'docs/guides/en/quick-start.md']))
    expect(problems).toEqual([])
  })

  test('the README of every published package has an example that is type-checked or run', async () => {
    const packages = await publishedPackages()
    const without = packages.filter((pkg) => !checked.some((block) => block.file === `${pkg.relDir}/README.md`)).map((pkg) => pkg.name)
    expect(without).toEqual([])
  })

  test('a block whose reason says ".ci/run runs exactly this" is, line for line, in .ci/run', () => {
    const ci = readFileSync(join(repoRoot, '.ci/run'), 'utf8').split('\n').map((line) => line.trim())
    const claimed = blocks.filter((block) => block.reason?.includes('.ci/run runs exactly this'))
    expect(claimed.length).toBeGreaterThan(0)
    const missing = claimed.flatMap((block) =>
      block.body
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line && !line.startsWith('#') && !ci.includes(line))
        .map((line) => `${where(block)}: ${line}`),
    )
    expect(missing).toEqual([])
  })

  test.each(checked.map((block) => [`${where(block)} (${block.lang}, ${block.kind})`, block] as const))('%s', async (_name, block) => {
    if (block.language === 'ts') expect(await typeErrors(block), `${where(block)}: TypeScript errors`).toEqual([])
    if (block.kind === 'run') {
      const { ok, report } = await runBlock(readme, block)
      expect(ok, report).toBe(true)
    }
  })
})

describe('a broken example fails the suite, naming its file and line', () => {
  test('a block with no marker', () => {
    const text = '# Title\n\nSome text.\n\n```ts\nconsole.log(1)\n```\n\n<!-- example: not-runnable () -->\n```sh\nls\n```\n'
    expect(exampleBlocks('edited/README.md', text).problems).toEqual([
      expect.stringMatching(/^edited\/README\.md:5: a code block with no example marker: mark it with <!-- example: typecheck -->/),
      'edited/README.md:10: a not-runnable example without its reason: say why in the parentheses',
    ])
  })

  test('a block in a language the checker cannot run, marked run', () => {
    const text = '<!-- example: run -->\n```ini\n[DEFAULT]\n```\n'
    expect(exampleBlocks('edited/README.md', text).problems).toEqual([expect.stringMatching(/^edited\/README\.md:2: a `ini` block cannot be checked with "run"/)])
  })

  test("a type error in an edited copy of the signer's README", async () => {
    expect(brokenSignerBlocks).toHaveLength(1)
    const line = lineOf(brokenSigner.text, 'await signRequest(')
    const errors = await typeErrors(brokenSignerBlocks[0]!)
    expect(errors).toEqual([
      expect.stringMatching(new RegExp(`^${brokenSigner.path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:${line}:\\d+ TS2322 \\(node16\\) Type 'string \\| undefined' is not assignable to type 'string'`)),
      expect.stringMatching(/TS2322 \(node16\)/),
      expect.stringMatching(/TS2322 \(bundler\)/),
      expect.stringMatching(/TS2322 \(bundler\)/),
    ])
  })

  test("a failing command in an edited copy of the CLI's README", async () => {
    const example = brokenCliBlocks.find((block) => block.body.includes('no-such-key'))!
    const { ok, report } = await runBlock(readme, example)
    expect(ok).toBe(false)
    expect(report).toContain(`${brokenCli.path}:${example.line}: the sh block exited 5`)
    expect(report).toContain(`${brokenCli.path}:${lineOf(brokenCli.text, 'api-key get no-such-key')}: exit 5`)
  })
})

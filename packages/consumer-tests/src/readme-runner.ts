// Checks README blocks as a user would use them, inside the consumer project that installed the
// packed tarballs: TypeScript is compiled strictly under moduleResolution node16 and bundler (one
// compilation each for all blocks), and blocks marked `run` run against a fresh fake API Gateway
// each. Problems are reported at the Markdown file and line of the code that caused them.
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { startFakeApiGateway, TEST_CREDENTIALS } from '@ncloud-apigw/testing'
import type { CheckedBlock } from './readme-blocks.js'
import { freshEnv, runCommand } from './run-command.js'

const fixtures = new URL('../test/fixtures/readme-examples/', import.meta.url)

/** The ids of the keys every run's fake holds: the ones the READMEs show. `<api-key-id>` stands for the first. */
export const seededKeyIds = ['ab12cd34ef', 'cvcohvd2xj'] as const

/**
 * What a block has replaced before it is compiled or run: placeholders a user fills in. No
 * replacement spans a line, so line numbers hold; each turns a string into a string of the same
 * type. (The address the READMEs give a fake API Gateway started in another terminal,
 * http://127.0.0.1:8080, needs no replacing: `ncp-to-fake.mjs` sends it to the run's fake.)
 */
export const placeholders: readonly (readonly [string, string])[] = [
  ['<api-key-id>', seededKeyIds[0]],
  ['<access-key-id>', TEST_CREDENTIALS.accessKey],
  ['<secret-access-key>', TEST_CREDENTIALS.secretKey],
]

export function withPlaceholdersFilled(body: string): string {
  for (const [placeholder, value] of placeholders) body = body.split(placeholder).join(value)
  return body
}

/** The first lines of every shell block: stop at the first failing command, say which README line it was on, point the CLI at the fake. */
function shellPrelude(block: CheckedBlock): string {
  const lines = [
    'set -euo pipefail',
    `trap 'code=$?; echo "${block.file}:$((LINENO - PRELUDE + ${block.bodyLine - 1})): exit $code" >&2' ERR`,
    // `|| return`: a failure ends the function, not the shell, so the trap reports the caller's line.
    'ncloud-apigw() { command ncloud-apigw --base-url "$README_EXAMPLE_FAKE_URL" "$@" || return $?; }',
  ]
  return [`PRELUDE=${lines.length + 1}`, ...lines, ''].join('\n')
}

/** The file a block is written to: its Markdown path and line, readable in any message. */
export function fileNameOf(block: CheckedBlock): string {
  const base = `${block.file.replace(/^\/+/, '').replace(/[^A-Za-z0-9.-]+/g, '_')}-L${block.line}`
  return `${base}.${block.language === 'ts' ? 'ts' : block.language === 'js' ? 'mjs' : 'sh'}`
}

export interface ReadmeProject {
  dir: string
  /** The TypeScript diagnostics of each block (by its file name), as `file.md:line:column TSxxxx message`, for both resolutions. */
  diagnostics: Promise<Map<string, string[]>>
}

/**
 * Writes the blocks into `<project>/readme-examples/blocks/` and starts the two compilations of
 * the TypeScript ones (side by side: tsc is single-threaded). The node16 one emits, so TypeScript
 * blocks marked `run` run from its output.
 */
export function prepareReadmeProject(project: string, blocks: CheckedBlock[]): ReadmeProject {
  const dir = join(project, 'readme-examples')
  cpSync(fixtures, dir, { recursive: true })
  mkdirSync(join(dir, 'blocks'), { recursive: true })
  const byName = new Map<string, CheckedBlock>()
  for (const block of blocks) {
    const name = fileNameOf(block)
    if (byName.has(name)) throw new Error(`two blocks are written to ${name}`)
    byName.set(name, block)
    const body = withPlaceholdersFilled(block.body)
    writeFileSync(join(dir, 'blocks', name), block.language === 'sh' ? shellPrelude(block) + body : body)
  }
  const tsc = (config: string) =>
    runCommand(process.execPath, [join(project, 'node_modules/typescript/bin/tsc'), '-p', config, '--pretty', 'false'], { cwd: dir })
  const compiled = [tsc('tsconfig.node16.json'), tsc('tsconfig.bundler.json')]
  const diagnostics = Promise.all(compiled).then((results) => {
    const found = new Map<string, string[]>([...byName.keys()].map((name) => [name, []]))
    results.forEach((result, i) => {
      const resolution = i === 0 ? 'node16' : 'bundler'
      // One diagnostic per "file(line,col): error TSxxxx: message" line, with its indented continuation lines.
      for (const [, file, line, column, code, message] of result.stdout.matchAll(/^blocks\/(.+?)\((\d+),(\d+)\): error (TS\d+): (.*(?:\n {2,}.*)*)/gm)) {
        const block = byName.get(file!)
        if (!block) throw new Error(`tsc reported on a file that is no block: ${file}\n${result.stdout}`)
        found.get(file!)!.push(`${block.file}:${block.bodyLine + Number(line) - 1}:${column} ${code} (${resolution}) ${message!.replace(/\n\s+/g, ' ')}`)
      }
      if (result.code !== 0 && ![...found.values()].some((list) => list.length)) throw new Error(`tsc (${resolution}) failed without a diagnostic on a block:\n${result.stdout}${result.stderr}`)
    })
    return found
  })
  return { dir, diagnostics }
}

export interface RunResult {
  ok: boolean
  /** What happened, with the block's Markdown file and line; the output of the run. */
  report: string
}

/**
 * Runs one block marked `run`: against a fresh fake API Gateway holding the keys `seededKeyIds`
 * name, with the fake's test credentials in NCLOUD_ACCESS_KEY_ID and NCLOUD_SECRET_ACCESS_KEY, an
 * empty HOME (no ~/.ncloud/configure), NCP's sites sent to the fake by a preloaded `fetch`
 * (`ncp-to-fake.mjs`), and, for shell, `ncloud-apigw` given `--base-url` of the fake. It passes
 * when it exits 0 within `timeoutMs` and every request the fake received was signed correctly.
 */
export async function runBlock(readme: ReadmeProject, block: CheckedBlock, timeoutMs = 60_000): Promise<RunResult> {
  const name = fileNameOf(block)
  const gw = await startFakeApiGateway()
  try {
    for (const apiKeyId of seededKeyIds) gw.seedKey({ apiKeyId, apiKeyName: 'ci-bot', apiKeyDescription: 'deploys' })
    const work = mkdtempSync(join(readme.dir, 'run-'))
    const home = join(work, 'home')
    mkdirSync(home)
    const env = freshEnv({
      HOME: home,
      NCLOUD_ACCESS_KEY_ID: TEST_CREDENTIALS.accessKey,
      NCLOUD_SECRET_ACCESS_KEY: TEST_CREDENTIALS.secretKey,
      NODE_OPTIONS: `--import=${pathToFileURL(join(readme.dir, 'ncp-to-fake.mjs')).href}`,
      README_EXAMPLE_FAKE_URL: gw.url,
      PATH: `${join(readme.dir, '..', 'node_modules', '.bin')}:${process.env.PATH ?? ''}`,
      NO_COLOR: '1',
    })
    // The user's own NCP settings would change what runs (a site, a profile) or reach NCP.
    for (const key of Object.keys(env)) if (/^NCLOUD_/.test(key) && !/^NCLOUD_(ACCESS_KEY_ID|SECRET_ACCESS_KEY)$/.test(key)) delete env[key]

    const file = join(readme.dir, 'blocks', name)
    const [command, args] =
      block.language === 'sh'
        ? ['bash', [file]]
        : block.language === 'js'
          ? [process.execPath, [file]]
          : [process.execPath, ['--enable-source-maps', join(readme.dir, 'dist', name.replace(/\.ts$/, '.js'))]]
    if (block.language === 'ts') await readme.diagnostics
    const result = await runCommand(command, args, { cwd: work, env, timeoutMs })
    // Stack traces name the Markdown line, not the generated file's.
    const located = (text: string) =>
      text.replace(new RegExp(`(?:file://)?[^\\s(]*${name.replace(/\.\w+$/, '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.(?:ts|js|mjs|sh):(\\d+)`, 'g'), (_m, line: string) => `${block.file}:${block.bodyLine + Number(line) - 1}`)
    const output = `--- stdout\n${located(result.stdout)}--- stderr\n${located(result.stderr)}`
    if (result.code !== 0) return { ok: false, report: `${block.file}:${block.line}: the ${block.lang} block exited ${result.code}\n${output}` }
    const unsigned = gw.requests.filter((r) => r.method !== 'OPTIONS' && !r.signatureValid)
    if (unsigned.length) {
      return { ok: false, report: `${block.file}:${block.line}: the fake refused the signature of ${unsigned.map((r) => `${r.method} ${r.path} (${r.authFailure})`).join(', ')}\n${output}` }
    }
    return { ok: true, report: `${block.file}:${block.line}: ran, ${gw.requests.length} request(s) to the fake\n${output}` }
  } finally {
    await gw.close()
  }
}

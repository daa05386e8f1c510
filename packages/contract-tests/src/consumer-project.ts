import { spawn } from 'node:child_process'
import { cp, mkdtemp, symlink, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join, sep } from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * What the checks of other generators share (other-generator.test.ts for @hey-api/openapi-ts,
 * orval.test.ts for orval): a temp project holding a fixture and the generated client, one tsc
 * run under strict settings, and child processes that never block the event loop (the fake API
 * Gateway answers from the test's own process).
 */

const require = createRequire(import.meta.url)
const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..')
const tscPath = require.resolve('typescript/bin/tsc')

/** The bundled spec every generator reads, as `@ncloud-apigw/spec` exports it. */
export const specPath = require.resolve('@ncloud-apigw/spec/openapi.json')

export interface Run {
  code: number | null
  stdout: string
  stderr: string
}

export interface Diagnostic {
  /** Relative to the temp project, with `/` separators, e.g. `src/must-fail.ts`. */
  file: string
  line: number
  code: string
  /** The first line and its continuation lines, as tsc printed them. */
  text: string
}

/**
 * A new temp project (`<tmp>/<prefix>XXXXXX`): `fixtures/<fixture>` copied in, the strict settings
 * of `fixtures/tsconfig.strict.json` as its tsconfig.json, an ES module package.json, and this
 * package's node_modules linked in (a program imports @ncloud-apigw/signer; tsc needs @types/node).
 * The caller removes it.
 */
export async function consumerProject(fixture: string, prefix: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix))
  await cp(join(packageDir, 'fixtures', fixture), dir, { recursive: true })
  await cp(join(packageDir, 'fixtures', 'tsconfig.strict.json'), join(dir, 'tsconfig.json'))
  await writeFile(join(dir, 'package.json'), `${JSON.stringify({ private: true, type: 'module' })}\n`)
  await symlink(join(packageDir, 'node_modules'), join(dir, 'node_modules'), 'dir')
  return dir
}

/** Runs a command without blocking the event loop; killed after `timeoutMs` (a hang, not a measure of speed). */
export function run(command: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv; timeoutMs: number }): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs)
    child.on('error', (error) => {
      clearTimeout(timer)
      reject(error)
    })
    child.on('close', (code) => {
      clearTimeout(timer)
      resolve({ code, stdout, stderr })
    })
  })
}

/** One tsc run in `dir` (type-check and emit to dist/), with its diagnostics parsed. */
export async function compile(dir: string): Promise<{ tsc: Run; diagnostics: Diagnostic[] }> {
  const tsc = await run(process.execPath, [tscPath, '-p', 'tsconfig.json', '--pretty', 'false'], { cwd: dir, timeoutMs: 120_000 })
  return { tsc, diagnostics: parseDiagnostics(tsc.stdout + tsc.stderr) }
}

/** Parses `tsc --pretty false` output: `file(line,col): error TSxxxx: message`, then indented lines. */
export function parseDiagnostics(output: string): Diagnostic[] {
  const diagnostics: Diagnostic[] = []
  for (const line of output.split('\n')) {
    const head = /^(.+?)\((\d+),\d+\): error (TS\d+): (.*)$/.exec(line)
    if (head) {
      diagnostics.push({ file: head[1]!.split(sep).join('/'), line: Number(head[2]), code: head[3]!, text: head[4]! })
    } else if (/^\s/.test(line) && diagnostics.length > 0) {
      diagnostics[diagnostics.length - 1]!.text += `\n${line.trim()}`
    } else if (line.trim() !== '') {
      diagnostics.push({ file: '', line: 0, code: '', text: line })
    }
  }
  return diagnostics
}

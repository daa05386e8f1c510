import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process'
import { once } from 'node:events'
import { PassThrough } from 'node:stream'
import { fileURLToPath } from 'node:url'
import { run } from '../src/run.js'

/** The built binary, as users run it (turbo builds the package before it tests it). */
export const bin = fileURLToPath(new URL('../dist/bin.js', import.meta.url))

export interface CliResult {
  code: number | null
  stdout: string
  stderr: string
}

/**
 * What the CLI and the client read from the environment: the `NCLOUD_` variables, `HOME` (for
 * `~/.ncloud/configure`, through `os.homedir()`) and the proxy variables.
 */
const readByTheCli = /^(NCLOUD_\w*|HOME|(HTTPS?|NO|ALL)_PROXY)$/i

/**
 * Runs the CLI in this process through `run(argv, io)`, as the binary does, with stdin a pipe
 * closed at once and stdout and stderr no terminals, as in a script (the binary's `runCli`).
 *
 * The client reads credentials, the site and proxies from `process.env` and `~/.ncloud/configure`
 * from `HOME`, and takes no environment of its own (`findNcpCredentials` has no `env` option),
 * so the run gets `env` by having exactly it in `process.env` for its duration: every variable
 * the CLI reads is removed first (no real credentials or configure file can leak in), the
 * others (PATH, vitest's) stay. One run at a time: await each before the next.
 */
export async function runInProcess(args: readonly string[], env: Record<string, string>): Promise<CliResult> {
  const saved = { ...process.env }
  for (const name of Object.keys(process.env)) if (readByTheCli.test(name)) delete process.env[name]
  Object.assign(process.env, env)
  const stdin = new PassThrough()
  stdin.end()
  const stdout = new PassThrough()
  const stderr = new PassThrough()
  const text = { stdout: '', stderr: '' }
  stdout.setEncoding('utf8').on('data', (chunk: string) => (text.stdout += chunk))
  stderr.setEncoding('utf8').on('data', (chunk: string) => (text.stderr += chunk))
  try {
    const code = await run(args, { stdin, stdout, stderr })
    stdout.end()
    stderr.end()
    await Promise.all([once(stdout, 'end'), once(stderr, 'end')])
    return { code, ...text }
  } finally {
    for (const name of Object.keys(process.env)) if (!(name in saved)) delete process.env[name]
    Object.assign(process.env, saved)
  }
}

/**
 * Runs `node dist/bin.js ...args` with exactly `env` (nothing inherited but PATH, so no real
 * credentials or ~/.ncloud/configure can leak in) and stdin a pipe that is closed at once:
 * stdin and stdout are not terminals, as in a script.
 */
export function runCli(args: readonly string[], env: Record<string, string>): Promise<CliResult> {
  const child = spawn(process.execPath, [bin, ...args], {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  })
  child.stdin.end()
  return collect(child)
}

/** Waits for a child to end, with everything it wrote. */
function collect(child: ChildProcessWithoutNullStreams): Promise<CliResult> {
  let stdout = ''
  let stderr = ''
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
  return new Promise((resolve, reject) => {
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stdout, stderr }))
  })
}

const quote = (word: string) => `'${word.replaceAll("'", `'\\''`)}'`

/**
 * Runs the built binary on a pseudo-terminal, through util-linux `script` (Debian's bsdutils,
 * an essential package), typing `typed` into it: stdin and stdout are terminals, as for a
 * person. stdout and stderr arrive mixed, as on a screen, with the terminal's CRLF line ends
 * turned back into LF.
 */
export async function runInTerminal(args: readonly string[], env: Record<string, string>, typed: string): Promise<CliResult> {
  const command = [process.execPath, bin, ...args].map(quote).join(' ')
  // -q: no banner; -e: exit with the command's code; -c: the command; /dev/null: no log file.
  const child = spawn('script', ['-qec', command, '/dev/null'], {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  })
  // The terminal holds what is typed until the program reads it.
  child.stdin.end(typed)
  const { code, stdout, stderr } = await collect(child)
  return { code, stdout: stdout.replaceAll('\r\n', '\n'), stderr }
}

import { type ChildProcess, spawn } from 'node:child_process'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

export interface RunningPrism {
  /** Origin Prism listens on, such as `http://127.0.0.1:41234`. */
  readonly origin: string
  /** Everything Prism printed so far, for failure messages. */
  output(): string
  stop(): Promise<void>
}

export type PrismMode =
  | { mode: 'mock' }
  | { mode: 'proxy'; upstream: string }

// Prism starts in one or two seconds; a machine loaded by parallel builds can take far longer.
const startTimeoutMs = 120_000
const stopTimeoutMs = 5_000

/** Path of Prism's CLI script inside node_modules; run with this Node, never a global install. */
function prismCli(): string {
  const require = createRequire(import.meta.url)
  const pkg = require.resolve('@stoplight/prism-cli/package.json')
  return join(dirname(pkg), require(pkg).bin.prism)
}

/**
 * Starts Prism on a free loopback port (`-p 0`; Prism prints the port it got) and resolves once
 * it says it is listening. A Prism that exits or stays silent fails with everything it printed.
 * The one way this project starts Prism: the contract tests' global setup and `pnpm start` both
 * call it.
 */
export function startPrism(specPath: string, how: PrismMode): Promise<RunningPrism> {
  const args = [prismCli(), how.mode, specPath]
  if (how.mode === 'proxy') args.push(how.upstream)
  // --errors: a request or response that breaks the spec becomes an error response instead of
  // a warning in Prism's log, so a test can see it.
  args.push('--host', '127.0.0.1', '--port', '0', '--errors')

  // Spawned with this Node directly (not through npx or a shell) so that stop() ends Prism itself.
  const child: ChildProcess = spawn(process.execPath, args, {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' },
  })
  let output = ''
  const collect = (chunk: Buffer) => {
    output += chunk.toString()
  }
  child.stdout?.on('data', collect)
  child.stderr?.on('data', collect)

  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return
    child.kill('SIGTERM')
    const timer = setTimeout(() => child.kill('SIGKILL'), stopTimeoutMs)
    await exited
    clearTimeout(timer)
  }

  return new Promise((resolve, reject) => {
    const fail = (why: string) => {
      cleanup()
      void stop().then(() => reject(new Error(`Prism ${how.mode} ${why}. Its output:\n${output}`)))
    }
    const onData = () => {
      const match = /Prism is listening on (http:\/\/[^\s]+)/.exec(output)
      if (!match?.[1]) return
      cleanup()
      resolve({ origin: match[1].replace(/\/$/, ''), output: () => output, stop })
    }
    const onExit = (code: number | null) => fail(`exited with code ${code} before listening`)
    const timer = setTimeout(() => fail(`did not start within ${startTimeoutMs / 1000} s`), startTimeoutMs)
    const cleanup = () => {
      clearTimeout(timer)
      child.stdout?.off('data', onData)
      child.off('exit', onExit)
    }
    child.stdout?.on('data', onData)
    child.once('exit', onExit)
    child.once('error', (error) => fail(`could not be spawned: ${error.message}`))
  })
}

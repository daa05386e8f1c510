import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'

/** The built binary, as users run it (turbo builds the package before it tests it). */
export const bin = fileURLToPath(new URL('../dist/bin.js', import.meta.url))

export interface CliResult {
  code: number | null
  stdout: string
  stderr: string
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
  let stdout = ''
  let stderr = ''
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
  return new Promise((resolve, reject) => {
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stdout, stderr }))
  })
}

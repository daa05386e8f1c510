import { execFile } from 'node:child_process'

export interface CommandResult {
  code: number
  stdout: string
  stderr: string
}

/**
 * The environment of a fresh shell: the variables pnpm and turbo set for scripts (npm_config_*,
 * npm_package_*, PNPM_*, INIT_CWD, NODE_OPTIONS) are left out, because npm reads npm_config_* as
 * its own configuration and a consumer's machine has none of them.
 */
export function freshEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {}
  for (const [key, value] of Object.entries(process.env)) {
    if (/^(npm_|pnpm_|PNPM_|TURBO_|INIT_CWD$|NODE_OPTIONS$|NODE_PATH$|VITEST)/i.test(key)) continue
    env[key] = value
  }
  return { ...env, ...extra }
}

/** Runs a command to completion and resolves with its exit code and output; never rejects on a non-zero exit. */
export function runCommand(
  command: string,
  args: readonly string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; timeoutMs?: number },
): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    execFile(
      command,
      args,
      { cwd: options.cwd, env: options.env ?? freshEnv(), timeout: options.timeoutMs ?? 300_000, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error && typeof error.code !== 'number') {
          // Not an exit code: the command did not start (ENOENT), was killed (its timeout) or overflowed.
          const why = error.killed ? `killed by ${error.signal} after its ${options.timeoutMs ?? 300_000} ms timeout` : `code ${String(error.code)}, signal ${String(error.signal)}`
          reject(new Error(`${command} ${args.join(' ')} could not run in ${options.cwd} (${why}): ${error.message}\n${stderr}`))
          return
        }
        resolve({ code: error ? (error.code as number) : 0, stdout, stderr })
      },
    )
  })
}

/** The command line and its output, for an assertion message. */
export function describeRun(label: string, result: CommandResult): string {
  return `${label} exited ${result.code}\n--- stdout\n${result.stdout}\n--- stderr\n${result.stderr}`
}

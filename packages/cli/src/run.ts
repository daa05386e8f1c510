import { CommanderError } from 'commander'
import { type ExitCode, exitCodeFor, exitCodes } from './exit-codes.js'
import { formatError } from './format-error.js'
import { createProgram, type GlobalOptions, type Io } from './program.js'
import { packageVersion } from './version.js'

/**
 * Runs `ncloud-apigw` with the arguments after the program name and returns the exit code.
 * Never throws: every failure is printed on stderr and mapped to its exit code.
 */
export async function run(argv: readonly string[], io: Io): Promise<ExitCode> {
  const program = createProgram(io, packageVersion())
  try {
    await program.parseAsync(argv, { from: 'user' })
    return exitCodes.ok
  } catch (error) {
    // Commander has already printed its own errors, help and version.
    if (!(error instanceof CommanderError)) io.stderr.write(formatError(error, program.opts<GlobalOptions>().output))
    return exitCodeFor(error)
  }
}

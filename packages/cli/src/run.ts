import { CommanderError } from 'commander'
import { createSession, type GlobalOptions, type Io, type Session } from './context.js'
import { type ExitCode, exitCodeFor, exitCodes } from './exit-codes.js'
import { type ErrorContext, formatError } from './format-error.js'
import { fieldFlags } from './attach.js'
import { createProgram, globalFieldFlags } from './program.js'
import { json, quoteId, visible } from './text.js'
import { packageInfo } from './version.js'

/**
 * Runs `ncloud-apigw` with the arguments after the program name and returns the exit code.
 * Never throws: every failure is printed on stderr and mapped to its exit code, and a stream
 * that cannot be written is reported on the other one (see `settle`).
 */
export async function run(argv: readonly string[], io: Io): Promise<ExitCode> {
  const { version, bugs } = packageInfo()
  const session = createSession(io, version)
  const program = createProgram(session)
  let code: ExitCode
  try {
    await program.parseAsync(argv, { from: 'user' })
    code = exitCodes.ok
  } catch (error) {
    code = exitCodeFor(error)
    // Commander has already printed its own errors, help and version.
    if (!(error instanceof CommanderError)) {
      const format = session.options?.output ?? program.opts<GlobalOptions>().output
      session.stderr.write(formatError(error, format, errorContext(session, bugs)))
    }
  }
  return settle(session, code)
}

/** The flags of the command that ran, for its error message. */
function errorContext(session: Session, bugs: string): ErrorContext {
  const flags = session.running ? fieldFlags(session.running) : new Map<string, string>()
  return {
    bugs,
    flagFor(field) {
      if (Object.hasOwn(globalFieldFlags, field)) return { flag: globalFieldFlags[field]!, global: true }
      // `statusSet[1]` and `previousKeys.primaryKey` are set by the flag of their first part.
      const flag = flags.get(field) ?? flags.get(field.split(/[.[]/)[0]!)
      return flag === undefined ? undefined : { flag, global: false }
    },
  }
}

/**
 * Waits for the output to be written, then says what a failed write lost, on whichever stream
 * still works. The exit code stays the command's own, except that a command that succeeded but
 * whose output could not be written exits with `output`, naming the API key it returned (a key
 * `create` made would otherwise be lost with its ID). A reader that closed the pipe (`| head`)
 * is no failure.
 */
async function settle(session: Session, code: ExitCode): Promise<ExitCode> {
  const { stdout, stderr } = session
  await Promise.all([stdout.flush(), stderr.flush()])
  if (stdout.failure && code === exitCodes.ok) {
    code = exitCodes.output
    stderr.write(outputLost(session, stdout.failure))
    await stderr.flush()
  }
  if (stderr.failure && code !== exitCodes.ok && stderr.lost) {
    stdout.write(stderr.lost)
    await stdout.flush()
  }
  return code
}

/** What was done, and what of it was lost, when stdout could not be written. */
function outputLost(session: Session, failure: NodeJS.ErrnoException): string {
  const operation = session.running?.operation ?? 'The command'
  const result = session.result
  const value = result === undefined ? undefined : result.kind === 'done' ? result.json : result.value
  const id = (value as { apiKeyId?: unknown } | undefined)?.apiKeyId
  const key = typeof id === 'string' ? ` It returned the API key ${quoteId(id)}: ncloud-apigw api-key get ${quoteId(id)} shows it again.` : ''
  const message = `${operation} succeeded, but its output could not be written to stdout (${failure.message}).${key}`
  if (session.options?.output === 'table') return `ncloud-apigw: ${visible(message)}\n`
  return `${json({ error: { name: 'OutputError', message, code: failure.code, ...(typeof id === 'string' && { apiKeyId: id }) } }, false)}\n`
}

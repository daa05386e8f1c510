import { NcpApiError, NcpCredentialsError, NcpNetworkError, NcpValidationError } from '@ncloud-apigw/client'
import { CommanderError } from 'commander'
import { CancelledError } from './cancelled.js'

/**
 * The exit codes, one per kind of failure, so that a script can tell a mistake in its own
 * command line from a refused input, bad credentials, an API error or an unreachable API.
 * The README's table lists the same codes; a test holds the two together.
 */
export const exitCodes = {
  /** The call succeeded (or help or the version was printed). */
  ok: 0,
  /** Something the CLI did not expect: a bug; please report it. */
  unexpected: 1,
  /** The command line is wrong: unknown command or flag, missing or conflicting flags, missing id, a number flag that is not decimal digits, a `--base-url` with a password, a command that asks first without `--yes` and no terminal. */
  usage: 2,
  /** The input breaks the spec's limits (a name too long, `--limit 0`, ...), refused before anything was sent. */
  validation: 3,
  /** No usable credentials, or the API answered 401 or 403. */
  auth: 4,
  /** The API answered another error (404 for an unknown id, 429, 5xx, ...) or an unusable body. */
  api: 5,
  /** No answer: connection refused or reset, DNS, TLS, or the timeout passed. */
  network: 6,
  /** A confirmation (`delete`, `regenerate`, `unsubscribe`) was answered no; nothing was sent. */
  cancelled: 7,
  /** The call succeeded but its output could not be written (a full disk, a closed file); stderr says what was done. */
  output: 8,
} as const

export type ExitCode = (typeof exitCodes)[keyof typeof exitCodes]

/** The exit code for an error thrown while running a command. */
export function exitCodeFor(error: unknown): ExitCode {
  // Commander's own exits: 0 for --help and --version, anything else is a bad command line.
  if (error instanceof CommanderError) return error.exitCode === 0 ? exitCodes.ok : exitCodes.usage
  if (error instanceof CancelledError) return exitCodes.cancelled
  if (error instanceof NcpValidationError) return exitCodes.validation
  if (error instanceof NcpCredentialsError) return exitCodes.auth
  if (error instanceof NcpApiError) return error.status === 401 || error.status === 403 ? exitCodes.auth : exitCodes.api
  if (error instanceof NcpNetworkError) return exitCodes.network
  return exitCodes.unexpected
}

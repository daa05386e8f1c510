import { type ApiKeyClient, chooseSite, createApiKeyClient, findNcpCredentials, type Site } from '@ncloud-apigw/client'
import type { CommandModule, Result } from './commands/command.js'
import { note, type OutputFormat } from './output.js'
import { type Channel, channel } from './streams.js'
import { verboseLogger } from './verbose.js'
import { configureFileWarning, plainHttpWarning } from './warnings.js'

/** The process's streams, injectable so the program can run in a test. */
export interface Io {
  stdin: NodeJS.ReadableStream & { isTTY?: boolean }
  stdout: NodeJS.WritableStream & { isTTY?: boolean }
  stderr: NodeJS.WritableStream
}

/** The options every command takes, set before or after the command's name. */
export interface GlobalOptions {
  site?: Site
  baseUrl?: string
  profile?: string
  output: OutputFormat
  showSecrets?: boolean
  timeout?: number
  verbose?: boolean
  debug?: boolean
}

/** What the CLI adds to the client's User-Agent. */
const userAgentFor = (version: string) => `ncloud-apigw-cli/${version}`

/** The advice that ends the client's "No NCP credentials found" error, in the CLI's terms. */
const credentialsHint = 'name one of its sections with --profile'

/** One run of the CLI: its streams, its options once parsed, and what happened so far. */
export interface Session {
  readonly io: Io
  readonly stdout: Channel
  readonly stderr: Channel
  readonly version: string
  /** The global options, set once a command's action starts. */
  options: GlobalOptions | undefined
  /** The command that ran, once it started: its flags name the fields an error is about. */
  running: CommandModule | undefined
  /** What it did, once it did it: named if its output cannot be written. */
  result: Result | undefined
  /** A client for the global options, after the warnings they call for; throws the credentials error. */
  client(): ApiKeyClient
  /** A warning on stderr, in the output's format; never stops the command. */
  warn(message: string): void
}

export function createSession(io: Io, version: string): Session {
  const session: Session = {
    io,
    stdout: channel(io.stdout),
    stderr: channel(io.stderr),
    version,
    options: undefined,
    running: undefined,
    result: undefined,

    client() {
      const options = session.options!
      // The chain on its own, so that its error names the CLI's way (--profile), not an option of the library's.
      const found = findNcpCredentials({ ...(options.profile !== undefined && { profile: options.profile }), hint: credentialsHint })
      const { credentials } = found
      // Where requests go, chosen as the client chooses: --base-url, --site, NCLOUD_SITE, the profile's, public.
      const { baseUrl } = chooseSite({ baseUrl: options.baseUrl, site: options.site, env: process.env, found })
      for (const warning of [plainHttpWarning(options.baseUrl), configureFileWarning()]) if (warning) session.warn(warning)
      const verbose = options.verbose || options.debug ? verboseLogger((line) => session.stderr.write(line), options.output, [credentials.secretKey]) : undefined
      return createApiKeyClient({
        credentials,
        baseUrl,
        ...(options.timeout !== undefined && { timeoutMs: options.timeout }),
        ...(verbose && { logger: verbose }),
        userAgent: userAgentFor(version),
      })
    },

    warn(message) {
      session.stderr.write(note('warning', message, {}, session.options?.output ?? 'json'))
    },
  }
  return session
}

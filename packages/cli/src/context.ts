import type { ApiKeyClient, Site } from '@ncloud-apigw/client'
import type { Command } from 'commander'
import type { OutputFormat } from './format-api-key.js'

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
}

/** What every command's action needs from the program around it. */
export interface Context {
  readonly io: Io
  /** The global options, wherever on the command line they were given. */
  globals(command: Command): GlobalOptions
  /** A client for the global options; throws the credentials error before anything is asked or sent. */
  client(command: Command): ApiKeyClient
  /** An API key on stdout, its values masked unless `--show-secrets`. */
  print(key: object, command: Command): void
  /** The one flag given of two that exclude each other (Commander refuses both); a usage error if neither. */
  oneOf<T>(command: Command, choices: Record<string, T>): T
  /**
   * Unless `--yes`: asks `question` on a terminal (no cancels, exit code 7), and refuses with a
   * usage error saying `refusal` when stdin is no terminal, so nothing is sent either way.
   */
  confirmFirst(command: Command, yes: boolean | undefined, { refusal, question }: { refusal: string; question: string }): Promise<void>
}

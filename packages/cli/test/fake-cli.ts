import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type FakeApiGateway, startFakeApiGateway, TEST_CREDENTIALS } from '@ncloud-apigw/testing'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { exitCodes } from '../src/exit-codes.js'
import { type CliResult, runInProcess } from './run-cli.js'

/** What the fake and its options are; the fake's options as `startFakeApiGateway` takes them. */
export type FakeOptions = Parameters<typeof startFakeApiGateway>[0]

/** A file's fake API Gateway, an empty HOME, and the CLI run in-process against them. */
export interface FakeCli {
  readonly gw: FakeApiGateway
  readonly home: string
  /** HOME and the fake's credentials in the environment. */
  env(): Record<string, string>
  /**
   * Runs the CLI (`--base-url` last, after the command's own flags) in this process through
   * `run(argv, io)` with exactly `env` as its environment (see runInProcess). What only a
   * process shows is bin.test.ts's, through the built binary.
   */
  cli(args: readonly string[], options?: { env?: Record<string, string>; baseUrl?: string | null }): Promise<CliResult>
  /** The requests the fake recorded since it had recorded `count`. */
  sentSince(count: number): FakeApiGateway['requests']
}

/**
 * Starts a fake API Gateway for the file (beforeAll) and stops it (afterAll). Every run is kept
 * with every key value the fake held right after it, so that `noSecretsLeaked` can hold all
 * output to the rule: no secret key ever, no key value without --show-secrets.
 */
/** A file's fake and CLI, with every run kept for `noSecretsLeaked`. */
export interface FakeCliHarness extends FakeCli {
  readonly transcripts: { args: readonly string[]; result: CliResult }[]
  readonly keyValues: Set<string>
}

export function useFakeCli(options?: FakeOptions): FakeCliHarness {
  let gw: FakeApiGateway | undefined
  let home = ''
  const transcripts: { args: readonly string[]; result: CliResult }[] = []
  const keyValues = new Set<string>()

  beforeAll(async () => {
    gw = await startFakeApiGateway(options)
    // An empty HOME: no real ~/.ncloud/configure can be read.
    home = await mkdtemp(join(tmpdir(), 'ncloud-apigw-cli-'))
  })

  afterAll(async () => {
    await gw?.close()
    if (home) await rm(home, { recursive: true, force: true })
  })

  const harness: FakeCliHarness = {
    get gw() {
      return gw!
    },
    get home() {
      return home
    },
    transcripts,
    keyValues,
    env: () => ({ HOME: home, NCLOUD_ACCESS_KEY_ID: TEST_CREDENTIALS.accessKey, NCLOUD_SECRET_ACCESS_KEY: TEST_CREDENTIALS.secretKey }),
    async cli(args: readonly string[], { env = harness.env(), baseUrl = gw!.url }: { env?: Record<string, string>; baseUrl?: string | null } = {}) {
      const all = baseUrl === null ? args : [...args, '--base-url', baseUrl]
      const result = await runInProcess(all, env)
      transcripts.push({ args: all, result })
      for (const key of gw!.keys.values()) keyValues.add(key.primaryKey).add(key.secondaryKey)
      return result
    },
    sentSince: (count: number) => gw!.requests.slice(count),
  }
  return harness
}

/**
 * The last test of a file, over every run before it: no output holds the secret key, and none
 * holds a key value unless --show-secrets was given (and some that were given show one, so the
 * search would find a leak).
 */
export function noSecretsLeaked(harness: FakeCliHarness, { runs, shown }: { runs: number; shown: boolean }): void {
  test('no output ever holds the secret key, and none holds a key value unless --show-secrets was given', () => {
    expect(harness.transcripts.length).toBeGreaterThanOrEqual(runs)
    let found = 0
    for (const { args, result } of harness.transcripts) {
      const output = result.stdout + result.stderr
      expect(output).not.toContain(TEST_CREDENTIALS.secretKey)
      const leaked = [...harness.keyValues].filter((value) => output.includes(value))
      if (args.includes('--show-secrets')) found += leaked.length
      else expect({ args, leaked }).toEqual({ args, leaked: [] })
    }
    if (shown) expect(found).toBeGreaterThan(0)
  })
}

/** `AbCd****`: a 40-character key value as the CLI masks it. */
export const masked = (value: string) => `${value.slice(0, 4)}****`

/** The notice a JSON run prints on stderr when it masked key values. */
export function maskNotice(names: readonly string[] = ['primaryKey', 'secondaryKey']): string {
  const listed = names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : names[0]
  return `${JSON.stringify({ notice: { message: `${listed} ${names.length > 1 ? 'are' : 'is'} masked; pass --show-secrets to print them`, masked: names } })}\n`
}

/** The JSON on stdout of a run that succeeded, with nothing on stderr but, where values were masked, the notice saying so. */
export function parsed<T = Record<string, unknown>>(result: CliResult, notice: string = maskNotice()): T {
  expect({ code: result.code, stderr: result.stderr }).toEqual({ code: exitCodes.ok, stderr: notice })
  return JSON.parse(result.stdout) as T
}

/** A table's `field  value` lines as field → value. */
export function rows(table: string): Record<string, string> {
  return Object.fromEntries(
    table
      .trimEnd()
      .split('\n')
      .map((line) => {
        const [, field, value] = /^(\S+)\s+(.*)$/.exec(line) ?? []
        return [field, value]
      }),
  )
}

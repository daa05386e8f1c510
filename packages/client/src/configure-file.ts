import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs'

/** The keys NCP's CLI and SDKs read from a section; the only words of an unread line ever named. */
export const configureKeys = ['ncloud_access_key_id', 'ncloud_secret_access_key', 'ncloud_api_url'] as const

/** A line that is none of a header, a `key = value` line or a comment, so nothing was read from it. */
export interface UnreadLine {
  /** Its number in the file, from 1. */
  line: number
  /** The key it starts with, when that is one of `configureKeys` (`ncloud_access_key_id NCP...`); never any other word of it. */
  key?: (typeof configureKeys)[number]
}

export interface Configure {
  /** Each section's keys and values, by section name; `''` for the keys before any header. */
  sections: Map<string, Record<string, string>>
  /** Each section's unread lines, by section name. */
  unread: Map<string, UnreadLine[]>
}

/**
 * Sections of an INI file such as `~/.ncloud/configure`: `[name]` headers, `key = value` lines,
 * `#` and `;` comments. Keys before the first header go in the section named `''`. Keys are
 * lower-cased; values are trimmed and lose one pair of surrounding quotes. A line that is none of
 * these is kept as unread, so a missing key can be explained by the line that was meant to hold it.
 *
 * A comment starts at a `#` or `;` that begins the line or follows whitespace, on key lines and
 * headers alike, as in the AWS SDK for JavaScript's INI reader (smithy-typescript
 * `packages/shared-ini-file-loader/src/parseIni.ts`: `line.split(/(^|\s)[;#]/)[0]`). So
 * `ncloud_api_url = https://ncloud.apigw.gov-ntruss.com   # the gov site` is the URL alone,
 * while a `#` or `;` inside a value (`https://host/#x`, `a;b`) stays. A comment cannot be
 * quoted away: `"a #b"` is `"a`, as there.
 */
export function parseConfigure(text: string): Configure {
  const sections = new Map<string, Record<string, string>>()
  const unread = new Map<string, UnreadLine[]>()
  let current: Record<string, string> = {}
  let name = ''
  sections.set('', current)
  for (const [index, rawLine] of text.split(/\r?\n/).entries()) {
    const line = (rawLine.split(/(?:^|\s)[#;]/)[0] as string).trim()
    if (line === '') continue
    const header = /^\[\s*(.+?)\s*\]$/.exec(line)
    if (header) {
      name = header[1] as string
      current = sections.get(name) ?? {}
      sections.set(name, current)
      continue
    }
    const eq = line.indexOf('=')
    if (eq <= 0) {
      const first = line.split(/[\s:]/)[0]!.toLowerCase()
      const key = configureKeys.find((known) => known === first)
      unread.set(name, [...(unread.get(name) ?? []), key === undefined ? { line: index + 1 } : { line: index + 1, key }])
      continue
    }
    const value = line.slice(eq + 1).trim()
    current[line.slice(0, eq).trim().toLowerCase()] = /^(["']).*\1$/.test(value) ? value.slice(1, -1) : value
  }
  return { sections, unread }
}

/** What is wrong with an unread line and what it should look like, naming the file and line and no value. */
export function unreadLineProblem(file: string, { line, key }: UnreadLine): string {
  return key === undefined
    ? `${file} line ${line} is none of a [section] header, a "name = value" line or a comment, so it was not read; write each key as "name = value".`
    : `${file} line ${line} (${key}) has no "=", so it was not read; write it as "${key} = <value>".`
}

/** The most a configure file may hold: a few profiles take a few hundred bytes. */
const configureSizeLimit = 1024 * 1024

export type ConfigureRead =
  | { kind: 'text'; text: string }
  | { kind: 'missing' }
  /** `problem` completes a sentence that starts with the file's path; `advice` says what to do. */
  | { kind: 'refused'; problem: string; advice: string }

function unreadable(code: string | undefined): ConfigureRead {
  return { kind: 'refused', problem: `could not be read (${code ?? 'error'})`, advice: 'Check its permissions and what the path points to' }
}

function kindOf(stats: Stats): string {
  if (stats.isDirectory()) return 'a directory'
  if (stats.isFIFO()) return 'a FIFO'
  if (stats.isSocket()) return 'a socket'
  if (stats.isCharacterDevice()) return 'a character device'
  if (stats.isBlockDevice()) return 'a block device'
  return 'not a file'
}

/**
 * Reads `file` only when it is a regular file of at most `configureSizeLimit` bytes. The
 * client reads it synchronously at creation, so anything else at that path must fail rather
 * than block or exhaust memory: a FIFO would block `readFileSync` until a writer came (opened
 * with O_NONBLOCK, the open returns at once), a device such as /dev/zero never ends, and a
 * directory fails with a code that says little. The type is checked with fstat on the opened
 * descriptor, not lstat on the path, so nothing can be swapped in between check and read, and
 * a symbolic link to a regular file (dotfile managers) is still read.
 */
export function readConfigureFile(file: string): ConfigureRead {
  let fd: number
  try {
    // O_NOCTTY: a terminal device at this path must not become the process's controlling one.
    // Both flags are 0 where Node does not define them (Windows, where FIFOs do not block so).
    fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0))
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT') return { kind: 'missing' }
    return unreadable(code)
  }
  try {
    const stats = fstatSync(fd)
    if (!stats.isFile()) {
      return {
        kind: 'refused',
        problem: `is ${kindOf(stats)}, not a regular file, so it was not read`,
        advice: 'Replace it with a regular file holding the credentials, or remove it',
      }
    }
    const tooLarge = {
      kind: 'refused',
      problem: `is larger than the 1 MiB (${configureSizeLimit} bytes) a configure file may have, so it was not read`,
      advice: 'Check that this is the right file, and keep only the credentials profiles in it',
    } as const
    if (stats.size > configureSizeLimit) return tooLarge
    // Read to the end rather than trust the size (the file may grow after fstat, and some
    // files report 0), but never past the limit.
    const chunks: Buffer[] = []
    let length = 0
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(64 * 1024, configureSizeLimit + 1 - length))
      const n = readSync(fd, chunk, 0, chunk.length, null)
      if (n === 0) break
      chunks.push(chunk.subarray(0, n))
      length += n
      if (length > configureSizeLimit) return tooLarge
    }
    // Not fatal on bad UTF-8: a comment saved in another encoding (CP949 from an old editor)
    // must not hide ASCII keys; a key hit by it holds U+FFFD, which the chain refuses.
    return { kind: 'text', text: new TextDecoder('utf-8').decode(Buffer.concat(chunks, length)) }
  } catch (error) {
    return unreadable((error as NodeJS.ErrnoException).code)
  } finally {
    closeSync(fd)
  }
}

import { statSync } from 'node:fs'
import { homedir } from 'node:os'
import { join } from 'node:path'
import { visible } from './text.js'

/** A host whose requests never leave this machine: `localhost`, 127.0.0.0/8, `::1`. */
function isLoopback(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase()
  return host === 'localhost' || host.endsWith('.localhost') || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host)
}

/**
 * Signed requests over plain `http:` to another machine: anyone on the way reads the access key
 * ID, replays the signature for five minutes, and reads or changes the answers, key values
 * included. Loopback (the fake API Gateway, a local proxy) is fine.
 */
export function plainHttpWarning(baseUrl: string | undefined): string | undefined {
  if (baseUrl === undefined) return undefined
  const url = new URL(baseUrl)
  if (url.protocol !== 'http:' || isLoopback(url.hostname)) return undefined
  return `--base-url sends signed requests over plain http: to ${visible(url.host)}, unencrypted: anyone on the way can read your access key ID, replay a request's signature and read the answers, key values included; use https:`
}

/**
 * `~/.ncloud/configure` holds secret keys: readable by its group or by others, as ssh warns of a
 * private key. Said whenever the CLI is about to sign a request, whether or not the keys came
 * from the file this time: the file is exposed either way. Where the client looks for it (its
 * credentials chain: `os.homedir()`, then `.ncloud/configure`) is copied here; the client does not
 * export it.
 */
export function configureFileWarning(home = homedir()): string | undefined {
  if (process.platform === 'win32') return undefined
  const file = join(home, '.ncloud', 'configure')
  let mode: number
  try {
    mode = statSync(file).mode
  } catch {
    return undefined
  }
  if ((mode & 0o044) === 0) return undefined
  const who = mode & 0o004 ? 'anyone on this machine' : 'its group'
  return `${visible(file)} holds secret keys and is readable by ${who} (mode ${(mode & 0o777).toString(8)}); make it yours alone: chmod 600 ${visible(file)}`
}

import { readFileSync } from 'node:fs'

/** What the CLI says of itself, from its package.json (one level above both src/ and dist/). */
export interface PackageInfo {
  readonly version: string
  /** Where to report a bug: the `bugs` URL. */
  readonly bugs: string
}

export function packageInfo(): PackageInfo {
  const { version, bugs } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string; bugs: { url: string } }
  return { version, bugs: bugs.url }
}

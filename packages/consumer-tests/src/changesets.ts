import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

export type Bump = 'major' | 'minor' | 'patch'

export interface Changeset {
  file: string
  releases: Record<string, Bump>
  summary: string
}

/** The pending changesets in a `.changeset` directory: front matter of `"name": bump` lines, then the summary. */
export function pendingChangesets(dir: string): Changeset[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith('.md') && file !== 'README.md')
    .map((file) => {
      const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(readFileSync(join(dir, file), 'utf8'))
      if (!match) throw new Error(`${file} has no front matter`)
      const releases: Record<string, Bump> = {}
      for (const line of match[1]!.split('\n').filter((l) => l.trim())) {
        const release = /^\s*['"]?([^'"]+)['"]?\s*:\s*(major|minor|patch)\s*$/.exec(line)
        if (!release) throw new Error(`${file}: cannot read ${JSON.stringify(line)}`)
        releases[release[1]!] = release[2] as Bump
      }
      return { file, releases, summary: match[2]!.trim() }
    })
}

const order: Bump[] = ['patch', 'minor', 'major']

/** The version after a bump, as changesets computes it for a release without pre mode. */
export function bumped(version: string, bumps: Bump[]): string {
  const [major, minor, patch] = version.split('.').map(Number) as [number, number, number]
  const highest = bumps.reduce((a, b) => (order.indexOf(b) > order.indexOf(a) ? b : a))
  if (highest === 'major') return `${major + 1}.0.0`
  if (highest === 'minor') return `${major}.${minor + 1}.0`
  return `${major}.${minor}.${patch + 1}`
}

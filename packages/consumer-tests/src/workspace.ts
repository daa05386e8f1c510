import { readFileSync, realpathSync } from 'node:fs'
import { relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { runCommand } from './run-command.js'

export const repoRoot = realpathSync(fileURLToPath(new URL('../../..', import.meta.url)))

export interface WorkspacePackage {
  name: string
  version: string
  /** Absolute path of the package's directory. */
  dir: string
  /** Its path from the repository root, as package.json's `repository.directory` gives it. */
  relDir: string
  private: boolean
  manifest: Record<string, unknown>
}

/**
 * Every workspace package, as pnpm sees the workspace now: a package added later (a new
 * `packages/*`) is picked up without changing these tests.
 */
export async function workspacePackages(): Promise<WorkspacePackage[]> {
  const listed = await runCommand('pnpm', ['ls', '--recursive', '--depth', '-1', '--json'], { cwd: repoRoot, env: process.env })
  if (listed.code !== 0) throw new Error(`pnpm ls failed:\n${listed.stderr}`)
  const projects = JSON.parse(listed.stdout) as { name?: string; path: string }[]
  return projects
    .filter((p) => realpathSync(p.path) !== repoRoot)
    .map((p) => {
      const dir = realpathSync(p.path)
      const manifest = JSON.parse(readFileSync(`${dir}/package.json`, 'utf8')) as Record<string, unknown>
      return {
        name: String(manifest.name),
        version: String(manifest.version),
        dir,
        relDir: relative(repoRoot, dir),
        private: manifest.private === true,
        manifest,
      }
    })
    .sort((a, b) => a.name.localeCompare(b.name))
}

/** The packages that get published: every workspace package not marked private. */
export async function publishedPackages(): Promise<WorkspacePackage[]> {
  return (await workspacePackages()).filter((p) => !p.private)
}

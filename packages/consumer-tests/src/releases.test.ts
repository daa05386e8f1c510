// Releases go through changesets: every published package reaches npm through a changeset and a
// changelog, private packages never; `changeset version` is run on a throwaway copy of the
// manifests and changesets (the repository itself is left alone).
import { cpSync, existsSync, mkdirSync, readFileSync, symlinkSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { expect, inject, test } from 'vitest'
import { parse } from 'yaml'
import { bumped, pendingChangesets } from './changesets.js'
import { describeRun, runCommand } from './run-command.js'
import { repoRoot, workspacePackages } from './workspace.js'

const changesetDir = join(repoRoot, '.changeset')
const changesetCli = join(dirname(createRequire(join(repoRoot, 'package.json')).resolve('@changesets/cli/package.json')), 'bin.js')

test('changesets publish every published package and never version or tag a private one', async () => {
  const config = JSON.parse(readFileSync(join(changesetDir, 'config.json'), 'utf8')) as Record<string, unknown>
  expect(config).toMatchObject({ access: 'public', baseBranch: 'main', privatePackages: { version: false, tag: false } })
  const pending = pendingChangesets(changesetDir)
  const packages = await workspacePackages()
  const names = new Set(packages.map((p) => p.name))
  for (const changeset of pending) {
    for (const name of Object.keys(changeset.releases)) {
      expect(names.has(name), `${changeset.file} releases ${name}, which is no workspace package`).toBe(true)
      expect(packages.find((p) => p.name === name)?.private, `${changeset.file} releases the private ${name}`).toBe(false)
    }
  }
  // A package that was never released (no CHANGELOG.md yet) waits at 0.0.0 for its first changeset.
  for (const pkg of packages.filter((p) => !p.private && !existsSync(join(p.dir, 'CHANGELOG.md')))) {
    expect(pkg.version, `${pkg.name} is unreleased: version 0.0.0 until \`changeset version\``).toBe('0.0.0')
    expect(
      pending.some((c) => c.releases[pkg.name]),
      `${pkg.name} is unreleased and no changeset releases it: add one with \`pnpm changeset\``,
    ).toBe(true)
  }
})

test('`changeset version` on a throwaway copy bumps each package its changesets name, writes their changelogs, and leaves private packages alone', async () => {
  const copy = join(inject('workDir'), 'release-copy')
  const packages = await workspacePackages()
  const pending = pendingChangesets(changesetDir)
  mkdirSync(copy)
  for (const file of ['package.json', 'pnpm-workspace.yaml']) cpSync(join(repoRoot, file), join(copy, file))
  cpSync(changesetDir, join(copy, '.changeset'), { recursive: true })
  for (const pkg of packages) {
    mkdirSync(join(copy, pkg.relDir), { recursive: true })
    for (const file of ['package.json', 'CHANGELOG.md']) if (existsSync(join(pkg.dir, file))) cpSync(join(pkg.dir, file), join(copy, pkg.relDir, file))
  }
  // The changelog generator (@changesets/cli/changelog) is resolved from the copy's node_modules.
  symlinkSync(join(repoRoot, 'node_modules'), join(copy, 'node_modules'))

  const result = await runCommand(process.execPath, [changesetCli, 'version'], { cwd: copy })
  expect(result.code, describeRun('changeset version', result)).toBe(0)

  for (const pkg of packages) {
    const after = readFileSync(join(copy, pkg.relDir, 'package.json'), 'utf8')
    if (pkg.private) {
      expect(after, `${pkg.name} is private`).toBe(readFileSync(join(pkg.dir, 'package.json'), 'utf8'))
      continue
    }
    const manifest = JSON.parse(after) as { version: string; dependencies?: Record<string, string> }
    const own = pending.filter((c) => c.releases[pkg.name])
    if (own.length === 0) continue
    const version = bumped(pkg.version, own.map((c) => c.releases[pkg.name]!))
    expect(manifest.version, pkg.name).toBe(version)
    if (pkg.version === '0.0.0') expect(version, `${pkg.name}'s first release`).toBe('0.1.0')
    const changelog = readFileSync(join(copy, pkg.relDir, 'CHANGELOG.md'), 'utf8')
    expect(changelog.startsWith(`# ${pkg.name}\n\n## ${version}\n`), `${pkg.name} CHANGELOG.md starts with its new version`).toBe(true)
    for (const changeset of own) expect(changelog).toContain(changeset.summary.split('\n')[0])
    // Workspace ranges stay as they are; pnpm publish turns them into versions.
    for (const [name, range] of Object.entries(manifest.dependencies ?? {})) {
      if (name.startsWith('@ncloud-apigw/')) expect(range, `${pkg.name} -> ${name}`).toBe('workspace:*')
    }
  }
  expect(pendingChangesets(join(copy, '.changeset'))).toEqual([])
})

test('the release workflow publishes from main with provenance, on Node 20 and the pnpm the repository pins', () => {
  const workflow = parse(readFileSync(join(repoRoot, '.github/workflows/release.yml'), 'utf8')) as {
    on: { push: { branches: string[] } }
    permissions: Record<string, string>
    jobs: { release: { steps: { uses?: string; run?: string; with?: Record<string, unknown>; env?: Record<string, unknown> }[] } }
  }
  const rootManifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { packageManager: string }
  expect(workflow.on.push.branches).toEqual(['main'])
  expect(workflow.permissions).toMatchObject({ 'id-token': 'write', contents: 'write', 'pull-requests': 'write' })
  const steps = workflow.jobs.release.steps
  expect(steps.find((s) => s.uses?.startsWith('actions/setup-node@'))?.with?.['node-version']).toBe(20)
  expect(steps.map((s) => s.run)).toContain(`npm install -g ${rootManifest.packageManager}`)
  const changesets = steps.find((s) => s.uses?.startsWith('changesets/action@'))
  expect(changesets?.with).toMatchObject({ version: 'pnpm changeset version', publish: 'pnpm changeset publish' })
  expect(changesets?.env).toMatchObject({ PNPM_CONFIG_PROVENANCE: true, NPM_CONFIG_PROVENANCE: true })
  // Built before publishing: the tarballs hold dist/.
  expect(steps.findIndex((s) => s.run === 'pnpm build')).toBeLessThan(steps.indexOf(changesets!))
})

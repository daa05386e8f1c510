// Packs every published package once, into a temporary directory outside the workspace, for all
// the test files, and installs the tarballs once into the consumer project beside them: publint
// and attw read the same tarballs that the consumer project installs.
import { mkdirSync, mkdtempSync, realpathSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, sep } from 'node:path'
import type { TestProject } from 'vitest/node'
import { installConsumerProject } from './consumer-project.js'
import { packPackage } from './pack.js'
import { runCommand } from './run-command.js'
import { publishedPackages, repoRoot } from './workspace.js'

export interface PackedPackage {
  name: string
  version: string
  dir: string
  relDir: string
  manifest: Record<string, unknown>
  tarball: string
  /** The tarball unpacked: its `package/` directory. */
  unpacked: string
}

declare module 'vitest' {
  export interface ProvidedContext {
    workDir: string
    packed: PackedPackage[]
    /** The consumer project (`<workDir>/project`), with every tarball installed. */
    project: string
  }
}

export default async function setup(project: TestProject) {
  const workDir = realpathSync(mkdtempSync(join(tmpdir(), 'ncloud-apigw-consumer-')))
  if (`${workDir}${sep}`.startsWith(`${repoRoot}${sep}`)) {
    throw new Error(`the temporary directory ${workDir} lies inside the workspace ${repoRoot}: set TMPDIR elsewhere`)
  }
  const tarballs = join(workDir, 'tarballs')
  mkdirSync(tarballs)
  const packed: PackedPackage[] = []
  // One at a time: pnpm pack is quick, and the machine is shared.
  for (const pkg of await publishedPackages()) {
    const tarball = await packPackage(pkg.dir, tarballs)
    const unpacked = join(workDir, 'unpacked', pkg.name)
    mkdirSync(unpacked, { recursive: true })
    const untar = await runCommand('tar', ['-xzf', tarball, '-C', unpacked], { cwd: workDir })
    if (untar.code !== 0) throw new Error(`tar could not unpack ${tarball}: ${untar.stderr}`)
    packed.push({ name: pkg.name, version: pkg.version, dir: pkg.dir, relDir: pkg.relDir, manifest: pkg.manifest, tarball, unpacked: join(unpacked, 'package') })
  }
  const consumer = join(workDir, 'project')
  await installConsumerProject(consumer, packed)
  project.provide('workDir', workDir)
  project.provide('packed', packed)
  project.provide('project', consumer)
  return () => rmSync(workDir, { recursive: true, force: true })
}

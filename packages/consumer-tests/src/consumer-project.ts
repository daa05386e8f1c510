// The consumer project: a fresh npm project in the temporary directory, outside the workspace,
// that installs the packed tarballs (plus openapi-fetch, TypeScript and @types/node from the
// registry) once for every test file: the strict consumer of consumer.test.ts and every README
// example of readme-examples.test.ts compile and run in it.
import { cpSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describeRun, freshEnv, runCommand } from './run-command.js'

const fixtures = new URL('../test/fixtures/consumer/', import.meta.url)

/** Registry packages as a consumer would add them; exact, as this repository pins everything. */
export const registryDependencies = {
  'openapi-fetch': '0.17.0',
  typescript: '5.9.3',
  '@types/node': '20.19.43',
}

export async function installConsumerProject(project: string, tarballs: { name: string; tarball: string }[]): Promise<void> {
  cpSync(fixtures, project, { recursive: true })
  const dependencies: Record<string, string> = { ...registryDependencies }
  for (const pkg of tarballs) dependencies[pkg.name] = `file:${relative(project, pkg.tarball)}`
  // The packages depend on each other at their unreleased version (0.0.0): the overrides point
  // those dependencies at the tarballs too, or npm asks the registry for versions it cannot have
  // (and, where the registry answers with an error it retries, waits minutes for nothing).
  const overrides = Object.fromEntries(tarballs.map((pkg) => [pkg.name, `$${pkg.name}`]))
  writeFileSync(join(project, 'package.json'), `${JSON.stringify({ name: 'consumer', private: true, type: 'module', dependencies, overrides }, null, 2)}\n`)
  const install = await runCommand('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: project, env: freshEnv() })
  if (install.code !== 0) throw new Error(describeRun('npm install', install))
}

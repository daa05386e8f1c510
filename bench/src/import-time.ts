import { fileURLToPath, pathToFileURL } from 'node:url'
import { builtFile } from './entries.js'
import { bundleOneFile, type OneFile } from './one-file.js'
import { exitedCleanly, type NodeCommand, type PairedRuns, pairedRuns, type ProcessEffort } from './processes.js'

export interface EntryImport {
  id: string
  entry: string
  /** As published: the package's files, loaded one by one. */
  published: PairedRuns
  /** The same entry bundled into one file by esbuild. */
  bundled: PairedRuns
  oneFile: OneFile
}

interface Entry {
  id: string
  entry: string
  file: string
  platform: 'node' | 'browser'
  /** The CLI is a program, not a module: it is run with `--version` instead of imported. */
  bin?: true
  packageJson?: string
}

// What Node itself resolves the package to from here (its `node` export condition where it has one).
const resolved = (specifier: string) => fileURLToPath(import.meta.resolve(specifier))

// The import every published entry is paired against: the same child, importing nothing.
const nothing: NodeCommand = { name: 'node import.js (nothing)', args: ['dist/children/import.js'], check: exitedCleanly }

function entries(): Entry[] {
  return [
    { id: 'client-node', entry: '@ncloud-apigw/client (Node entry)', file: resolved('@ncloud-apigw/client'), platform: 'node' },
    { id: 'client-browser', entry: '@ncloud-apigw/client (browser entry)', file: builtFile('@ncloud-apigw/client', 'dist/index.js'), platform: 'browser' },
    { id: 'signer', entry: '@ncloud-apigw/signer (Node entry)', file: resolved('@ncloud-apigw/signer'), platform: 'node' },
    { id: 'operations', entry: '@ncloud-apigw/operations', file: resolved('@ncloud-apigw/operations'), platform: 'node' },
    { id: 'testing', entry: '@ncloud-apigw/testing', file: resolved('@ncloud-apigw/testing'), platform: 'node' },
    {
      id: 'cli',
      entry: 'ncloud-apigw --version (@ncloud-apigw/cli)',
      file: builtFile('@ncloud-apigw/cli', 'dist/bin.js'),
      platform: 'node',
      bin: true,
      packageJson: builtFile('@ncloud-apigw/cli', 'package.json'),
    },
  ]
}

const command = (entry: Entry, file: string, form: string): NodeCommand => ({
  name: `${entry.entry}, ${form}`,
  args: entry.bin ? [file, '--version'] : ['dist/children/import.js', pathToFileURL(file).href],
  check: exitedCleanly,
})

/**
 * The import time of each published entry: a fresh `node` importing it, paired against the same
 * process importing nothing; once as published and once bundled into one file, which is what
 * publishing each entry as one file would give.
 */
export async function importTimes(effort: ProcessEffort): Promise<EntryImport[]> {
  const results: EntryImport[] = []
  for (const entry of entries()) {
    const oneFile = await bundleOneFile(entry.id, entry.file, entry)
    const published = await pairedRuns(`import-${entry.id}`, nothing, command(entry, entry.file, 'as published'), effort)
    const bundled = await pairedRuns(`import-${entry.id}-bundled`, nothing, command(entry, oneFile.file, 'one bundled file'), effort)
    results.push({ id: entry.id, entry: entry.entry, published, bundled, oneFile })
  }
  return results
}

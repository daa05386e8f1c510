import { existsSync, openSync, readSync, closeSync, statSync } from 'node:fs'
import { runCommand } from './run-command.js'

/**
 * Packs one package with `pnpm pack` into `destination` and returns the tarball's path.
 *
 * pnpm, not npm: pnpm rewrites `workspace:*` to real versions as `pnpm publish` will, while
 * `npm pack` copies `workspace:*` into the tarball. The file pnpm names in its JSON answer is
 * checked to be a non-empty gzip before anyone reads it: `attw --pack` guesses the file name
 * instead, and gives an empty or foreign file to an untar that then finds no entry and fails
 * with "Cannot read properties of undefined (reading 'filename')".
 */
export async function packPackage(dir: string, destination: string): Promise<string> {
  const packed = await runCommand('pnpm', ['pack', '--json', '--pack-destination', destination], { cwd: dir, env: process.env })
  if (packed.code !== 0) throw new Error(`pnpm pack failed in ${dir}:\n${packed.stderr}${packed.stdout}`)
  // pnpm 12 answers one object, npm an array of them: reading `[0].filename` of pnpm's answer is
  // another way to meet "Cannot read properties of undefined (reading 'filename')".
  const answer = JSON.parse(packed.stdout.slice(packed.stdout.search(/[[{]/))) as
    | { filename: string }
    | { filename: string }[]
  const filename = Array.isArray(answer) ? answer[0]?.filename : answer.filename
  if (!filename || !existsSync(filename)) throw new Error(`pnpm pack in ${dir} named no tarball that exists: ${packed.stdout}`)
  if (statSync(filename).size === 0) throw new Error(`pnpm pack in ${dir} wrote an empty ${filename}`)
  const magic = Buffer.alloc(2)
  const fd = openSync(filename, 'r')
  readSync(fd, magic, 0, 2, 0)
  closeSync(fd)
  if (magic[0] !== 0x1f || magic[1] !== 0x8b) throw new Error(`${filename} is not a gzip file`)
  return filename
}

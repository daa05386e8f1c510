// `pnpm start`, the main job. turbo has already built whatever was stale; this prints what the
// build produced, so a new clone shows at once where the spec and the packages are.
// (The client, the fake API Gateway and the contract check join this job as they land.)
import { readdirSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const outputs = ['spec/dist', 'packages/types/dist', 'packages/types/src/generated']

function* files(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) yield* files(path)
    else yield path
  }
}

console.log('Built from spec/:')
for (const dir of outputs) {
  for (const file of files(join(root, dir))) {
    const kB = (statSync(file).size / 1024).toFixed(1)
    console.log(`  ${relative(root, file).padEnd(48)} ${kB.padStart(7)} kB`)
  }
}

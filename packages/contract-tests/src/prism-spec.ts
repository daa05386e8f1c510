import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/**
 * Prism routes on the spec's paths and ignores the path of `servers` (`/api/v1`), while NCP
 * signs the full path it receives. So that one signed request is valid at every hop
 * (client → Prism → upstream), Prism gets a copy of the bundled spec with the base path folded
 * into every path: `/api-keys` becomes `/api/v1/api-keys`, and the client's base URL keeps
 * `/api/v1` exactly as it does against NCP. Nothing else changes.
 */
export function writePrismSpec(): { path: string; basePath: string } {
  const require = createRequire(import.meta.url)
  const bundled = require.resolve('@ncloud-apigw/spec/openapi.json')
  const spec = JSON.parse(readFileSync(bundled, 'utf8'))
  const basePath = new URL(spec.servers[0].url).pathname.replace(/\/$/, '')
  spec.paths = Object.fromEntries(
    Object.entries(spec.paths).map(([path, item]) => [`${basePath}${path}`, item]),
  )
  spec.servers = [{ url: 'http://127.0.0.1', description: 'Prism' }]
  const path = join(mkdtempSync(join(tmpdir(), 'ncloud-apigw-prism-')), 'openapi.json')
  writeFileSync(path, JSON.stringify(spec))
  return { path, basePath }
}

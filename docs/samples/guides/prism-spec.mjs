// Prism matches requests against the spec's paths and ignores the `/api/v1`
// of its `servers`, but NCP's signature covers `/api/v1`. Give Prism a copy
// with the base path folded into the paths, so that your client signs
// exactly the path that reaches the upstream.
import { readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)
const specFile = require.resolve('@ncloud-apigw/spec/openapi.json')
const spec = JSON.parse(readFileSync(specFile, 'utf8'))
// '/api/v1'
const basePath = new URL(spec.servers[0].url).pathname.replace(/\/$/, '')
spec.paths = Object.fromEntries(
  Object.entries(spec.paths).map(([path, item]) => [basePath + path, item]),
)
spec.servers = [{ url: 'http://127.0.0.1' }]
writeFileSync(process.argv[2] ?? 'openapi.prism.json', JSON.stringify(spec))

import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { expect, test } from 'vitest'
import { sites } from './sites.js'

test("the sites' base URLs are exactly the spec's servers", () => {
  const require = createRequire(import.meta.url)
  const spec = JSON.parse(readFileSync(require.resolve('@ncloud-apigw/spec/openapi.json'), 'utf8'))
  expect(Object.values(sites).sort()).toEqual(spec.servers.map((s: { url: string }) => s.url).sort())
  expect(sites.public).toBe(spec.servers[0].url)
})

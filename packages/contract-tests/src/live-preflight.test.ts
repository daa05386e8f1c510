import { spawnSync } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { expect, test } from 'vitest'

test('pnpm contract:live without credentials says so, names where it looked, and exits non-zero', () => {
  const home = mkdtempSync(join(tmpdir(), 'ncloud-apigw-nohome-'))
  const { PATH } = process.env
  const result = spawnSync(process.execPath, [fileURLToPath(new URL('../live-preflight.mjs', import.meta.url))], {
    env: { PATH, HOME: home },
    encoding: 'utf8',
  })
  expect(result.status).toBe(1)
  expect(result.stderr).toContain('needs NCP credentials and found none')
  expect(result.stderr).toContain('NCLOUD_ACCESS_KEY_ID')
  expect(result.stderr).toContain(join(home, '.ncloud', 'configure'))
  expect(result.stderr).toContain('also when a step fails in between')
})

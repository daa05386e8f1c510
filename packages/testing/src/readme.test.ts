import { execFile } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { promisify } from 'node:util'
import { fileURLToPath } from 'node:url'
import { describe, expect, test } from 'vitest'

const example = fileURLToPath(new URL('../test/fixtures/readme-example.mjs', import.meta.url))
const readme = fileURLToPath(new URL('../README.md', import.meta.url))

describe('the README example', () => {
  test('is in the README word for word', () => {
    expect(readFileSync(readme, 'utf8')).toContain(readFileSync(example, 'utf8'))
  })

  test('runs against the built package and passes its own assertions', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [example])
    expect(stdout).toBe('ok: 503, 503, 200\n')
  })
})

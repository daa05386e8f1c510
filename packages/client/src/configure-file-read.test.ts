import { execFileSync, spawn } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, expect, test, vi } from 'vitest'
import { findCredentials } from './credentials-chain.js'
import { NcpCredentialsError } from './errors.js'

// Each test gets its own home, given both ways (HOME and the homeDir option), so no test ever
// reads the real ~/.ncloud and a run of these tests against older code reads the same file.
let home: string
let file: string

beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'ncloud-read-home-'))
  mkdirSync(join(home, '.ncloud'))
  file = join(home, '.ncloud', 'configure')
  vi.stubEnv('HOME', home)
})

afterEach(() => {
  vi.unstubAllEnvs()
  rmSync(home, { recursive: true, force: true })
})

function refusal(): NcpCredentialsError {
  try {
    findCredentials({}, undefined, { homeDir: home })
  } catch (error) {
    if (error instanceof NcpCredentialsError) return error
    throw error
  }
  throw new Error('expected an NcpCredentialsError')
}

test('a FIFO at the configure path fails at once instead of blocking client creation', async () => {
  execFileSync('mkfifo', [file])
  // In a process of its own (the built Node entry), since a read that blocked would block this
  // one: no writer ever opens the FIFO, so that process ends only if nothing waits for one.
  const entry = new URL('../dist/node.js', import.meta.url)
  expect(existsSync(entry), 'build the client first: pnpm --filter @ncloud-apigw/client build').toBe(true)
  const script = `import { findNcpCredentials } from ${JSON.stringify(entry.href)}
try { findNcpCredentials() } catch (error) { console.log(JSON.stringify({ name: error.name, message: error.message, searched: error.searched })) }`
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('NCLOUD_')))
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], { env: { ...env, HOME: home }, stdio: ['ignore', 'pipe', 'inherit'] })
  try {
    let stdout = ''
    child.stdout.on('data', (chunk) => (stdout += chunk))
    const code = await new Promise((resolve) => child.on('close', resolve))
    expect(code).toBe(0)
    const error = JSON.parse(stdout) as { name: string; message: string; searched: string[] }
    expect(error.name).toBe('NcpCredentialsError')
    expect(error.message).toBe(
      `${file} is a FIFO, not a regular file, so it was not read. Replace it with a regular file holding the credentials, or remove it. Looked in: ${error.searched.join('; ')}.`,
    )
  } finally {
    child.kill()
  }
})

test('a directory at the configure path is an NcpCredentialsError naming it', () => {
  mkdirSync(file)
  expect(refusal().message).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is a directory, not a regular file`))
})

test('a device at the configure path is not read', () => {
  symlinkSync('/dev/null', file)
  expect(refusal().message).toContain(`${file} is a character device, not a regular file`)
})

test('a symbolic link to a regular file is read', () => {
  writeFileSync(join(home, 'real'), '[DEFAULT]\nncloud_access_key_id = LINKED\nncloud_secret_access_key = S\n')
  symlinkSync(join(home, 'real'), file)
  expect(findCredentials({}, undefined, { homeDir: home }).credentials.accessKey).toBe('LINKED')
})

test('a configure file over 1 MiB is refused, naming the file and the limit', () => {
  const keys = '[DEFAULT]\nncloud_access_key_id = A\nncloud_secret_access_key = S\n'
  writeFileSync(file, keys + '#'.repeat(1024 * 1024 - keys.length) + '\n')
  const error = refusal()
  expect(error.message).toMatch(/ is larger than the 1 MiB \(1048576 bytes\) a configure file may have, so it was not read\. /)
  expect(error.message.startsWith(file)).toBe(true)
  writeFileSync(file, keys + '#'.repeat(1024 * 1024 - keys.length))
  expect(findCredentials({}, undefined, { homeDir: home }).credentials.accessKey).toBe('A')
})

test('an unreadable configure file is named with the reason, not reported as missing', () => {
  if (process.getuid?.() === 0) {
    // root reads a file whatever its mode: a dangling link gives a different error code instead.
    symlinkSync(join(home, 'no-such-target'), join(home, 'dangling'))
    mkdirSync(join(home, 'loop'))
    symlinkSync(join(home, 'loop', 'l'), join(home, 'loop', 'l2'))
    symlinkSync(join(home, 'loop', 'l2'), join(home, 'loop', 'l'))
    symlinkSync(join(home, 'loop', 'l'), file)
  } else {
    writeFileSync(file, '[DEFAULT]\n', { mode: 0o000 })
  }
  const error = refusal()
  expect(error.message).toMatch(new RegExp(`could not be read \\((ELOOP|EACCES)\\)`))
  expect(error.message.startsWith(file)).toBe(true)
})

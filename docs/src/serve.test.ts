import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { fileURLToPath } from 'node:url'
import { expect, test } from 'vitest'
import { readDist } from '../test/load.js'

test('docs:serve prints the URL of docs/dist on a free loopback port and serves the pages there', async () => {
  readDist('index.html')
  const child = spawn(process.execPath, [fileURLToPath(new URL('./serve.mjs', import.meta.url))], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  try {
    let output = ''
    child.stdout.setEncoding('utf8')
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: string) => {
        output += chunk
        const found = /^Serving docs\/dist at (http:\/\/127\.0\.0\.1:\d+\/)$/m.exec(output)
        if (found) resolve(found[1]!)
      })
      child.once('exit', (code) => reject(new Error(`serve.mjs exited with ${code}: ${output}`)))
    })
    for (const path of ['', 'ko/', 'ja/', 'start.html', 'openapi.yaml']) {
      const response = await fetch(url + path)
      expect(response.status, path).toBe(200)
      await response.arrayBuffer()
    }
    expect(output).toContain(`${url}ko/index.html`)
  } finally {
    child.kill('SIGTERM')
    if (child.exitCode === null) await once(child, 'exit')
  }
})

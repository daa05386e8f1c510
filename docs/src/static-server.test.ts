import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startStaticServer, type StaticServer } from './static-server.mjs'

let root: string
let server: StaticServer

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'static-'))
  mkdirSync(join(root, 'ko'))
  writeFileSync(join(root, 'index.html'), '<h1>en</h1>')
  writeFileSync(join(root, 'ko', 'index.html'), '<h1>ko</h1>')
  writeFileSync(join(root, 'openapi.yaml'), 'openapi: 3.1.0\n')
  writeFileSync(join(tmpdir(), 'outside-static-root.txt'), 'secret')
  server = await startStaticServer({ root })
})

afterAll(async () => {
  await server?.close()
  rmSync(root, { recursive: true, force: true })
  rmSync(join(tmpdir(), 'outside-static-root.txt'), { force: true })
})

/** A raw request, so that the path reaches the server exactly as written. */
function get(path: string, method = 'GET'): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  const { hostname, port } = new URL(server.url)
  return new Promise((resolve, reject) => {
    const req = request({ host: hostname, port, path, method }, (res) => {
      let body = ''
      res.setEncoding('utf8').on('data', (chunk) => (body += chunk))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }))
    })
    req.on('error', reject).end()
  })
}

describe('startStaticServer', () => {
  test('listens on the loopback address on a free port', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/)
    expect(server.url).not.toMatch(/:0\/$/)
  })

  test('serves a folder index and files with their content types', async () => {
    expect(await get('/')).toMatchObject({ status: 200, body: '<h1>en</h1>', headers: { 'content-type': 'text/html; charset=utf-8' } })
    expect(await get('/ko/')).toMatchObject({ status: 200, body: '<h1>ko</h1>' })
    expect(await get('/openapi.yaml')).toMatchObject({ status: 200, headers: { 'content-type': 'application/yaml; charset=utf-8' } })
  })

  test('redirects a folder asked for without its slash, so relative links resolve', async () => {
    expect(await get('/ko?x=1')).toMatchObject({ status: 301, headers: { location: '/ko/?x=1' } })
  })

  test('serves nothing outside its folder', async () => {
    expect((await get('/../outside-static-root.txt')).status).toBe(404)
    expect((await get('/%2e%2e/outside-static-root.txt')).status).toBe(404)
    expect((await get('/ko/%2e%2e%2f..%2foutside-static-root.txt')).status).toBe(404)
    expect((await get('/missing.html')).status).toBe(404)
  })

  test('answers only GET and HEAD', async () => {
    expect(await get('/', 'HEAD')).toMatchObject({ status: 200, body: '' })
    expect(await get('/', 'POST')).toMatchObject({ status: 405, headers: { allow: 'GET, HEAD' } })
  })
})

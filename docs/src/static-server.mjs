// @ts-check
// The one static file server of the docs: `pnpm docs:serve` and the browser test both use it.
// Plain node:http; it serves files under one folder and nothing else.
import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { createServer } from 'node:http'
import { extname, isAbsolute, join, relative, resolve } from 'node:path'

/** @type {Readonly<Record<string, string>>} */
const contentTypes = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.yaml': 'application/yaml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
}

/**
 * @typedef {object} StaticServer
 * @property {string} url base URL ending in `/`, e.g. `http://127.0.0.1:41234/`
 * @property {() => Promise<void>} close stops listening and ends open connections
 */

/**
 * Serves the files under `root`. A folder answers with its index.html (a folder asked for
 * without its trailing slash is redirected, so relative links in the page resolve); anything
 * outside `root` or missing is a 404.
 * @param {{ root: string, host?: string, port?: number }} options
 * @returns {Promise<StaticServer>}
 */
export async function startStaticServer({ root, host = '127.0.0.1', port = 0 }) {
  const base = resolve(root)
  const server = createServer(async (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' }).end('Method not allowed\n')
      return
    }
    const url = new URL(req.url ?? '/', 'http://localhost')
    /** @type {string} */
    let pathname
    try {
      pathname = decodeURIComponent(url.pathname)
    } catch {
      res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' }).end('Bad path\n')
      return
    }
    let file = join(base, pathname)
    const inside = relative(base, file)
    if (inside.startsWith('..') || isAbsolute(inside) || pathname.includes('\0')) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found\n')
      return
    }
    let info = await stat(file).catch(() => undefined)
    if (info?.isDirectory()) {
      if (!url.pathname.endsWith('/')) {
        res.writeHead(301, { location: `${url.pathname}/${url.search}` }).end()
        return
      }
      file = join(file, 'index.html')
      info = await stat(file).catch(() => undefined)
    }
    if (!info?.isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found\n')
      return
    }
    res.writeHead(200, {
      'content-type': contentTypes[extname(file).toLowerCase()] ?? 'application/octet-stream',
      'content-length': info.size,
      'cache-control': 'no-cache',
    })
    if (req.method === 'HEAD') res.end()
    else createReadStream(file).pipe(res)
  })

  await new Promise((done, fail) => {
    server.once('error', fail)
    server.listen(port, host, () => {
      server.off('error', fail)
      done(undefined)
    })
  })
  const address = server.address()
  if (address === null || typeof address === 'string') throw new Error('The static server has no TCP address')
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address

  return {
    url: `http://${shownHost}:${address.port}/`,
    close: () =>
      new Promise((done) => {
        server.close(() => done(undefined))
        server.closeAllConnections()
      }),
  }
}

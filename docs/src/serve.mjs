// @ts-check
// `pnpm docs:serve`: serves the built docs/dist on this machine, with the static server the
// browser test uses. PORT and HOST choose where; by default a free port on 127.0.0.1.
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { languages, pagePath } from './languages.mjs'
import { startStaticServer } from './static-server.mjs'

const root = fileURLToPath(new URL('../dist/', import.meta.url))
if (!existsSync(`${root}index.html`)) {
  console.error('docs/dist is not built: run `pnpm build` first (`pnpm docs:serve` from the root does both).')
  process.exit(1)
}

const port = Number(process.env.PORT ?? 0)
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be an integer from 0 to 65535, got ${JSON.stringify(process.env.PORT)}`)
  process.exit(2)
}
const server = await startStaticServer({ root, port, host: process.env.HOST || '127.0.0.1' })

console.log(`Serving docs/dist at ${server.url}`)
for (const language of languages) console.log(`  ${language.name}: ${server.url}${pagePath(language)}`)
console.log(`  start page: ${server.url}start.html`)
console.log('Stop with Ctrl-C.')

for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
  process.once(signal, () => void server.close().then(() => process.exit(0)))
}

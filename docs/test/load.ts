import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'
import type { Overlay } from '../src/overlay.mjs'

/** The docs package's folder. */
export const docsRoot = fileURLToPath(new URL('..', import.meta.url))

/** A fresh copy of the bundled spec, as the build reads it. */
export function loadSpec(): any {
  const file = createRequire(import.meta.url).resolve('@ncloud-apigw/spec/openapi.json')
  return JSON.parse(readFileSync(file, 'utf8'))
}

/** A translation overlay of i18n/. */
export function loadOverlay(name: string): Overlay {
  return parse(readFileSync(new URL(`../i18n/${name}`, import.meta.url), 'utf8'))
}

/** The built docs; the `test` task runs after `build`, and a missing page says how to make it. */
export const distDir = fileURLToPath(new URL('../dist/', import.meta.url))

/** A file of the built docs, as text. */
export function readDist(path: string): string {
  try {
    return readFileSync(new URL(`../dist/${path}`, import.meta.url), 'utf8')
  } catch {
    throw new Error(`docs/dist/${path} is missing: run \`pnpm build\` (or \`pnpm --filter @ncloud-apigw/docs build\`) first`)
  }
}

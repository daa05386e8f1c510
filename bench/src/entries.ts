import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { pathToFileURL } from 'node:url'

const require = createRequire(import.meta.url)

/**
 * A workspace package's built file by path. Node resolves `@ncloud-apigw/signer` to its
 * node:crypto entry (export condition `node`); the Web Crypto entry, which browsers and workers
 * get, is reached by its path so both are measured in one process.
 */
export function builtFile(packageName: string, file: string): string {
  return join(dirname(require.resolve(`${packageName}/package.json`)), file)
}

export async function importBuilt<T>(packageName: string, file: string): Promise<T> {
  return (await import(pathToFileURL(builtFile(packageName, file)).href)) as T
}

import { fileURLToPath } from 'node:url'
import { bundleOneFile, type OneFile } from './one-file.js'
import { childEnv, exitedCleanly, type NodeCommand, type PairedRuns, pairedRuns, type ProcessEffort } from './processes.js'
import { API_KEY, startMinimalServer } from './minimal-server.js'

export interface ColdStart {
  /** The client as published against openapi-fetch alone, each making one signed call. */
  published: PairedRuns
  /** The same program with the client bundled into it (one file): what bundling would give. */
  bundled: PairedRuns
  oneFile: OneFile
}

/**
 * What a serverless function or a one-off script feels: a fresh Node process that imports the
 * library, creates a client and makes one signed getApiKey call to a loopback server, timed
 * whole (spawn to exit) with its peak RSS, paired against openapi-fetch alone doing the same
 * signed call (a node:crypto middleware).
 */
export async function coldStart(effort: ProcessEffort): Promise<ColdStart> {
  const server = await startMinimalServer()
  try {
    const call = [server.baseUrl, API_KEY.apiKeyId]
    const env = childEnv()
    const baseline: NodeCommand = { name: 'openapi-fetch + node:crypto middleware, one call', args: ['dist/children/cold-openapi-fetch.js', ...call], env, check: exitedCleanly }
    const candidate: NodeCommand = { name: '@ncloud-apigw/client, one getApiKey', args: ['dist/children/cold-client.js', ...call], env, check: exitedCleanly }
    const oneFile = await bundleOneFile('cold-client', fileURLToPath(new URL('../dist/children/cold-client.js', import.meta.url)), { platform: 'node' })
    const bundledCandidate: NodeCommand = { ...candidate, name: '@ncloud-apigw/client bundled into the program, one getApiKey', args: [oneFile.file, ...call] }
    const published = await pairedRuns('cold-start', baseline, candidate, effort)
    const bundled = await pairedRuns('cold-start-bundled', baseline, bundledCandidate, effort)
    return { published, bundled, oneFile }
  } finally {
    await server.close()
  }
}

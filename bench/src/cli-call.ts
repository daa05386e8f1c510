import { TEST_CREDENTIALS, startFakeApiGateway } from '@ncloud-apigw/testing'
import { builtFile } from './entries.js'
import { bundleOneFile, type OneFile } from './one-file.js'
import { childEnv, type FinishedRun, type NodeCommand, type PairedRuns, pairedRuns, type ProcessEffort } from './processes.js'

export interface CliCall {
  /** The built CLI as published against the bare script. */
  published: PairedRuns
  /** The same CLI bundled into one file: what publishing it as one file would give. */
  bundled: PairedRuns
  oneFile: OneFile
}

/**
 * One CLI invocation as a script looping over keys makes it: `ncloud-apigw api-key get <id>
 * --base-url <fake>` (the built CLI, credentials in NCLOUD_ACCESS_KEY_ID and
 * NCLOUD_SECRET_ACCESS_KEY) against the fake API Gateway of @ncloud-apigw/testing, which checks
 * the signature, paired against a bare Node script sending the same signed request with `fetch`
 * and printing the answer.
 */
export async function cliCall(effort: ProcessEffort): Promise<CliCall> {
  const fake = await startFakeApiGateway({ maxRecordedRequests: 0 })
  try {
    const { apiKeyId } = fake.seedKey({ apiKeyName: 'ci-bot', apiKeyDescription: 'deploys' })
    const env = childEnv({ NCLOUD_ACCESS_KEY_ID: TEST_CREDENTIALS.accessKey, NCLOUD_SECRET_ACCESS_KEY: TEST_CREDENTIALS.secretKey })
    const answered = (run: FinishedRun) => {
      if (run.code !== 0) throw new Error(`exit code ${run.code}`)
      if ((JSON.parse(run.stdout) as { apiKeyId?: string }).apiKeyId !== apiKeyId) throw new Error('printed no such key')
    }
    const args = ['api-key', 'get', apiKeyId, '--base-url', fake.url]
    const baseline: NodeCommand = { name: 'node bare-get.js (fetch + node:crypto)', args: ['dist/children/bare-get.js', fake.url, apiKeyId], env, check: answered }
    const candidate: NodeCommand = { name: 'ncloud-apigw api-key get', args: [builtFile('@ncloud-apigw/cli', 'dist/bin.js'), ...args], env, check: answered }
    const oneFile = await bundleOneFile('cli', builtFile('@ncloud-apigw/cli', 'dist/bin.js'), { platform: 'node', packageJson: builtFile('@ncloud-apigw/cli', 'package.json') })
    const bundledCandidate: NodeCommand = { ...candidate, name: 'ncloud-apigw api-key get, bundled into one file', args: [oneFile.file, ...args] }
    const published = await pairedRuns('cli-get', baseline, candidate, effort)
    const bundled = await pairedRuns('cli-get-bundled', baseline, bundledCandidate, effort)
    return { published, bundled, oneFile }
  } finally {
    await fake.close()
  }
}

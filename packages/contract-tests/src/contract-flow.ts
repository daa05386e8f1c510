import type { ApiKey, ApiKeyClient } from '@ncloud-apigw/client'

export interface FlowStep {
  /** What was called, as a reader would write it: `createApiKey({ apiKeyName: 'contract-…' })`. */
  call: string
  key: ApiKey
}

/**
 * The whole life of one API key through the four operations: create, get, update (disable),
 * regenerate the secondary key, get again. Used by the proxy contract test, by the live contract
 * check against NCP and by `pnpm start`. Checks along the way that each answer is the key it
 * should be; Prism, in front, checks each request and response against the spec.
 *
 * API Gateway keys cannot be deleted with these four operations: against NCP, the key this
 * creates stays (disabled) until it is deleted in the console.
 */
export async function runContractFlow(
  apigw: ApiKeyClient,
  { name = `contract-${Date.now().toString(36)}`, onStep = (_: FlowStep) => {} } = {},
): Promise<FlowStep[]> {
  const steps: FlowStep[] = []
  const step = (call: string, key: ApiKey) => {
    const done = { call, key }
    steps.push(done)
    onStep(done)
    return key
  }
  const expectThat = (ok: boolean, what: string) => {
    if (!ok) throw new Error(`Contract flow: ${what}`)
  }

  const created = step(
    `createApiKey({ apiKeyName: '${name}', apiKeyDescription: 'contract check' })`,
    await apigw.createApiKey({ apiKeyName: name, apiKeyDescription: 'contract check' }),
  )
  expectThat(created.apiKeyName === name, 'create did not answer the new key')
  const id = created.apiKeyId

  const fetched = step(`getApiKey('${id}')`, await apigw.getApiKey(id))
  expectThat(fetched.apiKeyId === id && fetched.primaryKey === created.primaryKey, 'get did not answer the created key')

  const updated = step(
    `updateApiKey('${id}', { apiKeyName: '${name}', isEnabled: false })`,
    await apigw.updateApiKey(id, { apiKeyName: name, isEnabled: false }),
  )
  expectThat(updated.isEnabled === false, 'update did not disable the key')

  const regenerated = step(`regenerateApiKey('${id}', 'SECONDARY')`, await apigw.regenerateApiKey(id, 'SECONDARY'))
  expectThat(
    regenerated.secondaryKey !== created.secondaryKey && regenerated.primaryKey === created.primaryKey,
    'regenerate did not replace only the secondary key',
  )

  const final = step(`getApiKey('${id}')`, await apigw.getApiKey(id))
  expectThat(final.secondaryKey === regenerated.secondaryKey && final.isEnabled === false, 'get did not see the changes')
  return steps
}

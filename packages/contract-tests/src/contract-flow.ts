import { type ApiKey, type ApiKeyClient, NcpApiError } from '@ncloud-apigw/client'
import type { OperationId } from '@ncloud-apigw/operations'

export interface FlowStep {
  /** What was called, as a reader would write it: `createApiKey({ apiKeyName: 'contract-…' })`. */
  call: string
  operation: OperationId
  /** What came back, for a person: key values masked. */
  result: string
}

/** Enough of a key value to tell two apart, never enough to use. */
const mask = (value: string | undefined) => (value === undefined ? 'absent' : `${value.slice(0, 4)}****`)

function describeKey(key: ApiKey): string {
  return [
    `apiKeyId ${key.apiKeyId}`,
    key.isEnabled ? 'enabled' : 'disabled',
    `primaryKey ${mask(key.primaryKey)}`,
    `secondaryKey ${mask(key.secondaryKey)}`,
    `modTime ${key.modTime}`,
  ].join(' · ')
}

/**
 * The whole life of one API key through every operation: create, get, list it by name, update
 * (disable), regenerate the secondary key, get again, delete, and see it gone. Used by the proxy
 * contract test, by the live contract check against NCP and by `pnpm start`. Checks along the way
 * that each answer is what it should be; Prism, in front, checks each request and response
 * against the spec.
 *
 * Leaves nothing behind: when a step fails after the key was created, the key is deleted before
 * the error is passed on (and the error says whether that worked).
 */
export async function runContractFlow(
  apigw: ApiKeyClient,
  { name = `contract-${Date.now().toString(36)}`, onStep = (_: FlowStep) => {} } = {},
): Promise<FlowStep[]> {
  const steps: FlowStep[] = []
  const step = (operation: OperationId, call: string, result: string) => {
    const done = { call, operation, result }
    steps.push(done)
    onStep(done)
  }
  const expectThat = (ok: boolean, what: string) => {
    if (!ok) throw new Error(`Contract flow: ${what}`)
  }

  const created = await apigw.createApiKey({ apiKeyName: name, apiKeyDescription: 'contract check' })
  step('createApiKey', `createApiKey({ apiKeyName: '${name}', apiKeyDescription: 'contract check' })`, describeKey(created))
  const id = created.apiKeyId
  let deleted = false
  try {
    expectThat(created.apiKeyName === name, 'create did not answer the new key')

    const fetched = await apigw.getApiKey(id)
    step('getApiKey', `getApiKey('${id}')`, describeKey(fetched))
    expectThat(fetched.apiKeyId === id && fetched.primaryKey === created.primaryKey, 'get did not answer the created key')

    const page = await apigw.listApiKeys({ apiKeyName: name })
    // NCP does not say whether the name filter is exact, so the names are compared here.
    const listed = page.apiKeys.filter((key) => key.apiKeyName === name)
    step('listApiKeys', `listApiKeys({ apiKeyName: '${name}' })`, `${page.apiKeys.length} of ${page.total} keys, ${listed.length} named ${name}: ${listed.map((k) => k.apiKeyId).join(', ')}`)
    expectThat(listed.some((key) => key.apiKeyId === id), 'list did not show the created key')

    const updated = await apigw.updateApiKey(id, { apiKeyName: name, isEnabled: false })
    step('updateApiKey', `updateApiKey('${id}', { apiKeyName: '${name}', isEnabled: false })`, describeKey(updated))
    expectThat(updated.isEnabled === false, 'update did not disable the key')

    const regenerated = await apigw.regenerateApiKey(id, 'SECONDARY')
    step('regenerateApiKey', `regenerateApiKey('${id}', 'SECONDARY')`, describeKey(regenerated))
    expectThat(
      regenerated.secondaryKey !== created.secondaryKey && regenerated.primaryKey === created.primaryKey,
      'regenerate did not replace only the secondary key',
    )

    const final = await apigw.getApiKey(id)
    step('getApiKey', `getApiKey('${id}')`, describeKey(final))
    expectThat(final.secondaryKey === regenerated.secondaryKey && final.isEnabled === false, 'get did not see the changes')

    await apigw.deleteApiKey(id)
    deleted = true
    step('deleteApiKey', `deleteApiKey('${id}')`, `deleted ${id}`)

    const gone = await apigw.getApiKey(id).then(
      () => undefined,
      (error: unknown) => error,
    )
    expectThat(gone instanceof NcpApiError && gone.status === 404, 'get still found the deleted key')
    step('getApiKey', `getApiKey('${id}')`, `404 ${(gone as NcpApiError).errorMessage ?? ''}: gone, as it should be`.trim())
    return steps
  } catch (error) {
    if (deleted) throw error
    const cleanup = await apigw.deleteApiKey(id).then(
      () => `the key ${id} it created is deleted`,
      (failure: unknown) => `the key ${id} it created could not be deleted (${(failure as Error).message}); delete it in the NCP console`,
    )
    throw new Error(`${(error as Error).message} (${cleanup})`, { cause: error })
  }
}

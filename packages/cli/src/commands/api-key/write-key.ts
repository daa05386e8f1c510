import { type ApiKey, type ApiKeyClient, NcpValidationError, type UpdateApiKeyRequest } from '@ncloud-apigw/client'
import { operations, problems, type Schema } from '@ncloud-apigw/operations'

/** What `update`, `enable` and `disable` change; the rest is kept. */
export type KeyChanges = Partial<UpdateApiKeyRequest>

/**
 * Changes only the given fields of an API key. The API sets name, state and description together
 * (`PUT`), so the key is read first and its other fields written back as they were: a change made
 * by someone else between the read and the write is overwritten (the API has no condition to
 * guard it). When all three are given nothing is read. A given field the spec refuses is refused
 * before the read, as the write would refuse it.
 */
export async function writeKey(client: ApiKeyClient, id: string, changes: KeyChanges): Promise<ApiKey> {
  const rules = operations.updateApiKey.body.properties as Readonly<Record<string, Schema>>
  for (const [field, value] of Object.entries(changes)) {
    const [problem] = problems(rules[field]!, value, field)
    if (problem) throw new NcpValidationError(problem, 'updateApiKey')
  }
  const { apiKeyName, isEnabled, apiKeyDescription } = changes
  const current = apiKeyName !== undefined && isEnabled !== undefined && apiKeyDescription !== undefined ? undefined : await client.getApiKey(id)
  const description = apiKeyDescription ?? current?.apiKeyDescription
  return client.updateApiKey(id, {
    apiKeyName: apiKeyName ?? current!.apiKeyName,
    isEnabled: isEnabled ?? current!.isEnabled,
    ...(description !== undefined && { apiKeyDescription: description }),
  })
}

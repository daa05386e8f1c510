// The same job with AWS's SDK v3 for its API Gateway: create, get and update an API key
// (AWS has no "regenerate"; the three calls are its nearest equivalents).
import { APIGatewayClient, CreateApiKeyCommand, GetApiKeyCommand, UpdateApiKeyCommand } from '@aws-sdk/client-api-gateway'

const client = new APIGatewayClient({
  region: 'ap-northeast-2',
  credentials: { accessKeyId: 'AKIAEXAMPLEACCESSKEY', secretAccessKey: 'EXAMPLESECRETKEY000000000000000000000001' },
})
const created = await client.send(new CreateApiKeyCommand({ name: 'ci-bot', description: 'deploys', enabled: true }))
await client.send(new GetApiKeyCommand({ apiKey: created.id!, includeValue: true }))
await client.send(new UpdateApiKeyCommand({ apiKey: created.id!, patchOperations: [{ op: 'replace', path: '/enabled', value: 'false' }] }))

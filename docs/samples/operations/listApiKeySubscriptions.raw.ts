import {
  createApiKeyClient,
  createRawClient,
} from '@ncloud-apigw/client'

const raw = createRawClient(createApiKeyClient())

const { data, error, response } = await raw.GET(
  '/api-keys/{api-key-id}/subscription-detail',
  {
    params: {
      path: { 'api-key-id': '*****vg079' },
      query: {
        productId: '*****n0bk',
        stageId: '***5ei7***',
      },
    },
  },
)
if (error) {
  const { errorCode, message } = error.error
  const { status } = response
  throw new Error(
    `HTTP ${status}, NCP error ${errorCode}: ${message}`,
  )
}
// The page is wrapped in apiKeyRelations
const { content, total } = data.apiKeyRelations
console.log(total, content.map((s) => s.usagePlanName))

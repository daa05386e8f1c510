// `pnpm contract:live` runs against NCP itself: refuse, clearly and before starting anything,
// when no credentials are found by the client's own chain (env, then ~/.ncloud/configure).
import { createApiKeyClient, NcpCredentialsError } from '@ncloud-apigw/client'

try {
  createApiKeyClient()
} catch (error) {
  if (!(error instanceof NcpCredentialsError)) throw error
  console.error(`pnpm contract:live needs NCP credentials and found none, so it did not run.
${error.message}
Set NCLOUD_ACCESS_KEY_ID and NCLOUD_SECRET_ACCESS_KEY (and NCLOUD_SITE=gov or fin for those
sites) and run it again. It creates one API key, takes it through every operation and deletes
it, also when a step fails in between.`)
  process.exit(1)
}

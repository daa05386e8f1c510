import { createApiKeyClient, type Credentials } from '@ncloud-apigw/client'

// 1. The default chain on Node: NCLOUD_ACCESS_KEY_ID (or NCLOUD_ACCESS_KEY)
//    with NCLOUD_SECRET_ACCESS_KEY (or NCLOUD_SECRET_KEY), then
//    ~/.ncloud/configure (the NCLOUD_PROFILE section, else [DEFAULT]).
//    The site: NCLOUD_SITE, else the profile's ncloud_api_url, else public.
const fromEnvironment = createApiKeyClient()

// 2. A profile of ~/.ncloud/configure, on the gov site.
const gov = createApiKeyClient({ profile: 'gov', site: 'gov' })

// 3. A provider, called before every attempt: rotate keys without a
//    restart (cache inside it).
let cached: Credentials | undefined
const rotating = createApiKeyClient({
  site: 'fin',
  credentials: async () => (cached ??= await loadFromYourSecretStore()),
})

async function loadFromYourSecretStore(): Promise<Credentials> {
  const accessKey = process.env.APP_NCP_ACCESS_KEY
  const secretKey = process.env.APP_NCP_SECRET_KEY
  if (!accessKey || !secretKey) {
    throw new Error(
      'Set APP_NCP_ACCESS_KEY and APP_NCP_SECRET_KEY ' +
        '(or read them from your secret store).',
    )
  }
  return { accessKey, secretKey }
}

export { fromEnvironment, gov, rotating }

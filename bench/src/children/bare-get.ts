// The CLI row's baseline: a bare Node script sending the request `ncloud-apigw api-key get <id>`
// sends, signed with node:crypto, with the credentials from the same environment variables, and
// printing the JSON answer. `node bare-get.js <baseUrl> <id>`
import { createHmac } from 'node:crypto'

const [baseUrl, id] = process.argv.slice(2) as [string, string]
const accessKey = process.env.NCLOUD_ACCESS_KEY_ID!
const secretKey = process.env.NCLOUD_SECRET_ACCESS_KEY!
const url = new URL(`${baseUrl}/api-keys/${encodeURIComponent(id)}`)
const timestamp = String(Date.now())
const signature = createHmac('sha256', secretKey).update(`GET ${url.pathname}\n${timestamp}\n${accessKey}`).digest('base64')
const response = await fetch(url, { headers: { 'x-ncp-apigw-timestamp': timestamp, 'x-ncp-iam-access-key': accessKey, 'x-ncp-apigw-signature-v2': signature } })
if (!response.ok) throw new Error(`HTTP ${response.status}`)
process.stdout.write(`${JSON.stringify(await response.json(), null, 2)}\n`)

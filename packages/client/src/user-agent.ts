import { version } from './generated/version.js'

/**
 * `ncloud-apigw-client/0.1.0 node/20.20.2`, then what the caller adds (`my-app/1.2`), as the AWS
 * SDK and Octokit name themselves, so NCP and proxies can tell the SDK and its runtime apart.
 * Only the Node entry sends one: a browser sends its own and may refuse another.
 */
export function userAgent(runtime: string, extra: string | undefined): string {
  return `ncloud-apigw-client/${version} ${runtime}${extra ? ` ${extra}` : ''}`
}

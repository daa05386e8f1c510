import { homedir } from 'node:os'
import { join } from 'node:path'
import { parseConfigure, readConfigureFile, type UnreadLine, unreadLineProblem } from './configure-file.js'
import { NcpCredentialsError } from './errors.js'
import type { Credentials, FoundCredentials } from './options.js'
import { envValue } from './env-value.js'
import { keyProblem } from './signing.js'
import { apiUrls, type Site, siteOfApiUrl } from './sites.js'

export type { FoundCredentials } from './options.js'

export interface FindCredentialsOptions {
  /** The directory holding `.ncloud/configure`; default `os.homedir()` (`HOME` on POSIX). */
  homeDir?: string
  /**
   * What else the caller's user can do, ending the advice of a "No NCP credentials found"
   * error: "..., write ~/.ncloud/configure, or <optionHint>." Default
   * `'pass the credentials option'`; a CLI says its own way, such as
   * `'name its section with --profile'`.
   */
  optionHint?: string
  /**
   * The first `searched` entry, about the caller's own source; default
   * `'the credentials option: not given'`. `null` leaves it out, for a caller with no such source.
   */
  optionSearched?: string | null
}

const variables = 'environment variables NCLOUD_ACCESS_KEY_ID or NCLOUD_ACCESS_KEY, with NCLOUD_SECRET_ACCESS_KEY or NCLOUD_SECRET_KEY'

/** The first of `names` set to a non-blank value, with that variable's name. */
function variable(env: Record<string, string | undefined>, ...names: string[]): { value: string; where: string } | undefined {
  for (const name of names) {
    const value = envValue(env[name])
    if (value !== undefined) return { value, where: name }
  }
  return undefined
}

/** Refuses a key that `keyProblem` refuses; names where it came from, never the value. */
function checkKeys(accessKey: { value: string; where: string }, secretKey: { value: string; where: string }, searched: readonly string[]): Credentials {
  for (const [what, key] of [
    ['access key', accessKey],
    ['secret key', secretKey],
  ] as const) {
    const problem = keyProblem(what, key.value)
    if (problem) throw new NcpCredentialsError(`The ${what} in ${key.where} ${problem}. Copy the ${what} again from the NCP console; the value is not shown here.`, searched)
  }
  return { accessKey: accessKey.value, secretKey: secretKey.value }
}

/**
 * NCP's own SDKs' credentials chain after the explicit option: the environment
 * (`NCLOUD_ACCESS_KEY_ID` or `NCLOUD_ACCESS_KEY`, with `NCLOUD_SECRET_ACCESS_KEY` or
 * `NCLOUD_SECRET_KEY`), then `~/.ncloud/configure` (the given profile's or `NCLOUD_PROFILE`'s
 * section; else `[DEFAULT]`, else the keys before any section). Values are trimmed and a blank
 * one counts as unset, `NCLOUD_PROFILE=` included.
 *
 * A profile, given or in `NCLOUD_PROFILE`, skips the environment's keys: naming a profile is
 * asking for it. That is the AWS SDK for JavaScript v3's default chain
 * (aws/aws-sdk-js-v3 `packages/credential-provider-node/src/defaultProvider.ts`, commit
 * e583141a5e3c7c721fb6d0a29dbc66e026c8447d: `...(init.profile || process.env[ENV_PROFILE] ? [] : [fromEnv()])`;
 * later versions keep the rule, skipping fromEnv with "AWS_PROFILE is set" and warning when
 * both are set). As there, a blank profile variable counts as unset.
 *
 * Read synchronously, once per client, so a missing credential fails at creation and names
 * every place looked in. Never puts a secret key in an error.
 */
export function findCredentials(
  env: Record<string, string | undefined>,
  profile: string | undefined,
  { homeDir, optionHint = 'pass the credentials option', optionSearched = 'the credentials option: not given' }: FindCredentialsOptions = {},
): FoundCredentials {
  const searched = optionSearched === null ? [] : [optionSearched]
  const asked = envValue(profile)
  const named = asked ?? envValue(env.NCLOUD_PROFILE)
  const namedBy = asked !== undefined ? 'option' : 'NCLOUD_PROFILE'

  if (named !== undefined) {
    searched.push(
      `${variables}: skipped, since ${namedBy === 'option' ? `the profile "${named}" was asked for` : `NCLOUD_PROFILE names the profile "${named}"`}`,
    )
  } else {
    const accessKey = variable(env, 'NCLOUD_ACCESS_KEY_ID', 'NCLOUD_ACCESS_KEY')
    const secretKey = variable(env, 'NCLOUD_SECRET_ACCESS_KEY', 'NCLOUD_SECRET_KEY')
    if (accessKey && secretKey) return { credentials: checkKeys(accessKey, secretKey, [...searched, `${variables}: set`]) }
    searched.push(
      `${variables}: ${
        accessKey ? 'an access key is set but no secret key' : secretKey ? 'a secret key is set but no access key' : 'not set'
      }`,
    )
  }

  const file = join(homeDir ?? homedir(), '.ncloud', 'configure')
  // A line of the file that was not read and may have been meant to hold the missing keys.
  let unread: UnreadLine | undefined
  const read = readConfigureFile(file)
  if (read.kind === 'refused') {
    searched.push(`${file}: ${read.problem}`)
    throw new NcpCredentialsError(`${file} ${read.problem}. ${read.advice}.`, searched)
  }
  if (read.kind === 'missing') {
    searched.push(`${file} (${named !== undefined ? `profile "${named}"` : '[DEFAULT] or no section'}): no such file`)
  } else {
    const { sections, unread: unreadLines } = parseConfigure(read.text)
    const name = named ?? (sections.has('DEFAULT') ? 'DEFAULT' : '')
    const label = named !== undefined ? `profile "${named}"` : name ? `[${name}]` : 'keys before any section'
    const section = sections.get(name)
    const where = (key: string) => `${file} ${name ? `[${name}]` : '(before any section)'} ${key}`
    const accessKey = envValue(section?.ncloud_access_key_id)
    const secretKey = envValue(section?.ncloud_secret_access_key)
    if (accessKey && secretKey) {
      const here = [...searched, `${file} (${label}): found`]
      const credentials = checkKeys(
        { value: accessKey, where: where('ncloud_access_key_id') },
        { value: secretKey, where: where('ncloud_secret_access_key') },
        here,
      )
      const apiUrl = envValue(section?.ncloud_api_url)
      if (apiUrl === undefined) return { credentials }
      const { site, host } = siteOfApiUrl(apiUrl)
      if (site) return { credentials, site }
      // Not thrown here: a baseUrl, a site option or NCLOUD_SITE chooses the site without it.
      const known = (Object.keys(apiUrls) as Site[]).map((s) => `${apiUrls[s]} (${s})`)
      const siteError = new NcpCredentialsError(
        `${where('ncloud_api_url')} ${host ? `names the host "${host}", which is no NCP site` : 'is not an http or https URL'}, so no site can be chosen from it. Write the API URL of your site, ${known.slice(0, -1).join(', ')} or ${known.at(-1)}, remove the key for the public site, or choose the site another way (site, NCLOUD_SITE or baseUrl).`,
        here,
      )
      return { credentials, siteError }
    }
    const found = [...sections.keys()].filter(Boolean).map((s) => `[${s}]`)
    // Within the section; for a section not found, anywhere (it may be a header written wrong).
    unread = section === undefined ? [...unreadLines.values()].flat().sort((a, b) => a.line - b.line)[0] : unreadLines.get(name)?.[0]
    searched.push(
      `${file} (${label}): ${
        section === undefined
          ? `no such section (found: ${found.join(', ') || 'none'})`
          : 'ncloud_access_key_id and ncloud_secret_access_key are not both set'
      }${unread ? `, and line ${unread.line} was not read` : ''}`,
    )
  }
  const lineProblem = unread ? `${unreadLineProblem(file, unread)} ` : ''

  if (named !== undefined) {
    throw new NcpCredentialsError(
      `No NCP credentials found in the profile "${named}"${namedBy === 'option' ? '' : ' (named by NCLOUD_PROFILE)'}. ${lineProblem}Write its ncloud_access_key_id and ncloud_secret_access_key in the section [${named}] of ${file}, or ${
        namedBy === 'option' ? 'name another profile' : 'unset NCLOUD_PROFILE to use the environment variables or [DEFAULT]'
      }.`,
      searched,
    )
  }
  throw new NcpCredentialsError(
    `No NCP credentials found. ${lineProblem}Set NCLOUD_ACCESS_KEY_ID and NCLOUD_SECRET_ACCESS_KEY, write ${homeDir === undefined ? '~/.ncloud/configure' : file}, or ${optionHint}.`,
    searched,
  )
}

import { InvalidArgumentError } from 'commander'

/**
 * A parser for a flag that takes a whole number: decimal digits only, so `abc`, `1e3`, `0x10`,
 * `-1`, `2.5` and an empty value are a usage error naming the flag, rather than a number they
 * happen to convert to. The bounds (at least 1, ...) are the spec's and the client's to check.
 */
export function wholeNumber(example: string): (value: string) => number {
  return (value) => {
    const number = Number(value)
    if (!/^\d+$/.test(value) || !Number.isSafeInteger(number)) throw new InvalidArgumentError(`Give a whole number in decimal digits, such as ${example}.`)
    return number
  }
}

/**
 * What is wrong with a `--base-url` and what to give instead, in words that never quote it (it
 * may hold a password), or undefined for a usable one: http or https, no user or password, no
 * query or fragment. The CLI's copy of the client's rule (`baseUrlProblem` in
 * client/src/config.ts, not exported), checked while the command line is read, so that a wrong
 * URL is a usage error (exit code 2) before credentials are looked for; to be replaced by the
 * client's once it exports it.
 */
export function baseUrlProblem(value: string, example: string): string | undefined {
  const advice = `give the base URL up to and including /api/v1, such as ${example}`
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return `is not a URL (not shown, since it may hold a password); ${advice}`
  }
  if (url.username || url.password) {
    return 'holds a user name or password (not shown); give the URL without them: the CLI signs each request with your NCP keys and sends no other credentials'
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return `is not an http: or https: URL; ${advice}`
  if (url.search || url.hash) return `has a query or fragment, which the paths would follow; ${advice}`
  return undefined
}

/**
 * Removes secrets from text a server sent, before any of it is quoted in an error or a log line:
 * a hostile or broken server may echo the request (signature included) or put key values into an
 * error body, in any syntax. Three nets, since any one can miss:
 * - the secrets this attempt itself used (secret key, signature), also as URL- and JSON-escaped;
 * - the value after a secret-named field, whether written as JSON (plain, escaped or in HTML
 *   entities), `name=value`, `name: value` or Python's `'name': 'value'`;
 * - any long unbroken token, the shape of key values (40 characters), secret keys (40) and
 *   signatures (44), which no useful error text needs whole.
 */
export const SECRET_NAME = /(?:primary|secondary|secret|access[_-]?secret|api)[_-]?key(?:[_-]?value)?|secret|password|passwd|token|authorization|cookie|signature[\w-]*/i
// Name, then a separator of quotes (plain, backslash-escaped, HTML entities), spaces and : or =.
const SEPARATOR = String.raw`(?:\\?["']|&quot;|&#0*3[49];|\s)*[:=](?:\\?["']|&quot;|&#0*3[49];|\s)*`
const SECRET_FIELD = new RegExp(`(${SECRET_NAME.source})(${SEPARATOR})([^"'\\s,;&<>}\\]\\\\]+)`, 'gi')
const LONG_TOKEN = /[A-Za-z0-9+/_=-]{40,}/g
export const REDACTED = '[redacted]'

export function redactText(text: string, secrets: readonly string[]): string {
  let result = text
  for (const secret of secrets) {
    if (secret.length < 4) continue
    for (const form of new Set([secret, encodeURIComponent(secret), JSON.stringify(secret).slice(1, -1).replace(/\//g, '\\/')])) {
      result = result.split(form).join(REDACTED)
    }
  }
  return result.replace(SECRET_FIELD, `$1$2${REDACTED}`).replace(LONG_TOKEN, REDACTED)
}

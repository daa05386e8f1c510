import { decodedView, type View } from './decoded-view.js'

/**
 * Removes secrets from text a server sent, before any of it is quoted in an error or a log line:
 * a hostile or broken server may echo the request (signature included) or put key values into an
 * error body, in any syntax and any encoding. The text is read as a decoded view (HTML entities,
 * percent escapes nested to any depth, `\uXXXX` and backslash escapes undone; see
 * decoded-view.ts), and what each net finds there masks the span of the original it came from.
 * Three nets, since any one can miss:
 * - the secrets the call itself used (secret key, signatures), also with spaces, line breaks or
 *   a `+` turned into a space anywhere inside;
 * - the value after a secret-named field, whether written as JSON, `name=value`, `name: value`
 *   or Python's `'name': 'value'`;
 * - any long unbroken token, the shape of key values (40 characters), secret keys (40) and
 *   signatures (44), which no useful error text needs whole.
 */
// `api-key` (the x-ncp-apigw-api-key header) and `apiKeyValue` hold a key value; a bare `apiKey`
// is the object NCP wraps a key in, whose values the other names catch.
const SECRET_NAME = /(?:primary|secondary|secret|access[_-]?secret)[_-]?key(?:[_-]?value)?|api[_-]key|api[_-]?key[_-]?value|secret|password|passwd|token|authorization|cookie|signature[\w-]*/i
// Name, then a separator of quotes (plain or HTML entities, which the view has mostly undone), spaces and : or =.
const SEPARATOR = String.raw`(?:\\?["']|&quot;|&#0*3[49];|\s)*[:=](?:\\?["']|&quot;|&#0*3[49];|\s)*`
const SECRET_FIELD = new RegExp(`(?:${SECRET_NAME.source})${SEPARATOR}([^"'\\s,;&<>}\\]\\\\]+)`, 'dgi')
const LONG_TOKEN = /[A-Za-z0-9+/_=-]{40,}/g
/** What a form decoder or a line wrap may have put into a secret: set aside when secrets are searched for. */
const INSERTED = /[\s+]/g
const REDACTED = '[redacted]'

const SECRET_FIELD_NAME = new RegExp(`^(?:${SECRET_NAME.source})$`, 'i')

/**
 * Whether a field of that name holds a secret, as every net here judges it: the name, or its end
 * from a word boundary on, is a secret's (`primaryKey`, `secondary_key`, `apiKeyValue`,
 * `password`, `x-ncp-apigw-signature-v2`, `previousPrimaryKey`).
 */
export function isSecretName(name: string): boolean {
  if (SECRET_FIELD_NAME.test(name)) return true
  for (const boundary of name.matchAll(/[_-]|(?<=[a-z0-9])(?=[A-Z])/g)) {
    if (SECRET_FIELD_NAME.test(name.slice(boundary.index! + boundary[0].length))) return true
  }
  return false
}

/** Spans [start, end) of the original where `secrets` occur in the view, spaces, line breaks and `+` set aside. */
function secretSpans(view: View, secrets: readonly string[], spans: [number, number][]): void {
  // The view without what INSERTED matches, each character's position in the view kept.
  let bare = ''
  const at: number[] = []
  for (let i = 0; i < view.text.length; i++) {
    const c = view.text[i]!
    if (c === '+' || /\s/.test(c)) continue
    bare += c
    at.push(i)
  }
  for (const secret of secrets) {
    const wanted = secret.replace(INSERTED, '')
    // Shorter than that, a secret would mask ordinary words; no real secret is.
    if (wanted.length < 4) continue
    for (let i = bare.indexOf(wanted); i !== -1; i = bare.indexOf(wanted, i + 1)) {
      spans.push([view.start[at[i]!]!, view.end[at[i + wanted.length - 1]!]!])
    }
  }
}

/** The original `text` with every span replaced by REDACTED, overlapping spans merged. */
function masked(text: string, spans: [number, number][]): string {
  if (spans.length === 0) return text
  spans.sort((a, b) => a[0] - b[0])
  let out = ''
  let from = 0
  for (const [start, end] of spans) {
    if (end <= from) continue
    if (start >= from) out += text.slice(from, start) + REDACTED
    from = end
  }
  return out + text.slice(from)
}

export function redactText(text: string, secrets: readonly string[]): string {
  const view = decodedView(text)
  const spans: [number, number][] = []
  secretSpans(view, secrets, spans)
  const span = (from: number, to: number) => spans.push([view.start[from]!, view.end[to - 1]!])
  for (const match of view.text.matchAll(SECRET_FIELD)) span(...match.indices![1]!)
  for (const match of view.text.matchAll(LONG_TOKEN)) span(match.index!, match.index! + match[0].length)
  return masked(text, spans)
}

/**
 * A parsed body with every value under a secret-named field replaced by `replace(value, name)`
 * (default REDACTED), at any depth, in objects and arrays alike: `primaryKey` at the top,
 * `previousKeys.primaryKey`, `keys[3].secondaryKey`, `apiKeyValue`. A secret-named field that
 * holds an object or an array has each of its values replaced (`name`: the field holding it).
 */
export function redactFields(value: unknown, replace: (value: unknown, name: string) => unknown = () => REDACTED): unknown {
  const walk = (inner: unknown, name: string, secret: boolean): unknown => {
    if (Array.isArray(inner)) return inner.map((item) => walk(item, name, secret))
    if (inner !== null && typeof inner === 'object') return Object.fromEntries(Object.entries(inner).map(([field, v]) => [field, walk(v, field, secret || isSecretName(field))]))
    return secret && inner !== null && inner !== undefined ? replace(inner, name) : inner
  }
  return walk(value, '', false)
}

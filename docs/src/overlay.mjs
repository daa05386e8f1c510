// @ts-check
// OpenAPI Overlay 1.0.0 (https://spec.openapis.org/overlay/v1.0.0.html), applied to a parsed
// document. Redocly CLI lints Overlay files but does not apply them, and the one small library
// that does pulls in a legacy JSONPath engine; the semantics fit in a page on top of an RFC 9535
// JSONPath implementation.
import { exec } from 'jsonpath-rfc9535'

/**
 * @typedef {import('jsonpath-rfc9535').JsonValue} JsonValue
 * @typedef {(string | number)[]} Path
 * @typedef {{ target: string, description?: string, update?: JsonValue, remove?: boolean }} OverlayAction
 * @typedef {{ overlay: string, info: { title: string, version: string }, extends?: string, actions: OverlayAction[] }} Overlay
 */

/**
 * The locations an action's target selects, as paths of keys and indexes from the root.
 * @param {JsonValue} document
 * @param {string} target
 * @returns {Path[]}
 */
export function selectPaths(document, target) {
  /** @type {Path[]} */
  const found = []
  exec(document, target, (_value, path) => found.push([...path]))
  return found
}

/**
 * Applies the overlay's actions in order to a copy of the document and returns the copy. Each
 * action sees the result of the ones before it, as the specification requires.
 * @param {JsonValue} document
 * @param {Overlay} overlay
 * @returns {JsonValue}
 */
export function applyOverlay(document, overlay) {
  if (!/^1\.0\.\d+$/.test(String(overlay.overlay))) {
    throw new Error(`Unsupported Overlay version ${JSON.stringify(overlay.overlay)}: expected 1.0.x`)
  }
  let result = structuredClone(document)
  for (const [index, action] of overlay.actions.entries()) {
    const paths = selectPaths(result, action.target)
    if (action.remove === true) {
      // Removing from the end keeps the earlier array indexes valid.
      for (const path of [...paths].reverse()) result = removeAt(result, path)
    } else if (action.update !== undefined) {
      for (const path of paths) {
        const node = valueAt(result, path)
        if (Array.isArray(node)) node.push(structuredClone(action.update))
        else if (isObject(node) && isObject(action.update)) merge(node, action.update)
        else {
          throw new Error(
            `Overlay action ${index + 1} (${action.target}) updates ${describe(node)} with ${describe(action.update)}; ` +
              'an update must be an object merged into an object, or any value appended to an array',
          )
        }
      }
    }
  }
  return result
}

/**
 * @param {JsonValue} root
 * @param {Path} path
 * @returns {JsonValue}
 */
export function valueAt(root, path) {
  /** @type {any} */
  let node = root
  for (const key of path) node = node?.[key]
  return node
}

/**
 * @param {JsonValue} root
 * @param {Path} path
 * @returns {JsonValue}
 */
function removeAt(root, path) {
  if (path.length === 0) return null
  const parent = /** @type {any} */ (valueAt(root, path.slice(0, -1)))
  const key = /** @type {string | number} */ (path.at(-1))
  if (Array.isArray(parent)) parent.splice(Number(key), 1)
  else delete parent[key]
  return root
}

/**
 * Objects merge key by key, recursively; anything else replaces what was there.
 * @param {{ [key: string]: JsonValue }} target
 * @param {{ [key: string]: JsonValue }} update
 */
function merge(target, update) {
  for (const [key, value] of Object.entries(update)) {
    const current = target[key]
    if (isObject(current) && isObject(value)) merge(current, value)
    else target[key] = structuredClone(value)
  }
}

/**
 * @param {unknown} value
 * @returns {value is { [key: string]: JsonValue }}
 */
function isObject(value) {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** @param {unknown} value */
function describe(value) {
  if (value === undefined) return 'a missing node'
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`
}

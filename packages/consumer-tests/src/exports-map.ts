/** One conditions object of an `exports` map, with where it sits (e.g. `exports["."]`). */
export interface ConditionsObject {
  at: string
  keys: string[]
  targets: string[]
}

const isJs = (target: string) => /\.(c|m)?js$/.test(target)

/** Every conditions object of an `exports` map, nested ones included, and every file it points at. */
export function conditionsObjects(exports: unknown, at = 'exports'): ConditionsObject[] {
  if (typeof exports === 'string') return []
  if (Array.isArray(exports)) return exports.flatMap((e, i) => conditionsObjects(e, `${at}[${i}]`))
  if (exports === null || typeof exports !== 'object') return []
  const entries = Object.entries(exports)
  const nested = entries.flatMap(([key, value]) => conditionsObjects(value, `${at}[${JSON.stringify(key)}]`))
  // Subpath keys start with "."; conditions do not.
  if (entries.every(([key]) => key.startsWith('.'))) return nested
  return [{ at, keys: entries.map(([key]) => key), targets: exportTargets(exports) }, ...nested]
}

/** Every file an `exports` map (or part of it) can resolve to. */
export function exportTargets(exports: unknown): string[] {
  if (typeof exports === 'string') return [exports]
  if (Array.isArray(exports)) return exports.flatMap(exportTargets)
  if (exports === null || typeof exports !== 'object') return []
  return Object.values(exports).flatMap(exportTargets)
}

/** Why a conditions object breaks "types first": JS targets with no `types`, or `types` after another condition. */
export function typesFirstProblem(object: ConditionsObject): string | undefined {
  const jsTargets = object.targets.filter(isJs)
  if (jsTargets.length === 0) return undefined
  if (!object.keys.includes('types')) return `${object.at} points at ${jsTargets.join(', ')} with no "types" condition`
  if (object.keys[0] !== 'types') return `${object.at} lists "types" after ${JSON.stringify(object.keys[0])}: TypeScript takes the first matching condition`
  return undefined
}

export { isJs }

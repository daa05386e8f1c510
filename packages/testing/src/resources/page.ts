/**
 * One page of `items`, the way every list and search of the fake cuts one: skip `offset` (default
 * 0), then take `limit`, or every remaining item when there is none (NCP documents no default).
 */
export function pageOf<T>(items: readonly T[], offset = 0, limit?: number): T[] {
  return items.slice(offset, limit === undefined ? undefined : offset + limit)
}

/** Whether a status is among those asked for; an absent or empty `statusSet` asks for every status. */
export function inSet<S extends string>(status: S, statusSet: readonly S[] | undefined): boolean {
  return statusSet === undefined || statusSet.length === 0 || statusSet.includes(status)
}

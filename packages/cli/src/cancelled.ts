/** A confirmation (`delete`, `regenerate`, `unsubscribe`) was answered no (or not at all): nothing was sent. */
export class CancelledError extends Error {
  override name = 'CancelledError'

  constructor() {
    super('Cancelled; nothing was sent.')
  }
}

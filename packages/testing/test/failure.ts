// What a fetch (or a body read) rejected with, for tests of connections that end badly.

/** What fetch rejected with: the error and the code of its cause. */
export async function failure(promise: Promise<unknown>): Promise<{ name: string; message: string; cause: string | undefined }> {
  try {
    await promise
  } catch (error) {
    const e = error as Error & { cause?: { code?: string } }
    return { name: e.name, message: e.message, cause: e.cause?.code }
  }
  throw new Error('expected a rejection')
}

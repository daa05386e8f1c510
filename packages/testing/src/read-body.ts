import type { IncomingMessage } from 'node:http'

export type ReadBody =
  | { readonly tooLarge: false; readonly bytes: Buffer }
  | { readonly tooLarge: true; readonly bytes: undefined }

/**
 * Reads the request body, keeping at most `limit` bytes; a larger one is drained and dropped so
 * the answer (413) can still be sent on a healthy connection. Rejects when the client goes away.
 */
export async function readBody(req: IncomingMessage, limit: number): Promise<ReadBody> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length
    if (size <= limit) chunks.push(chunk)
  }
  return size > limit ? { tooLarge: true, bytes: undefined } : { tooLarge: false, bytes: Buffer.concat(chunks) }
}

const decoder = new TextDecoder()

/** The answer was larger than `maxResponseBytes`; read no further. The attempt turns it into an NcpApiError. */
export class BodyTooLarge extends Error {
  override name = 'BodyTooLarge'
  constructor(readonly limit: number) {
    super(`the answer is larger than ${limit} bytes`)
  }
}

/**
 * Cancels a body that will not be read, without waiting: the cancel of a tee'd body (a cloned
 * Response, as caching or mocking layers hand back) settles only once every branch is cancelled,
 * so awaiting it could wait forever, past any timeout.
 */
export function discard(body: ReadableStream | null): void {
  body?.cancel().catch(() => {})
}

/**
 * The answer's body as text, reading at most `limit` bytes after decoding (`fetch` undoes gzip,
 * so a small compressed body can still be huge): past that it stops reading, cancels the body and
 * throws `BodyTooLarge`. A declared `Content-Length` beyond the limit fails before reading anything.
 * `signal` (the attempt's) stops the reading even when the body does not heed it (a `fetch`
 * other than the platform's), and the reading then fails with its reason, never returns a part.
 *
 * `nodeFetch`: the response comes from Node's own `fetch`, which reads exactly the declared
 * `Content-Length` of a body it has not decoded and shows every header. Such a body within the
 * limit is read whole, which costs a fraction of reading it chunk by chunk when a thousand calls
 * are in flight. Any other `fetch` may hand back a `Response` whose headers do not describe its
 * body, and a browser hides `Content-Encoding` from a cross-origin script, so there every body is
 * counted as it is read.
 */
export async function readText(response: Response, limit: number, signal: AbortSignal, nodeFetch: boolean): Promise<string> {
  const declared = response.headers.get('content-length')
  if (declared !== null && !response.headers.has('content-encoding')) {
    const length = Number(declared)
    if (length > limit) {
      discard(response.body)
      throw new BodyTooLarge(limit)
    }
    // Node's fetch rejects the read when the attempt's signal aborts. A malformed length (NaN)
    // is counted as it is read.
    if (nodeFetch && length <= limit) return response.text()
  }
  if (!response.body) return ''
  const reader = response.body.getReader()
  // Cancelling ends a pending read (as done), which the check after the loop turns into the reason.
  const onAbort = () => void reader.cancel(signal.reason).catch(() => {})
  signal.addEventListener('abort', onAbort)
  const chunks: Uint8Array[] = []
  let size = 0
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      size += value.byteLength
      if (size > limit) {
        void reader.cancel().catch(() => {})
        throw new BodyTooLarge(limit)
      }
      chunks.push(value)
    }
  } finally {
    signal.removeEventListener('abort', onAbort)
  }
  signal.throwIfAborted()
  if (chunks.length === 1) return decoder.decode(chunks[0])
  const all = new Uint8Array(size)
  let at = 0
  for (const chunk of chunks) {
    all.set(chunk, at)
    at += chunk.byteLength
  }
  return decoder.decode(all)
}

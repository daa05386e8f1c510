import type { IncomingMessage } from 'node:http'

export interface ReadBody {
  /** Bytes received, all of them, kept or not. */
  readonly size: number
  /** More than `limit` bytes arrived. */
  readonly tooLarge: boolean
  /** What was kept: the whole body, or its first bytes when `truncated`. */
  readonly bytes: Buffer
  /** `bytes` is only the start of the body. */
  readonly truncated: boolean
}

export interface ReadBodyLimits {
  /** A body larger than this is too large: it is drained and only its first `prefix` bytes are kept. */
  readonly limit: number
  /** How much of a body within `limit` to keep: `limit` to keep it whole, less to keep its start. */
  readonly keep: number
  /** How much of a too large body to keep. */
  readonly prefix: number
}

/**
 * Reads the request body to its end, so the answer (401, 413) can still be sent on a healthy
 * connection, while holding at most `keep` bytes (or `prefix` once it is too large): a client
 * that streams large bodies cannot make the fake hold them. Rejects when the client goes away.
 */
export async function readBody(req: IncomingMessage, { limit, keep, prefix }: ReadBodyLimits): Promise<ReadBody> {
  let chunks: Buffer[] = []
  let size = 0
  let kept = 0
  let cap = Math.min(keep, limit)
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length
    if (size > limit && cap > prefix) {
      // Too large after all: give back what was held beyond the prefix.
      cap = prefix
      const start = Buffer.concat(chunks).subarray(0, prefix)
      chunks = [Buffer.from(start)]
      kept = start.length
    }
    if (kept < cap) {
      const part = chunk.length <= cap - kept ? chunk : chunk.subarray(0, cap - kept)
      chunks.push(part)
      kept += part.length
    }
  }
  const bytes = Buffer.concat(chunks, kept)
  return { size, tooLarge: size > limit, bytes, truncated: kept < size }
}

/** A body read as UTF-8 JSON: its value, or why it is not one. */
export type ParsedBody = { readonly value: unknown } | { readonly problem: string }

const utf8 = new TextDecoder('utf-8', { fatal: true })

/** Parses a whole body once, for the record and for the operation alike. */
export function parseBody(bytes: Uint8Array): ParsedBody {
  let text: string
  try {
    text = utf8.decode(bytes)
  } catch {
    return { problem: 'the body is not valid UTF-8' }
  }
  try {
    return { value: JSON.parse(text) }
  } catch (error) {
    return { problem: `the body is not valid JSON: ${(error as Error).message}` }
  }
}

/** `application/json`, with or without parameters, and the `+json` types. */
export function isJsonContentType(value: string | undefined): boolean {
  return value !== undefined && /^application\/([\w.+-]+\+)?json\s*(;|$)/i.test(value)
}

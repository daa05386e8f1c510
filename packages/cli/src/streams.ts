/** Where the CLI writes: stdout or stderr, each of which may stop working while it runs. */
export interface Channel {
  /** Writes `text`, or keeps it aside once writing has failed (see `lost`). */
  write(text: string): void
  /** Resolves once everything written so far has been taken by the system, or has failed. */
  flush(): Promise<void>
  /** The first error writing met (a full disk, a closed file), other than the reader going away. */
  readonly failure: NodeJS.ErrnoException | undefined
  /** What could not be written, so that it can be said on the other stream (up to 64 KiB). */
  readonly lost: string
}

const KEPT = 64 * 1024

/**
 * Writes to `stream` without ever throwing or crashing the process. A reader that goes away
 * (`| head` closes the pipe: EPIPE) is no error: nothing more is written. Any other failure is
 * kept in `failure`, and what was not written in `lost`, so the caller can say what happened on
 * the stream that still works and keep its exit code (see run.ts).
 */
export function channel(stream: NodeJS.WritableStream): Channel {
  let failure: NodeJS.ErrnoException | undefined
  let closed = false
  let lost = ''
  let pending: Promise<void> = Promise.resolve()
  const keep = (text: string) => {
    if (lost.length < KEPT) lost += text.slice(0, KEPT - lost.length)
  }
  const fail = (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') closed = true
    else failure ??= error
  }
  // Without a listener, an 'error' event would end the process with a stack trace.
  stream.on('error', fail)
  return {
    write(text) {
      if (closed) return
      if (failure) return keep(text)
      pending = new Promise((resolve) => {
        try {
          stream.write(text, (error) => {
            if (error) {
              fail(error)
              if (!closed) keep(text)
            }
            resolve()
          })
        } catch (error) {
          fail(error as NodeJS.ErrnoException)
          keep(text)
          resolve()
        }
      })
    },
    flush: () => pending,
    get failure() {
      return failure
    },
    get lost() {
      return lost
    },
  }
}

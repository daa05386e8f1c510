import { createInterface } from 'node:readline'

export interface ConfirmStreams {
  /** Where the answer is read from (a terminal in practice). */
  input: NodeJS.ReadableStream
  /** Where the question is written: stderr, so that stdout holds only the result. */
  output: { write(text: string): unknown }
}

/**
 * Asks a yes/no question, no being the default: true only for `y` or `yes` (any case). The end
 * of input before an answer counts as no. The terminal stays in its ordinary line mode, so
 * Ctrl-C interrupts the process as it would anywhere else, before anything is sent.
 */
export function confirm(question: string, { input, output }: ConfirmStreams): Promise<boolean> {
  output.write(`${question} [y/N] `)
  const lines = createInterface({ input, terminal: false })
  return new Promise((resolve) => {
    let answered = false
    lines.once('line', (answer) => {
      answered = true
      lines.close()
      resolve(/^\s*y(es)?\s*$/i.test(answer))
    })
    lines.once('close', () => {
      if (answered) return
      output.write('\n')
      resolve(false)
    })
  })
}

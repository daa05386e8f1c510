import { PassThrough } from 'node:stream'
import { describe, expect, test } from 'vitest'
import { confirm } from './confirm.js'

function streams() {
  const input = new PassThrough()
  const output = new PassThrough()
  let written = ''
  output.setEncoding('utf8').on('data', (chunk: string) => (written += chunk))
  return { input, output, written: () => written }
}

describe('confirm', () => {
  test.each(['y', 'Y', 'yes', 'YES', ' y '])('%j is yes', async (answer) => {
    const io = streams()
    const answered = confirm('Regenerate?', io)
    io.input.write(`${answer}\n`)
    expect(await answered).toBe(true)
  })

  test.each(['', 'n', 'no', 'N', 'yess', 'sure', 'y y'])('%j is no', async (answer) => {
    const io = streams()
    const answered = confirm('Regenerate?', io)
    io.input.write(`${answer}\n`)
    expect(await answered).toBe(false)
  })

  test('asks the question with no as the default', async () => {
    const io = streams()
    const answered = confirm('Regenerate the PRIMARY key?', io)
    io.input.end('n\n')
    await answered
    expect(io.written()).toBe('Regenerate the PRIMARY key? [y/N] ')
  })

  test('the end of input before an answer is no', async () => {
    const io = streams()
    const answered = confirm('Regenerate?', io)
    io.input.end()
    expect(await answered).toBe(false)
    expect(io.written()).toBe('Regenerate? [y/N] \n')
  })

  test('reads only the first line', async () => {
    const io = streams()
    const answered = confirm('Regenerate?', io)
    io.input.end('no\ny\n')
    expect(await answered).toBe(false)
  })
})

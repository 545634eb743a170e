import { createInterface } from 'node:readline'
import type { CommandIo } from './command'
import { UsageError } from './command'

/**
 * Secrets come from stdin, never from argv (which other users can read in `ps`). On a terminal each
 * is prompted for without echo; from a pipe, one line per requested value, in order.
 */
export async function readSecrets(io: CommandIo, labels: string[]): Promise<string[]> {
  if (labels.length === 0) return []
  if (io.stdin.isTTY) {
    const values: string[] = []
    for (const label of labels) values.push(await promptHidden(io, `${label}: `))
    return values
  }
  const lines = (await readAll(io.stdin)).split(/\r?\n/)
  const values = labels.map((_, index) => (lines[index] ?? '').trim())
  const missing = labels.filter((_, index) => values[index] === '')
  if (missing.length) throw new UsageError(`stdin ended before a value for: ${missing.join(', ')} (one line per --read, in order)`)
  return values
}

export async function confirm(io: CommandIo, question: string, assumeYes: boolean): Promise<boolean> {
  if (assumeYes) return true
  if (!io.stdin.isTTY) throw new UsageError('not confirmed: add --yes to confirm when stdin is not a terminal')
  const rl = createInterface({ input: io.stdin, output: io.stderr })
  const answer = await new Promise<string>((resolve) => rl.question(`${question} [y/N] `, resolve))
  rl.close()
  return /^y(es)?$/i.test(answer.trim())
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  let text = ''
  for await (const chunk of stream) text += typeof chunk === 'string' ? chunk : chunk.toString('utf8')
  return text
}

function promptHidden(io: CommandIo, question: string): Promise<string> {
  return new Promise((resolve) => {
    const stdin = io.stdin as NodeJS.ReadStream
    io.stderr.write(question)
    stdin.setRawMode?.(true)
    stdin.resume()
    let value = ''
    const onData = (chunk: Buffer) => {
      for (const char of chunk.toString('utf8')) {
        if (char === '\r' || char === '\n') {
          stdin.off('data', onData)
          stdin.setRawMode?.(false)
          stdin.pause()
          io.stderr.write('\n')
          resolve(value)
          return
        }
        if (char === '\u0003') process.kill(process.pid, 'SIGINT')
        else if (char === '\u007f') value = value.slice(0, -1)
        else value += char
      }
    }
    stdin.on('data', onData)
  })
}

import { PassThrough, Writable } from 'node:stream'
import type { CommandIo } from '../../src/main/command-line'

export class Capture extends Writable {
  text = ''
  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: () => void): void {
    this.text += chunk.toString()
    callback()
  }
}

/** In-memory IO for running CLI commands inside a test; `stop()` plays the operator's Ctrl+C. */
export function testIo(env: NodeJS.ProcessEnv = {}) {
  const stdout = new Capture()
  const stderr = new Capture()
  const stdin = new PassThrough()
  let stop: (signal: NodeJS.Signals) => void = () => {}
  const stopped = new Promise<NodeJS.Signals>((resolve) => (stop = resolve))
  const io: CommandIo = { stdout, stderr, stdin, env, untilSignal: () => stopped }
  return { io, stdout, stderr, stdin, stop: (signal: NodeJS.Signals = 'SIGINT') => stop(signal) }
}

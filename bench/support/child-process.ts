import { fork, type ChildProcess } from 'node:child_process'
import { join } from 'node:path'
import { track } from './cleanup'

/** Messages between the bench and its child processes (over the IPC channel, as JSON). */
export type ChildMessage = { type: 'ready'; data: unknown } | { type: 'reply'; id: number; result?: unknown; error?: string }

export interface Child<Ready> {
  readonly process: ChildProcess
  readonly ready: Ready
  /** Asks the child to do something; resolves with its answer. */
  request<T>(payload: Record<string, unknown>): Promise<T>
  stderr(): string
  stop(): Promise<void>
  /** Ends the child at once, even in the middle of synchronous work (SIGKILL). */
  kill(): Promise<void>
}

export interface ChildOptions {
  args?: string[]
  env?: NodeJS.ProcessEnv
  execArgv?: string[]
  /** How long start-up may take before the bench gives up. */
  timeoutMs?: number
}

/**
 * Starts one of the bench's child scripts (out/bench/dist/children/<name>.js) under this Node and
 * waits for its `ready` message. Load generators, reference servers and stubs run this way, so they
 * never share an event loop with what they measure.
 */
export async function startChild<Ready>(distDir: string, name: string, options: ChildOptions = {}): Promise<Child<Ready>> {
  const child = fork(join(distDir, 'children', `${name}.js`), options.args ?? [], {
    env: { ...process.env, ...options.env },
    execArgv: ['--disable-warning=ExperimentalWarning', ...(options.execArgv ?? [])],
    stdio: ['ignore', 'inherit', 'pipe', 'ipc'],
  })
  track(child)
  let stderr = ''
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>()
  let nextId = 1
  const exited = new Promise<void>((resolve) =>
    child.once('exit', (code, signal) => {
      for (const waiter of pending.values()) waiter.reject(new Error(`child ${name} exited (${code ?? signal}) before answering:\n${stderr}`))
      pending.clear()
      resolve()
    }),
  )

  const ready = await new Promise<Ready>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`child ${name} did not get ready in time:\n${stderr}`)), options.timeoutMs ?? 30_000)
    const onExit = (code: number | null) => {
      clearTimeout(timer)
      reject(new Error(`child ${name} exited (${code}) before it was ready:\n${stderr}`))
    }
    child.once('exit', onExit)
    child.on('message', (raw) => {
      const message = raw as ChildMessage
      if (message.type === 'ready') {
        clearTimeout(timer)
        child.off('exit', onExit)
        resolve(message.data as Ready)
      } else {
        const waiter = pending.get(message.id)
        pending.delete(message.id)
        if (message.error !== undefined) waiter?.reject(new Error(`child ${name}: ${message.error}`))
        else waiter?.resolve(message.result)
      }
    })
  })

  return {
    process: child,
    ready,
    request<T>(payload: Record<string, unknown>) {
      const id = nextId++
      return new Promise<T>((resolve, reject) => {
        pending.set(id, { resolve: resolve as (value: unknown) => void, reject })
        child.send({ ...payload, id })
      })
    },
    stderr: () => stderr,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM')
      await exited
    },
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
      await exited
    },
  }
}

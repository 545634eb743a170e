import type { ChildMessage } from './child-process'

/** Inside a child script: tell the bench we are ready (with what it needs to know). */
export function reportReady(data: unknown): void {
  process.send?.({ type: 'ready', data } satisfies ChildMessage)
}

/** Inside a child script: answer the bench's requests, one handler for all of them. */
export function answerRequests(handler: (request: Record<string, unknown>) => Promise<unknown>): void {
  process.on('message', (raw) => {
    const request = raw as Record<string, unknown> & { id: number }
    handler(request).then(
      (result) => process.send?.({ type: 'reply', id: request.id, result } satisfies ChildMessage),
      (error: unknown) => process.send?.({ type: 'reply', id: request.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies ChildMessage),
    )
  })
  // The bench stops its children with SIGTERM; leave at once (servers would otherwise linger on keep-alive sockets).
  process.once('SIGTERM', () => process.exit(0))
  process.once('disconnect', () => process.exit(0))
}

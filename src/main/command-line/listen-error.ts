/** Turns a failed `listen` into one sentence an operator can act on. */
export function listenErrorMessage(error: unknown, port: number, flag: string): string {
  const code = (error as { code?: string } | undefined)?.code
  if (code === 'EADDRINUSE' || code === 'port_in_use') {
    return `port ${port} on 127.0.0.1 is already in use; stop the other program or pick another port with ${flag} (0 picks a free one)`
  }
  if (code === 'EACCES') {
    return `not allowed to listen on port ${port}; ports below 1024 need privileges, pick a higher one with ${flag}`
  }
  return `could not listen on 127.0.0.1:${port}: ${error instanceof Error ? error.message : String(error)}`
}

import { createServer, request as httpRequest } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface CountingProxy {
  url: string
  /** Requests seen, as `METHOD /path` without the query. */
  seen: string[]
  count(pattern: RegExp): number
  close(): Promise<void>
}

/** A plain HTTP forwarder on 127.0.0.1 that records every request it passes to `target`. */
export async function countingProxy(target: string): Promise<CountingProxy> {
  const seen: string[] = []
  const upstream = new URL(target)
  const server = createServer((req, res) => {
    seen.push(`${req.method} ${(req.url ?? '').split('?')[0]}`)
    const forward = httpRequest(
      { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers)
        answer.pipe(res)
      },
    )
    forward.on('error', () => {
      res.writeHead(502).end()
    })
    req.pipe(forward)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    count: (pattern) => seen.filter((line) => pattern.test(line)).length,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}

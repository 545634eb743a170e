import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { answerRequests, reportReady } from '../support/child-side'

/**
 * The operator's bot for the forwarding scenario: bare node:http that reads each POST and answers
 * 200, counting them. The bench can take it down (connections refused) and bring it back on the
 * same port.
 */
let posts = 0
let firstAt = 0
let lastAt = 0
let port = 0
let server: Server | undefined

function listen(): Promise<void> {
  const next = createServer((request, response) => {
    request.resume()
    request.on('end', () => {
      if (request.method === 'POST') {
        posts++
        lastAt = performance.now()
        if (firstAt === 0) firstAt = lastAt
      }
      response.writeHead(200, { 'content-type': 'text/plain' }).end('ok')
    })
  })
  return new Promise((resolve) => {
    next.listen(port, '127.0.0.1', () => {
      port = (next.address() as AddressInfo).port
      server = next
      resolve()
    })
  })
}

async function handle(request: Record<string, unknown>): Promise<unknown> {
  switch (request.op) {
    case 'count':
      return { posts, firstAt, lastAt, now: performance.now() }
    case 'reset':
      posts = 0
      firstAt = 0
      lastAt = 0
      return null
    case 'down': {
      const current = server
      server = undefined
      current?.closeAllConnections()
      await new Promise<void>((resolve) => (current ? current.close(() => resolve()) : resolve()))
      return null
    }
    case 'up':
      if (!server) await listen()
      return null
    default:
      throw new Error(`unknown op ${String(request.op)}`)
  }
}

void listen().then(() => {
  answerRequests(handle)
  reportReady({ url: `http://127.0.0.1:${port}/webhook` })
})

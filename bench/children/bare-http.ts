import { createHmac, timingSafeEqual } from 'node:crypto'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { answerRequests, reportReady } from '../support/child-side'

/**
 * Reference (a) of scenario 1: the least a correct webhook endpoint can do on bare `node:http`:
 * read the body, check its HMAC, parse the JSON, answer 200. No storage.
 */
const secret = process.env.BENCH_APP_SECRET ?? ''

const server = createServer((request, response) => {
  const chunks: Buffer[] = []
  request.on('data', (chunk: Buffer) => chunks.push(chunk))
  request.on('end', () => {
    const raw = Buffer.concat(chunks)
    const expected = Buffer.from(`sha256=${createHmac('sha256', secret).update(raw).digest('hex')}`)
    const given = Buffer.from(String(request.headers['x-hub-signature-256'] ?? ''))
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      response.writeHead(401).end('Unauthorized')
      return
    }
    try {
      JSON.parse(raw.toString('utf8'))
    } catch {
      response.writeHead(400).end('Bad request')
      return
    }
    response.writeHead(200, { 'content-type': 'text/plain' }).end('EVENT_RECEIVED')
  })
})

server.listen(0, '127.0.0.1', () => {
  answerRequests(() => Promise.resolve(null))
  reportReady({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhook` })
})

import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { answerRequests, reportReady } from '../support/child-side'

/**
 * Scenario 2's local stand-in for Graph: answers `POST /vNN.N/{phone-number-id}/messages` the way
 * the Cloud API does (after reading and parsing the body), in its own process so the client and the
 * reference are measured against the same, separate server.
 */
let sends = 0

const server = createServer((request, response) => {
  const chunks: Buffer[] = []
  request.on('data', (chunk: Buffer) => chunks.push(chunk))
  request.on('end', () => {
    if (request.method !== 'POST' || !/^\/v\d+\.\d+\/\d+\/messages$/.test(request.url ?? '')) {
      response.writeHead(404, { 'content-type': 'application/json' }).end('{"error":{"message":"Unknown path","type":"OAuthException","code":803}}')
      return
    }
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { to?: string }
    sends++
    const to = body.to ?? ''
    response
      .writeHead(200, { 'content-type': 'application/json; charset=UTF-8', 'x-fb-trace-id': 'AbCdEfGhIjK' })
      .end(JSON.stringify({ messaging_product: 'whatsapp', contacts: [{ input: to, wa_id: to }], messages: [{ id: `wamid.HBgLstub${sends}AgARGBI5QTNDQTVGRTA5` }] }))
  })
})

server.listen(0, '127.0.0.1', () => {
  answerRequests(() => Promise.resolve({ sends }))
  reportReady({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` })
})

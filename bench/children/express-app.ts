import { createHmac, timingSafeEqual } from 'node:crypto'
import type { AddressInfo } from 'node:net'
import express from 'express'
import { answerRequests, reportReady } from '../support/child-side'

/**
 * Reference (b) of scenario 1: the webhook handler of the usual tutorial: Express 5,
 * `express.json()` keeping the raw body for the signature, HMAC check, 200. No storage.
 */
const secret = process.env.BENCH_APP_SECRET ?? ''

interface RawBodyRequest extends express.Request {
  rawBody?: Buffer
}

const app = express()
app.use(
  express.json({
    verify: (request, _response, buffer) => {
      ;(request as RawBodyRequest).rawBody = buffer
    },
  }),
)
app.post('/webhook', (request: RawBodyRequest, response) => {
  const expected = Buffer.from(`sha256=${createHmac('sha256', secret).update(request.rawBody ?? Buffer.alloc(0)).digest('hex')}`)
  const given = Buffer.from(request.get('x-hub-signature-256') ?? '')
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    response.sendStatus(401)
    return
  }
  response.status(200).send('EVENT_RECEIVED')
})

const server = app.listen(0, '127.0.0.1', () => {
  answerRequests(() => Promise.resolve(null))
  reportReady({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhook` })
})

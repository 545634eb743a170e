import { createHmac } from 'node:crypto'
import { writeFileSync } from 'node:fs'
import autocannon from 'autocannon'
import { answerRequests, reportReady } from '../support/child-side'
import { maximum, percentile } from '../support/stats'
import { WebhookMix } from '../support/webhook-mix'

/**
 * The load generator (autocannon), in its own process: signed, unique webhook POSTs from
 * `WebhookMix`. It records which events were acknowledged (2xx), so the bench can check every
 * one of them against the store afterwards.
 */
export interface LoadRequest {
  url: string
  secret: string
  /** Distinguishes this run's wamids from every other run's. */
  tag: string
  connections: number
  seconds: number
  warmupSeconds: number
  /** Requests per second over all connections; unset = as fast as the server answers. */
  rate?: number
  /** Where to write the keys of acknowledged events, one a line (warm-up included). */
  ackedFile?: string
}

export interface LoadResult {
  seconds: number
  requestsPerSecond: number
  responses: number
  ok: number
  non2xx: number
  errors: number
  timeouts: number
  p50Ms: number
  p99Ms: number
  maxMs: number
  acked: number
}

interface Context {
  key?: string
}

async function load(request: LoadRequest): Promise<LoadResult> {
  const mix = new WebhookMix(request.tag)
  const acked: string[] = []
  const sign = (body: string) => `sha256=${createHmac('sha256', request.secret).update(body).digest('hex')}`
  const target = new URL(request.url)

  const run = (seconds: number) =>
    new Promise<{ result: autocannon.Result; latencies: number[] }>((resolve, reject) => {
      const latencies: number[] = []
      const instance = autocannon(
        {
          url: target.origin,
          connections: request.connections,
          duration: seconds,
          ...(request.rate ? { overallRate: request.rate } : {}),
          requests: [
            {
              method: 'POST',
              path: target.pathname,
              setupRequest(req: autocannon.Request, context: object) {
                const delivery = mix.next()
                ;(context as Context).key = delivery.key
                return { ...req, body: delivery.body, headers: { 'content-type': 'application/json', 'x-hub-signature-256': sign(delivery.body) } }
              },
              onResponse(status: number, _body: string, context: object) {
                const key = (context as Context).key
                if (status >= 200 && status < 300 && key) acked.push(key)
              },
            },
          ],
        },
        (error, result) => (error ? reject(error as Error) : resolve({ result, latencies })),
      )
      instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) => latencies.push(responseTime))
    })

  if (request.warmupSeconds > 0) await run(request.warmupSeconds)
  const { result, latencies } = await run(request.seconds)
  if (request.ackedFile) writeFileSync(request.ackedFile, acked.join('\n') + '\n')
  const responses = result['1xx'] + result['2xx'] + result['3xx'] + result['4xx'] + result['5xx']
  return {
    seconds: result.duration,
    requestsPerSecond: responses / result.duration,
    responses,
    ok: result['2xx'],
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    maxMs: maximum(latencies),
    acked: acked.length,
  }
}

answerRequests((request) => load(request as unknown as LoadRequest))
reportReady({})

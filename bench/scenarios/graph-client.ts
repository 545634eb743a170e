import { Pool } from 'undici'
import { systemClock } from '../../src/main/core/clock'
import { createGraphClient, DEFAULT_GRAPH_VERSION, REQUEST_ID_HEADER } from '../../src/main/core/graph'
import { Redactor, silentLogger } from '../../src/main/core/log'
import { sample } from '../../test/support/secrets'
import { startChild } from '../support/child-process'
import type { BenchContext } from '../support/context'
import { num, ratio } from '../support/format'
import { figure, goal, type ScenarioResult } from '../support/results'
import { median } from '../support/stats'

const SENDS = 5000
const WARMUP = 2000
const IN_FLIGHT = 50
const ROUNDS = 5
/** The Graph client's default pool size; the reference gets the same. */
const CONNECTIONS = 16
const PHONE_NUMBER_ID = '106540352242922'

type Send = (n: number) => Promise<unknown>

const message = (n: number) => ({
  messaging_product: 'whatsapp',
  recipient_type: 'individual',
  to: String(4915100000000 + (n % 5000)),
  type: 'text',
  text: { preview_url: false, body: `Your order #${100000 + n} has shipped and arrives tomorrow between 9:00 and 12:00.` },
})

/** `count` sends, `IN_FLIGHT` at a time (a worker pool draining a queue); resolves to sends per second. */
async function drive(send: Send, count: number): Promise<number> {
  let next = 0
  const started = performance.now()
  const worker = async () => {
    while (next < count) await send(next++)
  }
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker))
  return count / ((performance.now() - started) / 1000)
}

/**
 * Scenario 2: the Graph client's overhead. The same text sends go to a local stub (its own
 * process) through the Graph client and through a bare undici Pool loop, alternating, three rounds each.
 */
export async function graphClientScenario(context: BenchContext): Promise<Omit<ScenarioResult, 'seconds'>> {
  const stub = await startChild<{ url: string }>(context.distDir, 'graph-stub')
  const client = createGraphClient({ baseUrl: stub.ready.url, log: silentLogger, redactor: new Redactor(), clock: systemClock, userAgent: 'Switchboard/bench', maxConnections: CONNECTIONS })
  const pool = new Pool(stub.ready.url, { connections: CONNECTIONS, keepAliveTimeout: 30_000 })
  const token = sample.accessToken
  const path = `/${DEFAULT_GRAPH_VERSION}/${PHONE_NUMBER_ID}/messages`
  const headers = {
    accept: 'application/json',
    'user-agent': 'Switchboard/bench',
    [REQUEST_ID_HEADER]: '00000000-0000-4000-8000-000000000000',
    authorization: `Bearer ${token}`,
    'content-type': 'application/json',
  }
  const viaClient: Send = async (n) => (await client.post(`${PHONE_NUMBER_ID}/messages`, { token, json: message(n) })).data
  const viaPool: Send = async (n) => {
    const response = await pool.request({ path, method: 'POST', headers, body: JSON.stringify(message(n)) })
    const data: unknown = await response.body.json()
    if (response.statusCode !== 200) throw new Error(`stub answered ${response.statusCode}`)
    return data
  }
  const clientRates: number[] = []
  const poolRates: number[] = []
  try {
    await drive(viaPool, WARMUP)
    await drive(viaClient, WARMUP)
    for (let round = 0; round < ROUNDS; round++) {
      poolRates.push(await drive(viaPool, SENDS))
      clientRates.push(await drive(viaClient, SENDS))
      context.log(`  round ${round + 1}: client ${num(clientRates[round]!)} sends/s, bare Pool ${num(poolRates[round]!)} sends/s`)
    }
  } finally {
    await client.close()
    await pool.close()
    await stub.stop()
  }
  const subject = median(clientRates)
  const reference = median(poolRates)
  const share = subject / reference
  return {
    id: 2,
    title: 'Graph client: 5,000 sends',
    workload: `${num(SENDS)} text sends (POST /${DEFAULT_GRAPH_VERSION}/{phone-number-id}/messages, JSON body, bearer token), ${IN_FLIGHT} in flight, to a local stub in its own process; ${num(WARMUP)} warm-up sends each; ${ROUNDS} alternating rounds, median.`,
    reference: `The same requests (same headers and body) through a bare undici Pool loop (${CONNECTIONS} connections, as the client's default), same stub, same run.`,
    figures: [
      figure('clientSendsPerSecond', 'Graph client', subject, 'sends/s'),
      figure('poolSendsPerSecond', 'reference: bare undici Pool', reference, 'sends/s'),
    ],
    goals: [goal('≥ 0.9 × reference', `${ratio(share)} (${num(subject)} vs ${num(reference)} sends/s)`, share >= 0.9)],
    notes: [`Rounds (client / Pool, sends/s): ${clientRates.map((rate, i) => `${num(rate)} / ${num(poolRates[i]!)}`).join('; ')}.`],
  }
}

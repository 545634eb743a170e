import { connect, type Socket } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { inbound } from '../../support/webhook-payloads'
import { webhookHarness, type WebhookHarness } from '../../support/webhook'

const SLOW_CLIENTS = Number(process.env.SWITCHBOARD_SLOWLORIS_CLIENTS ?? 1100)
const DELIVERIES = Number(process.env.SWITCHBOARD_SLOWLORIS_DELIVERIES ?? 30)

/** A client that opens a request and then dribbles header bytes, never finishing (slowloris). */
function slowClient(port: number): { socket: Socket; connected: Promise<void>; stop: () => void } {
  const socket = connect(port, '127.0.0.1')
  const connected = new Promise<void>((resolve) => {
    socket.once('connect', () => resolve())
    socket.once('error', () => resolve())
  })
  socket.on('error', () => undefined)
  socket.write('POST /webhook HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ')
  const timer = setInterval(() => {
    if (socket.writable) socket.write('a')
  }, 200)
  return { socket, connected, stop: () => (clearInterval(timer), socket.destroy()) }
}

describe('slow and abusive clients', () => {
  let hook: WebhookHarness
  beforeAll(async () => {
    hook = await webhookHarness()
  })
  afterAll(() => hook.close())

  // More slow connections than the listener's hard cap (1,024): only evicting slow ones keeps room.
  it(`${SLOW_CLIENTS} slowloris connections do not stop real deliveries from being acknowledged`, async () => {
    const slow = Array.from({ length: SLOW_CLIENTS }, () => slowClient(hook.port))
    try {
      // Every slow client holds its connection before the real deliveries start.
      await Promise.all(slow.map((client) => client.connected))
      for (let i = 0; i < DELIVERIES; i++) {
        const started = Date.now()
        const response = await hook.post(inbound('4915100007777', 'Real', { type: 'text', text: { body: `real ${i}` } }))
        expect(response.status).toBe(200)
        expect(Date.now() - started).toBeLessThan(3000)
      }
      const closed = slow.filter((client) => client.socket.destroyed || client.socket.readableEnded).length
      expect(closed).toBeGreaterThan(0)
    } finally {
      for (const client of slow) client.stop()
    }
    const thread = await hook.core.call('inbox.thread', { contact: '4915100007777', limit: 500 })
    expect(thread.messages).toHaveLength(DELIVERIES)
  }, 60_000)

  it('cuts off a client that sends its headers too slowly', async () => {
    const { socket, stop } = slowClient(hook.port)
    const closed = await new Promise<boolean>((resolve) => {
      socket.once('close', () => resolve(true))
      setTimeout(() => resolve(false), 15_000)
    })
    stop()
    expect(closed).toBe(true)
  }, 20_000)
})

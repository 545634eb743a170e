import { describe, expect, it } from 'vitest'
import { Bot } from '../support/bot'
import { runBuiltCli } from '../support/cli'
import { ackedThenKilled } from '../support/crash'
import { sample } from '../support/secrets'
import { startServe } from '../support/serve'
import { sign } from '../support/signing'
import { tempDir } from '../support/temp'
import { inbound } from '../support/webhook-payloads'

const CRASH_RUNS = Number(process.env.SWITCHBOARD_FORWARD_CRASH_RUNS ?? 20)
const OUTAGE_SECONDS = Number(process.env.SWITCHBOARD_FORWARD_OUTAGE_SECONDS ?? 300)
const RATE = 500

function profileWithSecret(): string {
  const dataDir = tempDir()
  expect(runBuiltCli(['credentials', 'set', '--data-dir', dataDir, '--read', 'app-secret'], { input: `${sample.appSecret}\n` }).status).toBe(0)
  return dataDir
}

async function until(condition: () => boolean, timeoutMs: number, what: () => string): Promise<void> {
  const started = Date.now()
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out: ${what()}`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

describe('forwarding to the operator’s bot, under failure', () => {
  it(`${CRASH_RUNS} SIGKILLs while forwarding: every delivery acknowledged to Meta reaches the bot`, { timeout: 900_000 }, async () => {
    const bot = await new Bot({ keepRequests: false }).start()
    const dataDir = profileWithSecret()
    const acked = new Set<string>()
    try {
      for (let run = 0; run < CRASH_RUNS; run++) {
        for (const id of await ackedThenKilled(dataDir, { concurrency: 16, killAfterAcks: 100 + run * 23, serveArgs: ['--forward-to', bot.url] })) acked.add(id)
      }
      // The next start sends whatever the kills left in the outbox.
      const again = await startServe(['--data-dir', dataDir, '--port', '0', '--webhook-port', '0'])
      try {
        await until(() => [...acked].every((id) => bot.wamids.has(id)), 120_000, () => `${[...acked].filter((id) => !bot.wamids.has(id)).length} of ${acked.size} acknowledged deliveries never reached the bot`)
      } finally {
        expect(await again.stop('SIGTERM')).toBe(0)
      }
      // At least once: a kill between the bot's answer and the outcome's commit sends a delivery again.
      expect(bot.posts).toBeGreaterThanOrEqual(acked.size)
    } finally {
      await bot.stop()
    }
  })

  it(`the bot down for ${OUTAGE_SECONDS} s under ${RATE} deliveries/s, then back: every delivery reaches it, exactly once after de-duplication`, { timeout: 900_000 }, async () => {
    const bot = await new Bot({ keepRequests: false }).start()
    const dataDir = profileWithSecret()
    const serve = await startServe(['--data-dir', dataDir, '--port', '0', '--webhook-port', '0', '--forward-to', bot.url])
    const acked = new Set<string>()
    try {
      await bot.stop()
      // 500 deliveries a second, paced in 10 ms steps, each waited for (Meta's own pace is what it is).
      const started = Date.now()
      let sent = 0
      const inFlight = new Set<Promise<void>>()
      while (Date.now() - started < OUTAGE_SECONDS * 1000) {
        const due = Math.floor(((Date.now() - started) / 1000) * RATE)
        while (sent < due) {
          const body = inbound(`49152${String(sent % 1000).padStart(8, '0')}`, 'Load', { type: 'text', text: { body: `outage ${sent}` } }) as {
            entry: { changes: { value: { messages: { id: string }[] } }[] }[]
          }
          const id = body.entry[0]!.changes[0]!.value.messages[0]!.id
          const raw = JSON.stringify(body)
          const post = fetch(serve.webhookUrl, { method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature-256': sign(raw, sample.appSecret) }, body: raw })
            .then(async (response) => {
              if (response.status === 200) acked.add(id)
              await response.arrayBuffer()
            })
            .catch(() => undefined)
          inFlight.add(post)
          void post.finally(() => inFlight.delete(post))
          sent++
        }
        await new Promise((resolve) => setTimeout(resolve, 10))
      }
      await Promise.all([...inFlight])
      expect(acked.size).toBeGreaterThan(OUTAGE_SECONDS * RATE * 0.95)
      expect(bot.posts).toBe(0)

      await bot.start()
      const back = performance.now()
      // A paused target is probed at most a minute apart; then the whole backlog is due at once.
      await until(() => acked.size > 0 && [...acked].every((id) => bot.wamids.has(id)), 300_000, () => `${bot.wamids.size} of ${acked.size} deliveries at the bot`)
      const drainSeconds = (bot.lastPostAt - bot.firstPostAt) / 1000
      process.stderr.write(
        `forward outage: ${acked.size} deliveries acknowledged while the bot was down; first reached it ${((bot.firstPostAt - back) / 1000).toFixed(1)} s after it came back; ` +
          `the backlog drained in ${drainSeconds.toFixed(1)} s (${Math.round(bot.posts / Math.max(drainSeconds, 0.001))} deliveries/s); ${bot.posts - bot.wamids.size} duplicates\n`,
      )
      expect(bot.wamids.size).toBe(acked.size)
    } finally {
      await serve.stop('SIGTERM')
      await bot.stop()
    }
  })
})

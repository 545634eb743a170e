import { createHash } from 'node:crypto'
import { createReadStream, createWriteStream, mkdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { Transform } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { Agent, request } from 'undici'
import type { CoreServices } from '../../src/main/core'
import { DEFAULT_GRAPH_VERSION } from '../../src/main/core/graph'
import { startChild } from '../support/child-process'
import { benchCore } from '../support/bench-core'
import type { BenchContext } from '../support/context'
import { ms, num, ratio } from '../support/format'
import { figure, goal, type ScenarioResult } from '../support/results'
import { median } from '../support/stats'
import { waitUntil } from '../support/wait'

const MB = 1024 * 1024
/** A 16 MB video: the largest Meta lets a customer send as a video. */
const BYTES = 16 * MB
/** Measured rounds, after one warm-up round that is not counted. */
const ROUNDS = 25
/** The connections the media service's own Agent allows; the reference gets the same. */
const CONNECTIONS = 4

export interface MediaMeta {
  url: string
  appId: string
  appSecret: string
  phoneNumberId: string
  wabaId: string
  systemUserId: string
  adminToken: string
  accessToken: string
  verifyToken: string
}

interface CreatedMedia {
  id: string
  fileSize: number
  sha256: string
}

type Side = 'switchboard' | 'bare' | 'hashing'

/** MB/s of a download of `BYTES` that took `msValue`. */
const rate = (msValue: number) => BYTES / MB / (msValue / 1000)

async function sha256Of(path: string): Promise<string> {
  const hash = createHash('sha256')
  await pipeline(createReadStream(path), hash)
  return hash.digest('hex')
}

/**
 * The reference: what any program does to fetch a customer's medium, with nothing else. `GET
 * /{media-id}` with the token for the URL, then that URL with the token, the body streamed into a
 * file. With `hash`, the bytes also pass through SHA-256 on their way (reference (b)).
 */
async function bareDownload(agent: Agent, meta: MediaMeta, mediaId: string, path: string, hash: boolean): Promise<string | null> {
  const headers = { authorization: `Bearer ${meta.accessToken}` }
  const graph = await request(`${meta.url}/${DEFAULT_GRAPH_VERSION}/${mediaId}?phone_number_id=${meta.phoneNumberId}`, { dispatcher: agent, headers })
  const located = (await graph.body.json()) as { url?: string }
  if (graph.statusCode !== 200 || !located.url) throw new Error(`GET /${mediaId} answered ${graph.statusCode}`)
  const file = await request(located.url, { dispatcher: agent, headers })
  if (file.statusCode !== 200) {
    await file.body.dump()
    throw new Error(`the media URL answered ${file.statusCode}`)
  }
  if (!hash) {
    await pipeline(file.body, createWriteStream(path, { flags: 'wx', mode: 0o600 }))
    return null
  }
  const digest = createHash('sha256')
  const meter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      digest.update(chunk)
      done(null, chunk)
    },
  })
  await pipeline(file.body, meter, createWriteStream(path, { flags: 'wx', mode: 0o600 }))
  return digest.digest('hex')
}

/** The sandbox profile as a person would set it up: settings and secrets, active, listener running, the app's callback pointed at it. */
export async function connect(core: CoreServices, meta: MediaMeta, subscribe: (callbackUrl: string) => Promise<unknown>): Promise<void> {
  const { id } = await core.call('profiles.create', { name: 'media-bench' })
  await core.call('profiles.save', {
    id,
    settings: { phoneNumberId: meta.phoneNumberId, wabaId: meta.wabaId, systemUserId: meta.systemUserId },
    secrets: { appId: meta.appId, appSecret: meta.appSecret, accessToken: meta.accessToken, adminToken: meta.adminToken, verifyToken: meta.verifyToken },
  })
  await core.call('profiles.activate', { id })
  // Nothing downloads by itself (the background is not started either): each file waits for media.download.
  await core.call('media.setSettings', { autoDownloadBytes: 0 })
  const listener = await core.startListener(0)
  if (!listener.url) throw new Error(`the webhook listener did not start: ${listener.error ?? listener.state}`)
  await subscribe(listener.url)
}

/**
 * Scenario 8: downloading a customer's 16 MB video through the media service (`media.download`:
 * `GET /{media-id}`, the file streamed to disk while hashed, checked against Meta's SHA-256, kept
 * under the data dir) against a bare undici download of the same file. "Meta" is the sandbox in
 * its own process; Switchboard's core runs in the bench process, as in a shell.
 */
export async function mediaDownloadScenario(context: BenchContext): Promise<Omit<ScenarioResult, 'seconds'>> {
  const run = Date.now().toString(36)
  const meta = await startChild<MediaMeta>(context.distDir, 'media-meta', { args: [join(context.workDir, `media-meta-${run}`)] })
  const core = await benchCore(context, `media-download-${run}`, meta.ready.url)
  const agent = new Agent({ connections: CONNECTIONS })
  const times: Record<Side, number[]> = { switchboard: [], bare: [], hashing: [] }
  const referenceDir = join(context.workDir, `media-reference-${run}`)
  try {
    mkdirSync(referenceDir, { recursive: true })
    await connect(core, meta.ready, (callbackUrl) => meta.request({ command: 'subscribe', callbackUrl }))
    const sides: Side[] = ['bare', 'switchboard', 'hashing']
    for (let round = 0; round <= ROUNDS; round++) {
      // A new file every round, so Switchboard has nothing of it yet.
      const media = await meta.request<CreatedMedia>({ command: 'createMedia', kind: 'video', bytes: BYTES })
      if (media.fileSize !== BYTES) throw new Error(`the sandbox made ${media.fileSize} bytes, not ${BYTES}`)
      await meta.request({ command: 'send', mediaId: media.id })
      await waitUntil(`the webhook carrying media ${media.id}`, () =>
        core.call('media.get', { mediaId: media.id }).then(
          () => true,
          () => false,
        ),
      )
      // Each side goes first, second and third in turn: none always gets the warmest caches.
      const order = sides.map((_, i) => sides[(i + round) % sides.length]!)
      const took: Partial<Record<Side, number>> = {}
      for (const side of order) {
        if (side === 'switchboard') {
          const started = performance.now()
          const view = await core.call('media.download', { mediaId: media.id })
          took[side] = performance.now() - started
          if (view.state !== 'stored' || view.size !== BYTES) throw new Error(`media.download ended ${view.state} (${view.size ?? '?'} bytes): ${view.error?.message ?? ''}`)
        } else {
          const path = join(referenceDir, `${media.id}-${side}`)
          const started = performance.now()
          const digest = await bareDownload(agent, meta.ready, media.id, path, side === 'hashing')
          took[side] = performance.now() - started
          // Checked after the clock stops: the reference must have fetched the same bytes.
          if ((digest ?? (await sha256Of(path))) !== media.sha256) throw new Error(`the ${side} reference fetched other bytes than media ${media.id}`)
          rmSync(path, { force: true })
        }
      }
      if (round === 0) continue
      for (const side of sides) times[side].push(took[side]!)
      context.log(`  round ${round}: Switchboard ${ms(took.switchboard!, 0)}, bare undici ${ms(took.bare!, 0)}, bare undici + SHA-256 ${ms(took.hashing!, 0)}`)
    }
  } finally {
    await agent.close()
    await core.close()
    await meta.stop()
    rmSync(referenceDir, { recursive: true, force: true })
  }
  const subject = median(times.switchboard)
  const reference = median(times.bare)
  const hashing = median(times.hashing)
  const share = reference / subject
  return {
    id: 8,
    title: 'Media: download of a 16 MB video',
    workload:
      `A customer sends a new ${num(BYTES / MB)} MB video (pseudo-random bytes, video/mp4) every round; Switchboard fetches it with media.download (GET /{media-id} through the Graph client, the file through the media service's undici Agent, ` +
      `streamed to disk while hashed, checked against the SHA-256 in the webhook and in Graph's answer, filed under the data dir), timed from the call to the stored file. ` +
      `"Meta" is the sandbox in its own process on 127.0.0.1; the webhook reaches the core's listener through a registered callback. ${ROUNDS} rounds after one warm-up round, median; the three downloads of a round take turns going first.`,
    reference:
      `(a) bare undici (an Agent of ${CONNECTIONS} connections, as the media service's): GET /{media-id} with the same token, then the URL, the body piped into a file; ` +
      `(b) the same with the bytes passing through SHA-256 on the way. Both fetch the very file Switchboard fetches in that round, same sandbox, same run.`,
    figures: [
      figure('switchboardMs', 'Switchboard: media.download → stored, median', subject, 'ms'),
      figure('switchboardMBps', 'Switchboard throughput', rate(subject), 'MB/s'),
      figure('bareMs', 'reference (a): bare undici, median', reference, 'ms'),
      figure('bareMBps', 'reference (a) throughput', rate(reference), 'MB/s'),
      figure('hashingMs', 'reference (b): bare undici + SHA-256, median', hashing, 'ms'),
      figure('hashingShare', 'reference (b) ÷ (a), throughput: the cost of hashing alone', reference / hashing, '×', 2),
      figure('beyondHashing', 'Switchboard ÷ reference (b), throughput: the cost beyond hashing', hashing / subject, '×', 2),
    ],
    goals: [goal('≥ 0.8 × bare undici download (a)', `${ratio(share)} (${ms(subject, 0)} vs ${ms(reference, 0)}; ${num(rate(subject))} vs ${num(rate(reference))} MB/s)`, share >= 0.8)],
    notes: [
      `Rounds (Switchboard / (a) / (b), ms): ${times.switchboard.map((t, i) => `${num(t)} / ${num(times.bare[i]!)} / ${num(times.hashing[i]!)}`).join('; ')}.`,
      'MB = 2²⁰ bytes, as Meta counts media sizes.',
    ],
  }
}

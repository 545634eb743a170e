import { createReadStream, createWriteStream, rmSync } from 'node:fs'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { startChild } from '../support/child-process'
import { benchCore } from '../support/bench-core'
import type { BenchContext } from '../support/context'
import { num } from '../support/format'
import { figure, goal, type ScenarioResult } from '../support/results'
import { connect, type MediaMeta } from './media-download'

const MB = 1024 * 1024
/** The largest document WhatsApp takes. */
const BYTES = 100 * MB
const SAMPLE_EVERY_MS = 20

/** Writes `bytes` of pseudo-random data to `path` in 1 MB chunks (the file, not memory, holds it). */
async function makeFile(path: string, bytes: number): Promise<void> {
  let state = 0x2545f491
  const chunk = Buffer.alloc(MB)
  function* chunks() {
    for (let written = 0; written < bytes; written += MB) {
      for (let i = 0; i < chunk.length; i += 4) {
        state ^= state << 13
        state ^= state >>> 17
        state ^= state << 5
        chunk.writeInt32LE(state | 0, i)
      }
      yield chunk.subarray(0, Math.min(MB, bytes - written))
    }
  }
  await pipeline(Readable.from(chunks()), createWriteStream(path))
}

/** Runs `work` while sampling this process's RSS; returns the highest RSS above the level before it. */
async function peakGrowth(work: () => Promise<unknown>): Promise<number> {
  global.gc?.()
  const before = process.memoryUsage.rss()
  let peak = before
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), SAMPLE_EVERY_MS)
  try {
    await work()
  } finally {
    clearInterval(sampler)
  }
  return Math.max(peak, process.memoryUsage.rss()) - before
}

/**
 * Scenario 10: the memory a 100 MB document costs on its way to Meta (`uploadMedia`: staged to
 * disk while hashed, then streamed as multipart to `POST /{phone-number-id}/media`). The sandbox,
 * as "Meta", runs in its own process, so only the sending side is measured here. The reference is
 * the same file merely read through a stream in the same process: what streaming costs at least.
 */
export async function mediaUploadScenario(context: BenchContext): Promise<Omit<ScenarioResult, 'seconds'>> {
  const run = Date.now().toString(36)
  const meta = await startChild<MediaMeta>(context.distDir, 'media-meta', { args: [join(context.workDir, `media-upload-meta-${run}`)] })
  const core = await benchCore(context, `media-upload-${run}`, meta.ready.url)
  const file = join(context.workDir, `upload-${run}.pdf`)
  let subject: number
  let reference: number
  try {
    await connect(core, meta.ready, (callbackUrl) => meta.request({ command: 'subscribe', callbackUrl }))
    await makeFile(file, BYTES)
    reference = await peakGrowth(() => pipeline(createReadStream(file), createWriteStream('/dev/null')))
    subject = await peakGrowth(async () => {
      const view = await core.uploadMedia({ kind: 'document', mimeType: 'application/pdf', filename: 'big.pdf', body: createReadStream(file) })
      if (view.state !== 'stored' || view.size !== BYTES) throw new Error(`the upload ended ${view.state} (${view.size ?? '?'} bytes)`)
    })
    context.log(`  upload: RSS +${num(subject / MB)} MB (reference: +${num(reference / MB)} MB)`)
  } finally {
    await core.close()
    await meta.stop()
    rmSync(file, { force: true })
  }
  return {
    id: 10,
    title: 'Media: upload of a 100 MB document',
    workload:
      `A ${num(BYTES / MB)} MB document (pseudo-random bytes) handed to the core as a file stream (as the CLI and the shells do): staged to disk while hashed, checked against Meta's limits, ` +
      `streamed as multipart/form-data to the sandbox's POST /{phone-number-id}/media (its own process), and kept in the media store. RSS of the bench process sampled every ${SAMPLE_EVERY_MS} ms.`,
    reference: 'The same file read through a stream into /dev/null in the same process, just before: the least any streaming costs.',
    figures: [figure('uploadRssGrowthMB', 'Switchboard: peak RSS growth during the upload', subject / MB, 'MB'), figure('referenceRssGrowthMB', 'reference: peak RSS growth of a streamed read', reference / MB, 'MB')],
    goals: [goal('RSS growth while uploading a 100 MB document < 30 MB', `+${num(subject / MB)} MB (a streamed read alone: +${num(reference / MB)} MB)`, subject < 30 * MB)],
    notes: ['MB = 2²⁰ bytes.'],
  }
}

import { createHash } from 'node:crypto'
import { readdirSync, readFileSync, statSync, truncateSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { MediaView, MessageView } from '@shared/contract'
import { sandboxCore, type SandboxCore } from '../../support/sandbox-core'

const MB = 1024 * 1024
const DAY = 24 * 60 * 60 * 1000

/** The media id of the message a customer just sent, as the inbox stores it. */
async function mediaIdOf(box: SandboxCore, wamid: string): Promise<string> {
  await box.advance(2000)
  const { messages } = await box.core.call('inbox.recent', { limit: 20 })
  const message = messages.find((m: MessageView) => m.wamid === wamid)
  if (message?.content.kind !== 'media' || !message.content.id) throw new Error(`no media message ${wamid}`)
  return message.content.id
}

const ticketOf = (view: MediaView) => view.src!.slice('/media/'.length)
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex')

describe('media customers send', () => {
  let box: SandboxCore
  afterEach(() => box.core.close())

  it('arrive on disk by themselves when small, checked against Meta’s SHA-256, private, and served only by ticket', async () => {
    box = await sandboxCore({ background: true })
    const events: MediaView[] = []
    box.core.events.on('media.changed', (view) => events.push(view))
    const { wamid } = await box.core.call('sandbox.simulateInbound', { type: 'image' })
    const mediaId = await mediaIdOf(box, wamid)

    await vi.waitFor(async () => expect((await box.core.call('media.get', { mediaId })).state).toBe('stored'))
    const view = await box.core.call('media.get', { mediaId })
    expect(view).toMatchObject({ kind: 'image', mimeType: 'image/png', error: null, progress: null, src: expect.stringMatching(/^\/media\/[\w-]{20,}$/) as string })
    expect(events.map((e) => e.state)).toContain('downloading')

    const file = box.core.openMedia(ticketOf(view))!
    const bytes = readFileSync(file.path)
    expect(bytes.subarray(1, 4).toString()).toBe('PNG')
    expect(file.path.endsWith(sha256(bytes))).toBe(true)
    expect(file.size).toBe(view.size)
    expect(statSync(file.path).mode & 0o777).toBe(0o600)
    expect(statSync(join(box.core.context.config.dataDir, 'media')).mode & 0o777).toBe(0o700)
    expect(box.core.openMedia('A'.repeat(24))).toBeNull()
  })

  it('larger than the auto-download limit wait for a click, then come with progress', async () => {
    box = await sandboxCore({ background: true })
    await box.core.call('media.setSettings', { autoDownloadBytes: 1 * MB })
    const sandbox = box.core.sandbox.running!
    const media = await sandbox.customers.createMedia({ kind: 'document', bytes: 3 * MB })
    const { wamid } = await sandbox.customers.send({ mediaId: media.id })
    const mediaId = await mediaIdOf(box, wamid)
    expect(mediaId).toBe(media.id)

    // The auto-download rule asks Meta for the size and leaves the file there.
    await vi.waitFor(async () => expect((await box.core.call('media.get', { mediaId })).size).toBe(3 * MB))
    expect((await box.core.call('media.get', { mediaId })).state).toBe('remote')

    const progress: number[] = []
    box.core.events.on('media.changed', (view) => {
      if (view.mediaId === mediaId && view.progress) progress.push(view.progress.received)
    })
    const done = await box.core.call('media.download', { mediaId })
    expect(done).toMatchObject({ state: 'stored', size: 3 * MB, filename: `random-${3 * MB}-bytes.pdf` })
    expect(progress.at(-1)).toBe(3 * MB)
    expect(sha256(readFileSync(box.core.openMedia(ticketOf(done))!.path))).toBe(media.sha256)
  })

  it('that Meta no longer has are marked gone with what to do; nothing else changes', async () => {
    box = await sandboxCore()
    const { wamid } = await box.core.call('sandbox.simulateInbound', { type: 'document' })
    const mediaId = await mediaIdOf(box, wamid)
    await box.advance(8 * DAY)

    const view = await box.core.call('media.download', { mediaId })
    expect(view).toMatchObject({ state: 'gone', src: null, error: { code: 'not_found', message: 'Meta no longer has this document' } })
    expect(view.error?.fix).toMatch(/7 days/)
    expect(readdirSync(join(box.core.context.config.dataDir, 'media')).filter((name) => !name.startsWith('.'))).toEqual([])
  })

  it('are kept within the budget: the least recently viewed go first, and can come back', async () => {
    box = await sandboxCore()
    await box.core.call('media.setSettings', { budgetBytes: 64 * MB, autoDownloadBytes: 0 })
    const sandbox = box.core.sandbox.running!
    const ids: string[] = []
    for (let i = 0; i < 3; i++) {
      const media = await sandbox.customers.createMedia({ kind: 'video', bytes: 25 * MB })
      ids.push(await mediaIdOf(box, (await sandbox.customers.send({ mediaId: media.id })).wamid))
    }
    const [first, second, third] = ids as [string, string, string]
    const firstView = await box.core.call('media.download', { mediaId: first })
    await box.core.call('media.download', { mediaId: second })
    // Viewing the first makes the second the least recently used.
    box.clock.advance(1000)
    expect(box.core.openMedia(ticketOf(firstView))).not.toBeNull()
    box.clock.advance(1000)
    await box.core.call('media.download', { mediaId: third })

    const states = await Promise.all(ids.map(async (mediaId) => (await box.core.call('media.get', { mediaId })).state))
    expect(states).toEqual(['stored', 'remote', 'stored'])
    expect(await box.core.call('media.settings')).toMatchObject({ usedBytes: 50 * MB, files: 2 })
    expect((await box.core.call('media.download', { mediaId: second })).state).toBe('stored')
  })

  it('are refused when the bytes do not match the SHA-256 the webhook stated; nothing is kept', async () => {
    box = await sandboxCore()
    const sandbox = box.core.sandbox.running!
    const real = await sandbox.customers.createMedia({ kind: 'image' })
    const { wamid } = await sandbox.customers.send({ mediaId: real.id })
    const mediaId = await mediaIdOf(box, wamid)
    // As if the webhook had named other bytes than Meta serves.
    box.core.store.media.update(box.profileId, mediaId, { sha256: Buffer.alloc(32, 7).toString('base64') })

    const view = await box.core.call('media.download', { mediaId })
    expect(view).toMatchObject({ state: 'failed', src: null, error: { code: 'network', message: expect.stringContaining('does not match the SHA-256') as string } })
    expect(readdirSync(join(box.core.context.config.dataDir, 'media'))).toEqual([])
  })

  it('left short on disk (a power cut) are not served, and come again from Meta', async () => {
    box = await sandboxCore()
    const { wamid } = await box.core.call('sandbox.simulateInbound', { type: 'image' })
    const mediaId = await mediaIdOf(box, wamid)
    const stored = await box.core.call('media.download', { mediaId })
    const path = box.core.openMedia(ticketOf(stored))!.path
    truncateSync(path, 10)

    expect(box.core.openMedia(ticketOf(stored))).toBeNull()
    expect((await box.core.call('media.get', { mediaId })).state).toBe('remote')
    const again = await box.core.call('media.download', { mediaId })
    expect(again.state).toBe('stored')
    expect(statSync(box.core.openMedia(ticketOf(again))!.path).size).toBe(again.size)
  })

  it('of a whole thread are asked for at once; ids no message carries are named', async () => {
    box = await sandboxCore()
    const { wamid } = await box.core.call('sandbox.simulateInbound', { type: 'sticker' })
    const mediaId = await mediaIdOf(box, wamid)
    const listed = await box.core.call('media.list', { mediaIds: [mediaId, '404404'] })
    expect(listed.items.map((view) => [view.mediaId, view.kind])).toEqual([[mediaId, 'sticker']])
    expect(listed.unknown).toEqual(['404404'])
  })

  it('for another profile’s or an unknown id are not found', async () => {
    box = await sandboxCore()
    await expect(box.core.call('media.get', { mediaId: '123456' })).rejects.toMatchObject({ code: 'not_found' })
    await expect(box.core.call('media.download', { mediaId: '../../etc/passwd' })).rejects.toMatchObject({ code: 'invalid_input' })
  })
})

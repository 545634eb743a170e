import { createReadStream, rmSync } from 'node:fs'
import type { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { Agent } from 'undici'
import { mediaFileProblem, SwitchboardError, type AppError, type MediaKind, type MediaSettings, type MediaView } from '@shared/contract'
import type { ActiveProfile } from '../active-profile'
import { isLoopbackHostname } from '../app'
import type { CoreContext } from '../context'
import { refusalOf } from '../graph'
import type { ProfileService } from '../profiles'
import type { MediaRow, Store } from '../store'
import type { AuthorisedCall, TokenService } from '../token'
import { byteMeter, PROGRESS_EVERY_MS } from './byte-meter'
import { digestHex } from './digest'
import { downloadFile, DownloadRefused, DownloadTooLarge, type DownloadedFile } from './download-file'
import { MediaFiles } from './media-files'
import { isGoneAtMeta, retrieveMedia, type MediaLocation } from './retrieve-media'
import { StagedTooLarge, stageFile } from './stage-file'
import { readLimits, writeLimits, type MediaLimits } from './settings'
import { MEDIA_ROUTE, MediaTickets } from './tickets'

/** Meta's largest media file is 100 MB (a document); nothing larger is fetched. */
const LARGEST_MEDIA_BYTES = 100 * 1024 * 1024 + 1024 * 1024
/** Meta keeps media from customers' webhooks downloadable this long. */
const WEBHOOK_MEDIA_DAYS = 7
const DAY_MS = 24 * 60 * 60 * 1000
const AUTO_BATCH = 50
const AUTO_PARALLEL = 2
/** Views are written this long after the first unwritten one. */
const VIEWS_WRITE_MS = 5_000

/** A file the operator sends: handed over by a shell (the window's upload, the CLI's file) as a stream. */
export interface MediaUpload {
  kind: MediaKind
  mimeType: string
  filename: string
  body: Readable
  /** Names the upload in `media.uploading` events (the window's progress bar). */
  uploadId?: string
  /** Bytes sent to Meta so far, of the whole. */
  onProgress?: (sent: number, total: number) => void
}

/** Uploads may take a while on a slow line: a 100 MB document at 2 Mbit/s takes about 7 minutes. */
const UPLOAD_TIMEOUT_MS = 15 * 60 * 1000

/** A stored file as a shell serves it. */
export interface MediaFile {
  path: string
  mimeType: string | null
  size: number
  filename: string | null
  kind: MediaRow['kind']
}

export interface MediaServiceDeps {
  ctx: CoreContext
  store: Store
  profiles: ProfileService
  active: ActiveProfile
  tokens: TokenService
}

type Fetched = { state: 'stored' } | { state: 'left'; size: number | null }

const keyOf = (profileId: string, mediaId: string) => `${profileId}\u0000${mediaId}`

/**
 * Media that messages carry, fetched from Meta into the data dir: `GET /{media-id}` for a URL
 * valid five minutes, then the file with the access token, checked against Meta's SHA-256 and
 * kept by content within a size budget (least recently viewed evicted first). Small files
 * download as they arrive, once the process runs in the background; others on request.
 */
export class MediaService {
  private readonly files: MediaFiles
  private readonly tickets = new MediaTickets()
  private readonly running = new Map<string, Promise<MediaView>>()
  private readonly progress = new Map<string, { received: number; total: number | null }>()
  private readonly dispatcher = new Agent({ connections: 4 })
  private readonly lifetime = new AbortController()
  private readonly userAgent: string
  private autoScheduled = false
  private autoRunning: Promise<void> | null = null
  private stopFollowing: (() => void)[] = []
  private readonly views = new Map<string, { profileId: string; mediaId: string; at: number }>()
  private viewsTimer: NodeJS.Timeout | undefined

  constructor(private readonly deps: MediaServiceDeps) {
    this.files = new MediaFiles(deps.ctx.config.dataDir)
    this.files.prepare()
    this.userAgent = `Switchboard/${deps.ctx.config.version}`
  }

  private readonly syncFailed = (error: Error) => this.deps.ctx.log.warn('a media file could not be synced to disk', { error: error.message })

  private get profileId(): string {
    return this.deps.active.snapshot().profile?.id ?? ''
  }

  private row(profileId: string, mediaId: string): MediaRow {
    const row = this.deps.store.media.get(profileId, mediaId)
    if (!row) throw new SwitchboardError({ code: 'not_found', message: `No message of this profile carries media ${mediaId}` })
    return row
  }

  get(mediaId: string): MediaView {
    return this.view(this.row(this.profileId, mediaId))
  }

  /** Several at once (a thread's media): the ones this profile's messages carry, and the ids that name none. */
  list(mediaIds: readonly string[]): { items: MediaView[]; unknown: string[] } {
    const items: MediaView[] = []
    const unknown: string[] = []
    for (const mediaId of mediaIds) {
      const row = this.deps.store.media.get(this.profileId, mediaId)
      if (row) items.push(this.view(row))
      else unknown.push(mediaId)
    }
    return { items, unknown }
  }

  /** Fetches the file now (or joins the fetch under way); resolves once it is stored or has failed. */
  download(mediaId: string): Promise<MediaView> {
    return this.fetch(this.row(this.profileId, mediaId), null)
  }

  /**
   * Uploads a file for the active profile's number (`POST /{phone-number-id}/media`, multipart,
   * streamed) after checking it against Meta's limits for its kind; the file is kept, so the sent
   * message shows it. Resolves with the new media, whose id a message can then carry.
   */
  async upload(upload: MediaUpload): Promise<MediaView> {
    const profile = this.deps.active.snapshot().profile
    if (!profile?.phoneNumberId) {
      throw new SwitchboardError({ code: 'not_configured', message: 'Uploading media needs the phone number ID of the active profile', fix: 'Enter it in Settings' })
    }
    const partial = this.files.partialPath()
    try {
      const staged = await stageFile(upload.body, partial, LARGEST_MEDIA_BYTES).catch((error: unknown) => {
        if (error instanceof StagedTooLarge) throw new SwitchboardError({ code: 'invalid_input', message: 'The file is larger than any media WhatsApp takes (100 MB)' })
        throw error
      })
      const problem = mediaFileProblem(upload.kind, upload.mimeType, staged.size)
      if (problem) throw new SwitchboardError({ code: 'invalid_input', message: problem, fields: { file: problem } })
      const response = await this.deps.tokens
        .withToken(profile.id, (auth) =>
          auth.graph.post(`${profile.phoneNumberId}/media`, {
            token: auth.token,
            appSecretProof: auth.proof,
            timeoutMs: UPLOAD_TIMEOUT_MS,
            multipart: {
              fields: { messaging_product: 'whatsapp', type: upload.mimeType },
              file: { field: 'file', filename: upload.filename, contentType: upload.mimeType, size: staged.size, stream: this.progressOf(partial, staged.size, this.reporter(upload)) },
            },
          }),
        )
        .catch((error: unknown) => {
          this.keepRefusal(profile.id, error, upload.kind)
          throw error
        })
      const id = (response.data as { id?: unknown } | null)?.id
      if (typeof id !== 'string' || id === '') throw new SwitchboardError({ code: 'graph', message: 'Graph answered the upload without a media id' })
      const { store, ctx } = this.deps
      store.media.remember(profile.id, null, { id, kind: upload.kind, mimeType: upload.mimeType, sha256: staged.digest, filename: upload.filename }, ctx.clock.now())
      store.media.markChecked(profile.id, id)
      this.files.adopt(partial, staged.digest, this.syncFailed)
      store.media.update(profile.id, id, { state: 'stored', content: staged.digest, size: staged.size, storedAt: ctx.clock.now() })
      this.evictOverBudget(staged.digest)
      ctx.log.info('media uploaded', { mediaId: id, kind: upload.kind, size: staged.size })
      return this.view(this.row(profile.id, id))
    } finally {
      rmSync(partial, { force: true })
    }
  }

  /**
   * An upload Graph answered with an error is a media message that could not go: its error is
   * kept with the refused sends (for the health figures). Keeping it never replaces the error.
   */
  private keepRefusal(profileId: string, error: unknown, kind: MediaKind): void {
    const refusal = refusalOf(error)
    if (!refusal) return
    const { store, ctx } = this.deps
    try {
      store.refusedSends.record({ profileId, at: ctx.clock.now(), step: 'upload', type: kind, template: null, ...refusal })
    } catch (failure) {
      ctx.log.warn('could not keep a refused upload', { error: failure instanceof Error ? failure.message : String(failure) })
    }
  }

  private reporter(upload: MediaUpload): MediaUpload['onProgress'] {
    const { uploadId, onProgress } = upload
    if (!uploadId) return onProgress
    return (sent, total) => {
      onProgress?.(sent, total)
      this.deps.ctx.events.emit('media.uploading', { uploadId, sent, total })
    }
  }

  /** The staged file as the upload reads it, reporting what has gone out. */
  private progressOf(path: string, total: number, onProgress: MediaUpload['onProgress']): Readable {
    const file = createReadStream(path)
    if (!onProgress) return file
    let reportedAt = 0
    const meter = byteMeter(Infinity, () => new Error('unreachable'), (sent) => {
      const now = Date.now()
      if (now - reportedAt < PROGRESS_EVERY_MS && sent < total) return
      reportedAt = now
      onProgress(sent, total)
    })
    // Errors reach the upload through the meter, which pipeline destroys with them.
    void pipeline(file, meter.stream).catch(() => undefined)
    return meter.stream
  }

  settings(): MediaSettings {
    const limits = readLimits(this.deps.store)
    const stored = this.deps.store.media.stored()
    return { ...limits, usedBytes: stored.reduce((sum, file) => sum + file.size, 0), files: stored.length }
  }

  setSettings(limits: Partial<MediaLimits>): MediaSettings {
    writeLimits(this.deps.store, limits)
    this.evictOverBudget(null)
    return this.settings()
  }

  /** A shell serving `/media/<ticket>`: the stored file, noted as viewed; null when there is none. */
  open(ticket: string): MediaFile | null {
    const holder = this.tickets.holder(ticket)
    const row = holder && this.deps.store.media.get(holder.profileId, holder.mediaId)
    if (!row || row.state !== 'stored' || !row.content) return null
    const size = this.files.sizeOf(row.content)
    if (size === null) {
      this.release(row.content)
      return null
    }
    if (row.size !== null && size !== row.size) {
      // Cut short by a crash before the bytes reached the disk: fetched again, never served damaged.
      this.release(row.content)
      return null
    }
    this.noteViewed(row)
    return { path: this.files.pathOf(row.content), mimeType: row.mimeType, size, filename: row.filename, kind: row.kind }
  }

  /**
   * When each file was last shown decides what the budget evicts first: kept in memory and written
   * together, unsynced (a view lost to a power cut costs nothing), not one synced commit per request.
   */
  private noteViewed(row: MediaRow): void {
    this.views.set(keyOf(row.profileId, row.id), { profileId: row.profileId, mediaId: row.id, at: this.deps.ctx.clock.now() })
    this.viewsTimer ??= setTimeout(() => this.writeViews(), VIEWS_WRITE_MS).unref()
  }

  private writeViews(): void {
    if (this.viewsTimer) clearTimeout(this.viewsTimer)
    this.viewsTimer = undefined
    if (this.views.size === 0) return
    const views = [...this.views.values()]
    this.views.clear()
    const { store } = this.deps
    store.wal.unsynced(() => {
      for (const view of views) store.media.viewed(view.profileId, view.mediaId, view.at)
    })
  }

  /** Long-running processes fetch small media as they arrive, for the active profile. */
  start(): void {
    if (this.stopFollowing.length) return
    const { events } = this.deps.ctx
    this.stopFollowing = [
      events.on('inbox.changed', (change) => {
        if (change.newMessages > 0) this.scheduleAuto()
      }),
      events.on('profiles.changed', () => this.scheduleAuto()),
    ]
    this.scheduleAuto()
  }

  async close(): Promise<void> {
    for (const stop of this.stopFollowing) stop()
    this.stopFollowing = []
    this.lifetime.abort()
    await Promise.allSettled([...this.running.values(), this.autoRunning])
    this.writeViews()
    await this.dispatcher.close()
  }

  private view(row: MediaRow): MediaView {
    const key = keyOf(row.profileId, row.id)
    const downloading = this.running.has(key)
    const stored = row.state === 'stored' && row.content !== null
    return {
      mediaId: row.id,
      kind: row.kind,
      mimeType: row.mimeType,
      filename: row.filename,
      size: row.size,
      state: downloading ? 'downloading' : row.state,
      error: downloading || !row.error ? null : (JSON.parse(row.error) as AppError),
      progress: downloading ? (this.progress.get(key) ?? { received: 0, total: row.size }) : null,
      src: stored && !downloading ? `${MEDIA_ROUTE}${this.tickets.ticketFor(row.profileId, row.id)}` : null,
    }
  }

  private announce(profileId: string, mediaId: string): void {
    const row = this.deps.store.media.get(profileId, mediaId)
    if (row) this.deps.ctx.events.emit('media.changed', this.view(row))
  }

  /** One fetch per media at a time; `upTo`: leave a larger file where it is (the auto-download rule). */
  private fetch(row: MediaRow, upTo: number | null): Promise<MediaView> {
    const key = keyOf(row.profileId, row.id)
    const running = this.running.get(key)
    if (running) return running
    if (row.state === 'stored' && row.content && this.files.has(row.content)) return Promise.resolve(this.view(row))
    const fetching = this.runFetch(row, upTo).finally(() => {
      this.running.delete(key)
      this.progress.delete(key)
      this.announce(row.profileId, row.id)
    })
    const view = fetching.then(() => this.view(this.row(row.profileId, row.id)))
    this.running.set(key, view)
    this.announce(row.profileId, row.id)
    return view
  }

  private async runFetch(row: MediaRow, upTo: number | null): Promise<void> {
    const { store, ctx } = this.deps
    const key = keyOf(row.profileId, row.id)
    try {
      const outcome = await this.deps.tokens.withToken(row.profileId, (auth) => this.transfer(auth, row, upTo, key))
      if (outcome.state === 'left') {
        store.media.update(row.profileId, row.id, { size: outcome.size })
        return
      }
    } catch (error) {
      // Shutting down mid-transfer is not a failure of the file: it is fetched again next time.
      if (this.lifetime.signal.aborted) return
      const gone = isGoneAtMeta(error)
      const problem = gone ? goneAtMeta(row) : problemOf(error, readLimits(store).budgetBytes)
      store.media.update(row.profileId, row.id, { state: gone ? 'gone' : 'failed', error: JSON.stringify(problem) })
      ctx.log.warn('media not fetched', { mediaId: row.id, kind: row.kind, error: problem.message })
    }
  }

  /**
   * The URL from `GET /{media-id}`, then the file. A refused download (an expired URL: 404; a token
   * Meta's media server does not take: 401) asks Graph for a fresh URL once.
   */
  private async transfer(auth: AuthorisedCall, row: MediaRow, upTo: number | null, key: string): Promise<Fetched> {
    const { store, ctx } = this.deps
    const maxBytes = Math.min(LARGEST_MEDIA_BYTES, readLimits(store).budgetBytes)
    for (let attempt = 1; ; attempt++) {
      const location = await retrieveMedia(auth, row.id, auth.profile.phoneNumberId)
      if (upTo !== null && (location.size === null || location.size > upTo)) return { state: 'left', size: location.size }
      const url = trustedUrl(location.url, auth.graph.baseUrl)
      const partial = this.files.partialPath()
      let file: DownloadedFile
      try {
        file = await downloadFile(
          this.dispatcher,
          {
            url,
            token: auth.token,
            userAgent: this.userAgent,
            maxBytes,
            signal: this.lifetime.signal,
            onProgress: (received, total) => {
              this.progress.set(key, { received, total: total ?? location.size })
              this.announce(row.profileId, row.id)
            },
          },
          partial,
        )
      } catch (error) {
        if (error instanceof DownloadRefused && attempt === 1 && [401, 403, 404].includes(error.status)) continue
        throw error
      }
      this.keep(row, location, file, partial)
      ctx.log.info('media stored', { mediaId: row.id, kind: row.kind, size: file.size })
      return { state: 'stored' }
    }
  }

  /** Checks the bytes against every SHA-256 Meta stated, then files them under their content. */
  private keep(row: MediaRow, location: MediaLocation, file: DownloadedFile, partial: string): void {
    const stated = [digestHex(row.sha256), digestHex(location.sha256)].filter((digest): digest is string => digest !== null)
    if (stated.some((digest) => digest !== file.digest)) {
      rmSync(partial, { force: true })
      throw new IntegrityError()
    }
    this.files.adopt(partial, file.digest, this.syncFailed)
    // Losing this row to a power cut only means fetching the file again (and finding it there).
    this.deps.store.wal.unsynced(() =>
      this.deps.store.media.update(row.profileId, row.id, {
        state: 'stored',
        content: file.digest,
        size: file.size,
        storedAt: this.deps.ctx.clock.now(),
        error: null,
        mimeType: row.mimeType ?? location.mimeType ?? file.contentType,
      }),
    )
    this.evictOverBudget(file.digest)
  }

  /** Least recently viewed files go first until the rest fit the budget; `keep` (just stored) stays. */
  private evictOverBudget(keep: string | null): void {
    this.writeViews()
    const { budgetBytes } = readLimits(this.deps.store)
    const stored = this.deps.store.media.stored()
    let used = stored.reduce((sum, file) => sum + file.size, 0)
    for (const file of stored) {
      if (used <= budgetBytes) break
      if (file.content === keep) continue
      this.release(file.content)
      used -= file.size
    }
  }

  private release(content: string): void {
    this.files.remove(content)
    for (const { profileId, mediaId } of this.deps.store.media.releaseContent(content)) this.announce(profileId, mediaId)
  }

  private scheduleAuto(): void {
    if (this.autoScheduled || this.lifetime.signal.aborted) return
    this.autoScheduled = true
    setImmediate(() => {
      this.autoScheduled = false
      if (this.autoRunning) {
        void this.autoRunning.then(() => this.scheduleAuto())
        return
      }
      this.autoRunning = this.autoPass().finally(() => {
        this.autoRunning = null
      })
    })
  }

  /**
   * Looks once at each medium that arrived for the active profile: fetches it when Meta says it is
   * within the auto-download limit, else leaves it (with its size) for the operator to fetch.
   */
  private async autoPass(): Promise<void> {
    const profileId = this.profileId
    // Without a token nothing can be fetched; the media wait, unchecked, until there is one.
    if (!profileId || !this.deps.profiles.byId(profileId) || !this.deps.active.snapshot().secrets.accessToken) return
    const { autoDownloadBytes } = readLimits(this.deps.store)
    const oldest = this.deps.ctx.clock.now() - WEBHOOK_MEDIA_DAYS * DAY_MS
    const { store } = this.deps
    const rows = store.media.unchecked(profileId, AUTO_BATCH)
    // Looked at once: a mark lost to a power cut only means one more look.
    store.wal.unsynced(() => {
      for (const row of rows) store.media.markChecked(profileId, row.id)
    })
    const wanted = rows.filter((row) => autoDownloadBytes > 0 && row.receivedAt >= oldest && row.state === 'remote')
    const lanes = Array.from({ length: AUTO_PARALLEL }, async () => {
      for (let row = wanted.shift(); row && !this.lifetime.signal.aborted; row = wanted.shift()) await this.fetch(row, autoDownloadBytes)
    })
    await Promise.all(lanes)
    if (rows.length === AUTO_BATCH) this.scheduleAuto()
  }
}

class IntegrityError extends Error {
  constructor() {
    super('The downloaded file does not match the SHA-256 Meta stated for it (a damaged or altered transfer); nothing was kept')
    this.name = 'IntegrityError'
  }
}

/**
 * The token goes only where Graph said the file is, over https; plain http only on this machine
 * when Graph itself is on this machine (the sandbox, or a development Graph root).
 */
function trustedUrl(url: string, graphBaseUrl: string): string {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    throw new SwitchboardError({ code: 'graph', message: 'Graph answered with a download URL that is not a URL' })
  }
  const graph = new URL(graphBaseUrl)
  const local = parsed.protocol === 'http:' && isLoopbackHostname(parsed.hostname) && isLoopbackHostname(graph.hostname)
  if (parsed.protocol === 'https:' || local) return parsed.href
  throw new SwitchboardError({ code: 'graph', message: `Graph answered with a download URL that is neither https nor on this machine (${parsed.origin}): the token is not sent there` })
}

function goneAtMeta(row: MediaRow): AppError {
  return {
    code: 'not_found',
    message: `Meta no longer has this ${row.kind}`,
    fix: 'Media from customers can be downloaded for 7 days after they sent it: ask the customer to send it again',
  }
}

const MIB = 1024 * 1024

function problemOf(error: unknown, budgetBytes: number): AppError {
  if (error instanceof SwitchboardError) return error.toJSON()
  if (error instanceof DownloadTooLarge) {
    return error.limit < LARGEST_MEDIA_BYTES
      ? { code: 'conflict', message: `The file is larger than the media budget (${Math.round(budgetBytes / MIB)} MB)`, fix: 'Raise the media budget in Settings' }
      : { code: 'invalid_input', message: 'The file is larger than any media Meta sends (100 MB); it was not downloaded' }
  }
  if (error instanceof DownloadRefused) {
    return error.status === 401 || error.status === 403
      ? { code: 'forbidden', message: `Meta's media server refused the access token (HTTP ${error.status})`, fix: 'Test the connection in Settings: the token needs whatsapp_business_messaging' }
      : { code: 'network', message: `Meta's media server answered HTTP ${error.status}, also for a fresh link`, fix: 'Try again later; if it keeps failing, renew the access token' }
  }
  if (error instanceof IntegrityError) return { code: 'network', message: error.message, fix: 'Try again' }
  const reason = error instanceof Error ? error.message : String(error)
  return { code: 'network', message: `The media could not be downloaded: ${reason}`, fix: 'Check the connection and try again' }
}

import { createHash, randomBytes } from 'node:crypto'
import { chmodSync, closeSync, createWriteStream, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, writeSync } from 'node:fs'
import { once } from 'node:events'
import { join } from 'node:path'
import type { SandboxRuntime } from '../runtime'
import type { MediaOrigin, MediaRecord, StateStore } from '../state'

const DAY_MS = 24 * 60 * 60 * 1000
/** Media in customers' messages can be downloaded for 7 days, uploads for 30 (Meta's retention). */
const LIFETIME_MS: Record<MediaOrigin, number> = { customer: 7 * DAY_MS, business: 30 * DAY_MS }
const TEMP_PREFIX = '.incoming-'

export interface NewMedia {
  phoneNumberId: string
  origin: MediaOrigin
  mimeType: string
  kind?: string
  filename?: string
  animated?: boolean
}

/** A file written in the media folder under a temporary name, with what was measured while writing it. */
export interface WrittenFile {
  path: string
  size: number
  /** Lowercase hex. */
  sha256: string
}

/**
 * The media the sandbox holds: records in its persisted state, files in `<dataDir>/sandbox/media/`
 * (a 0700 folder, files 0600, each named by its media id). Media past its retention is gone: it is
 * no longer found, and its file is removed.
 */
export class MediaLibrary {
  readonly folder: string

  constructor(
    private readonly store: StateStore,
    private readonly runtime: SandboxRuntime,
    dataDir: string,
  ) {
    this.folder = join(dataDir, 'sandbox', 'media')
  }

  /** Creates the folder and clears what a crash or the passing of time left: partial uploads, files without a record, records without a file, expired media. */
  open(): void {
    mkdirSync(this.folder, { recursive: true, mode: 0o700 })
    chmodSync(this.folder, 0o700)
    const files = new Set(readdirSync(this.folder))
    const state = this.store.state
    const kept = state.media.filter((record) => files.has(record.id))
    if (kept.length !== state.media.length) {
      state.media = kept
      this.store.changed()
    }
    const known = new Set(kept.map((record) => record.id))
    for (const name of files) if (!known.has(name)) rmSync(join(this.folder, name), { force: true, recursive: true })
    this.sweep()
  }

  /** The media, unless it never existed, was deleted or has expired. */
  find(id: string): MediaRecord | undefined {
    const record = this.store.state.media.find((candidate) => candidate.id === id)
    if (!record) return undefined
    if (record.expiresAt > this.runtime.now()) return record
    this.remove(record)
    return undefined
  }

  pathOf(record: MediaRecord): string {
    return join(this.folder, record.id)
  }

  /** A fresh name in the media folder for a file being written (an upload on its way in). */
  temporaryPath(): string {
    return join(this.folder, `${TEMP_PREFIX}${randomBytes(8).toString('hex')}`)
  }

  /** Takes a written file in as new media (the file is moved, not copied). */
  adopt(file: WrittenFile, media: NewMedia): MediaRecord {
    const record = this.newRecord(media, file)
    renameSync(file.path, this.pathOf(record))
    return this.add(record)
  }

  /** New media from bytes in memory (the sandbox's small generated files). */
  addBytes(bytes: Buffer, media: NewMedia): MediaRecord {
    const record = this.newRecord(media, { size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') })
    const temp = this.temporaryPath()
    const fd = openSync(temp, 'wx', 0o600)
    try {
      writeSync(fd, bytes)
      fsyncSync(fd)
    } finally {
      closeSync(fd)
    }
    renameSync(temp, this.pathOf(record))
    return this.add(record)
  }

  /** New media from chunks, written as they come (a file of any size costs no memory). */
  async addChunks(chunks: Iterable<Buffer> | AsyncIterable<Buffer>, media: NewMedia): Promise<MediaRecord> {
    const path = this.temporaryPath()
    const out = createWriteStream(path, { flags: 'wx', mode: 0o600 })
    const hash = createHash('sha256')
    let size = 0
    try {
      for await (const chunk of chunks) {
        hash.update(chunk)
        size += chunk.length
        if (!out.write(chunk)) await once(out, 'drain')
      }
      out.end()
      await once(out, 'close')
    } catch (error) {
      out.destroy()
      rmSync(path, { force: true })
      throw error
    }
    return this.adopt({ path, size, sha256: hash.digest('hex') }, media)
  }

  delete(id: string): boolean {
    const record = this.find(id)
    if (!record) return false
    this.remove(record)
    return true
  }

  /** Removes every expired media and its file. */
  sweep(): void {
    const now = this.runtime.now()
    for (const record of this.store.state.media.filter((candidate) => candidate.expiresAt <= now)) this.remove(record)
  }

  private add(record: MediaRecord): MediaRecord {
    this.sweep()
    this.store.state.media.push(record)
    this.store.changed()
    return record
  }

  private remove(record: MediaRecord): void {
    const media = this.store.state.media
    const index = media.indexOf(record)
    if (index >= 0) media.splice(index, 1)
    rmSync(this.pathOf(record), { force: true })
    this.store.changed()
  }

  private newRecord(media: NewMedia, file: { size: number; sha256: string }): MediaRecord {
    const now = this.runtime.now()
    return {
      id: this.newId(),
      phoneNumberId: media.phoneNumberId,
      origin: media.origin,
      mimeType: media.mimeType,
      sha256: file.sha256,
      fileSize: file.size,
      createdAt: now,
      expiresAt: now + LIFETIME_MS[media.origin],
      ...(media.kind === undefined ? {} : { kind: media.kind }),
      ...(media.filename === undefined ? {} : { filename: media.filename }),
      ...(media.animated ? { animated: true } : {}),
    }
  }

  /** Graph ids are digits; media ids are 16 of them, unlike the 15 of the sandbox's other nodes. */
  private newId(): string {
    const taken = new Set(this.store.state.media.map((record) => record.id))
    let id: string
    do id = this.runtime.rng.digits(16)
    while (taken.has(id) || id === this.store.state.developerUserId)
    return id
  }
}

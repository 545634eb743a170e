import { copyFileSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { MediaFile } from '../core'
import { downloadName } from './media-reply'
import { ticketOfMediaPath } from './media-path'

/**
 * "Open" on a document in the desktop app: the window asks to open `app://switchboard/media/<ticket>`;
 * the file is copied under its own name into a private temporary folder (the store names files by
 * hash, which no program knows how to open) and handed to the system's default program.
 * Returns whether the URL was ours to open.
 */
export function createMediaOpener(options: {
  isAppUrl: (url: string) => boolean
  openMedia: (ticket: string) => MediaFile | null
  openPath: (path: string) => Promise<string>
  onFailure: (message: string) => void
  tempRoot?: string
}): (url: string) => boolean {
  return (url) => {
    if (!options.isAppUrl(url)) return false
    const ticket = ticketOfMediaPath(new URL(url).pathname)
    if (!ticket) return false
    const file = options.openMedia(ticket)
    if (!file) {
      options.onFailure('That file is no longer stored: download it again from the message')
      return true
    }
    const folder = mkdtempSync(join(options.tempRoot ?? tmpdir(), 'switchboard-open-'))
    const copy = join(folder, downloadName(file))
    copyFileSync(file.path, copy)
    void options.openPath(copy).then((problem) => {
      if (problem) options.onFailure(`The system could not open ${downloadName(file)}: ${problem}`)
    })
    return true
  }
}

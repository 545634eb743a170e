import { readFileSync, statSync, writeFileSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createMediaOpener } from '../../../src/main/media'
import { tempDir } from '../../support/temp'

describe('opening a stored document with the system', () => {
  it('hands the system a private copy under the file’s own name, and nothing for other URLs', () => {
    const dir = tempDir()
    const stored = join(dir, 'ab12')
    writeFileSync(stored, '%PDF-1.4 invoice')
    const opened: string[] = []
    const failures: string[] = []
    const open = createMediaOpener({
      isAppUrl: (url) => url.startsWith('app://switchboard/'),
      openMedia: (ticket) => (ticket === 'T'.repeat(24) ? { path: stored, mimeType: 'application/pdf', size: 16, filename: 'invoice.pdf', kind: 'document' } : null),
      openPath: (path) => {
        opened.push(path)
        return Promise.resolve('')
      },
      onFailure: (message) => failures.push(message),
      tempRoot: dir,
    })

    expect(open(`app://switchboard/media/${'T'.repeat(24)}`)).toBe(true)
    expect(opened).toHaveLength(1)
    expect(basename(opened[0]!)).toBe('invoice.pdf')
    expect(readFileSync(opened[0]!, 'utf8')).toBe('%PDF-1.4 invoice')
    expect(statSync(dirname(opened[0]!)).mode & 0o777).toBe(0o700)

    expect(open('https://evil.example/media/' + 'T'.repeat(24))).toBe(false)
    expect(open('app://switchboard/index.html')).toBe(false)
    expect(open(`app://switchboard/media/${'U'.repeat(24)}`)).toBe(true)
    expect(failures).toEqual(['That file is no longer stored: download it again from the message'])
    expect(opened).toHaveLength(1)
  })
})

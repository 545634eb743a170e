import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createLogger, EventHub, ManualClock, Redactor, type CoreConfig } from '../../../src/main/core'
import { contextFor } from '../../../src/main/core/context'
import { tempDir } from '../../support/temp'

describe('a notice', () => {
  it('reaches the UI and the log with secrets masked, under the concern that raised it', () => {
    const dir = tempDir()
    const redactor = new Redactor()
    redactor.add('EAAGsecretTokenValue123')
    const log = createLogger({ redactor, dir })
    const events = new EventHub()
    const clock = new ManualClock(1_700_000_000_000)
    const notices: unknown[] = []
    events.on('app.notice', (notice) => notices.push(notice))
    const base = { config: {} as CoreConfig, clock, events, log, redactor, startedAt: 0 }

    contextFor(base, log.child('token')).notify('warning', 'Refresh with EAAGsecretTokenValue123 failed')

    expect(notices).toEqual([{ level: 'warning', message: expect.not.stringContaining('EAAGsecretTokenValue123') as string, at: 1_700_000_000_000 }])
    const written = readFileSync(join(dir, 'switchboard.log'), 'utf8')
    expect(written).not.toContain('EAAGsecretTokenValue123')
    expect(JSON.parse(written)).toMatchObject({ level: 'warn', concern: 'token', notice: expect.stringContaining('Refresh with') as string })
  })
})

import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createLogger, Redactor } from '../../../src/main/core'
import { tempDir } from '../../support/temp'

const lines = (file: string) => readFileSync(file, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>)

describe('the log file', () => {
  it('marks each line with the concern that wrote it', () => {
    const dir = tempDir()
    const log = createLogger({ redactor: new Redactor(), dir })
    log.child('webhook').info('listening', { port: 8080 })
    log.child('webhook').child('backlog').warn('filing slowly')
    log.info('started')
    expect(lines(join(dir, 'switchboard.log')).map(({ concern, message }) => [concern, message])).toEqual([
      ['webhook', 'listening'],
      ['webhook.backlog', 'filing slowly'],
      [undefined, 'started'],
    ])
  })

  it('rotates by size and keeps only the newest files', () => {
    const dir = tempDir()
    const log = createLogger({ redactor: new Redactor(), dir, maxFileBytes: 400, keepFiles: 2 })
    for (let i = 0; i < 40; i++) log.info(`line ${i}`, { padding: 'x'.repeat(40) })
    const file = join(dir, 'switchboard.log')
    for (const path of [file, `${file}.1`, `${file}.2`]) expect(readFileSync(path).length).toBeLessThanOrEqual(400)
    expect(existsSync(`${file}.3`)).toBe(false)
    const newest = lines(file).map((line) => line.message)
    expect(newest.at(-1)).toBe('line 39')
    expect(lines(`${file}.1`).at(-1)!.message).toBe(`line ${39 - newest.length}`)
  })
})

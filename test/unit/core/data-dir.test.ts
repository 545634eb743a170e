import { chmodSync, mkdirSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { prepareDataDir } from '../../../src/main/core'
import { tempDir } from '../../support/temp'

describe('the data directory', () => {
  it('is created 0700, and a looser existing one is repaired at start', () => {
    const created = join(tempDir(), 'fresh')
    prepareDataDir(created)
    expect(statSync(created).mode & 0o777).toBe(0o700)
    const loose = join(tempDir(), 'by-hand')
    mkdirSync(loose)
    chmodSync(loose, 0o755)
    prepareDataDir(loose)
    expect(statSync(loose).mode & 0o777).toBe(0o700)
  })

  it('says why it cannot be used, instead of failing somewhere later', () => {
    const file = join(tempDir(), 'a-file')
    writeFileSync(file, '')
    expect(() => prepareDataDir(join(file, 'data'))).toThrow(/cannot be used: part of the path is a file/)
  })
})

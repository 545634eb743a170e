import { spawnSync } from 'node:child_process'
import { chmodSync, chownSync, lstatSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { writeEnvVariable } from '../../../src/main/core/env-file'
import { tempDir } from '../../support/temp'

const OLD = `EAAG${'a'.repeat(120)}`
const NEW = `EAAG${'b'.repeat(120)}`
const ORIGINAL = `# bot\r\nPORT=3000\r\nexport WHATSAPP_TOKEN="${OLD}"\r\n`
const root = process.getuid?.() === 0
// Another account, for files that are not ours (only root can make them).
const NOBODY = 65534

function envIn(dir: string, mode = 0o640): string {
  const file = join(dir, '.env')
  writeFileSync(file, ORIGINAL, { mode })
  chmodSync(file, mode)
  return file
}

/** Runs the write-back, expects a refusal naming `reason`, and checks that nothing changed. */
function expectRefused(file: string, value: string, reason: RegExp): void {
  const dir = join(file, '..')
  const before = readdirSync(dir)
  const content = readFileSync(file, 'utf8')
  let message = ''
  try {
    writeEnvVariable(file, 'WHATSAPP_TOKEN', value)
  } catch (error) {
    message = (error as Error).message
  }
  expect(message).toMatch(reason)
  expect(message).not.toContain(value.slice(4, 40) || '\u0000')
  expect(readFileSync(file, 'utf8')).toBe(content)
  expect(readdirSync(dir)).toEqual(before)
}

describe('writing a refreshed token back into a .env', () => {
  it('changes only the token, keeping the line’s form, the file’s mode and its place behind a link', () => {
    const real = envIn(tempDir(), 0o640)
    const linkDir = tempDir()
    const link = join(linkDir, '.env')
    symlinkSync(real, link)
    writeEnvVariable(link, 'WHATSAPP_TOKEN', NEW)
    expect(readFileSync(real, 'utf8')).toBe(ORIGINAL.replace(OLD, NEW))
    expect(statSync(real).mode & 0o777).toBe(0o640)
    expect(lstatSync(link).isSymbolicLink()).toBe(true)
    expect(readdirSync(join(real, '..'))).toEqual(['.env'])
  })

  it('refuses a value that does not look like a token, and changes nothing', () => {
    const file = envIn(tempDir())
    expectRefused(file, `${NEW}\nADMIN_PASSWORD=x`, /The new token was not written: it contains whitespace or a line break/)
    expectRefused(file, `${NEW}" # `, /not written: it contains/)
    expectRefused(file, '', /not written: it is empty/)
    expectRefused(file, 'EAAGshort', /not written: it is only 9 characters long/)
  })

  it('refuses what is not a regular file, or not there, and waits for nothing', () => {
    const dir = tempDir()
    mkdirSync(join(dir, 'folder.env'))
    expect(() => writeEnvVariable(join(dir, 'folder.env'), 'WHATSAPP_TOKEN', NEW)).toThrow('The token was not written: it is not a regular file')
    expect(spawnSync('mkfifo', [join(dir, 'pipe.env')]).status).toBe(0)
    expect(() => writeEnvVariable(join(dir, 'pipe.env'), 'WHATSAPP_TOKEN', NEW)).toThrow('The token was not written: it is not a regular file')
    expect(() => writeEnvVariable(join(dir, 'missing.env'), 'WHATSAPP_TOKEN', NEW)).toThrow('The token was not written: the file does not exist')
    expect(readdirSync(dir).sort()).toEqual(['folder.env', 'pipe.env'])
  })

  it('refuses a directory other users may write to that is not sticky, even for a file of ours', () => {
    const dir = tempDir()
    chmodSync(dir, 0o777)
    expectRefused(envIn(dir), NEW, /its directory can be written by every user \(mode 777\) and is not sticky/)
  })

  it('writes into a file of ours in a sticky shared directory like /tmp', () => {
    const dir = tempDir()
    chmodSync(dir, 0o1777)
    const file = envIn(dir)
    writeEnvVariable(file, 'WHATSAPP_TOKEN', NEW)
    expect(readFileSync(file, 'utf8')).toBe(ORIGINAL.replace(OLD, NEW))
  })

  it.runIf(root)('refuses, in a sticky shared directory, a file of another user or a directory another user owns', () => {
    const dir = tempDir()
    chmodSync(dir, 0o1777)
    const file = envIn(dir)
    chownSync(file, NOBODY, NOBODY)
    expectRefused(file, NEW, /sticky directory only a file of your own is safe from the others, and this one belongs to uid 65534/)
    const theirs = tempDir()
    chmodSync(theirs, 0o1777)
    chownSync(theirs, NOBODY, NOBODY)
    expectRefused(envIn(theirs), NEW, /the sticky bit does not bind its owner \(uid 65534\)/)
  })

  it.runIf(root)('gives the file back to its owner, group and mode when root writes it', () => {
    const dir = tempDir()
    chmodSync(dir, 0o755)
    const file = envIn(dir, 0o640)
    chownSync(file, NOBODY, NOBODY)
    writeEnvVariable(file, 'WHATSAPP_TOKEN', NEW)
    expect(readFileSync(file, 'utf8')).toBe(ORIGINAL.replace(OLD, NEW))
    expect(statSync(file)).toMatchObject({ uid: NOBODY, gid: NOBODY })
    expect(statSync(file).mode & 0o7777).toBe(0o640)
  })
})

import * as fs from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { writeEnvVariable } from '../../../src/main/core/env-file'
import { tempDir } from '../../support/temp'

type Step = 'writeSync' | 'fsyncSync' | 'fchmodSync' | 'renameSync'

/** The real file system, except that the step a test names fails the way a full or failing disk does. */
const failing = vi.hoisted(() => ({ step: null as string | null, modesWhileWriting: [] as number[], seen: [] as { path: string; mode: number; content: string }[] }))
vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof fs>()
  const fail = (step: string) => {
    if (failing.step !== step) return
    throw Object.assign(new Error(`ENOSPC: no space left on device, ${step}`), { code: 'ENOSPC' })
  }
  return {
    ...real,
    writeSync: (...args: Parameters<typeof real.writeSync>) => {
      failing.modesWhileWriting.push(real.fstatSync(args[0]).mode & 0o777)
      fail('writeSync')
      return real.writeSync(...args)
    },
    fsyncSync: (fd: number) => (fail('fsyncSync'), real.fsyncSync(fd)),
    fchmodSync: (fd: number, mode: fs.Mode) => (fail('fchmodSync'), real.fchmodSync(fd, mode)),
    renameSync: (from: fs.PathLike, to: fs.PathLike) => {
      failing.seen.push({ path: String(from), mode: real.statSync(from).mode & 0o777, content: real.readFileSync(from, 'utf8') })
      fail('renameSync')
      real.renameSync(from, to)
    },
  }
})

const OLD = `EAAG${'a'.repeat(120)}`
const NEW = `EAAG${'b'.repeat(120)}`

describe('a .env write-back that fails on the way', () => {
  afterEach(() => {
    failing.step = null
    failing.seen.length = 0
    failing.modesWhileWriting.length = 0
  })

  it.each<Step>(['writeSync', 'fsyncSync', 'fchmodSync', 'renameSync'])('leaves the file as it was and no copy of the token when %s fails', (step) => {
    const dir = tempDir()
    const file = join(dir, '.env')
    const original = `PORT=3000\nWHATSAPP_TOKEN=${OLD}\n`
    fs.writeFileSync(file, original, { mode: 0o640 })
    failing.step = step
    expect(() => writeEnvVariable(file, 'WHATSAPP_TOKEN', NEW)).toThrow(/ENOSPC/)
    expect(fs.readFileSync(file, 'utf8')).toBe(original)
    expect(fs.readdirSync(dir)).toEqual(['.env'])
  })

  it('writes the token into a temp file beside it, named for the usual ignore rules and only the owner’s until it replaces the file', () => {
    const dir = tempDir()
    const file = join(dir, '.env')
    fs.writeFileSync(file, `WHATSAPP_TOKEN=${OLD}\n`, { mode: 0o644 })
    failing.step = 'renameSync'
    expect(() => writeEnvVariable(file, 'WHATSAPP_TOKEN', NEW)).toThrow()
    const [temp] = failing.seen
    expect(temp!.path.startsWith(`${dir}/`)).toBe(true)
    // `.env*` does not match `..env…`, but `*.tmp` does; for any other name both patterns describe the same file.
    expect(temp!.path.slice(dir.length + 1)).toMatch(/^\.\.env\.switchboard-[0-9a-f]{12}\.tmp$/)
    expect(temp!.content).toBe(`WHATSAPP_TOKEN=${NEW}\n`)
    expect(failing.modesWhileWriting).toEqual([0o600])
    // The old file's mode is put on only at the last step, just before the rename.
    expect(temp!.mode).toBe(0o644)
    expect(fs.readdirSync(dir)).toEqual(['.env'])
  })
})

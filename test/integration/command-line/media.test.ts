import { createHash } from 'node:crypto'
import { readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runBuiltCliAsync } from '../../support/cli'
import { sandboxCore, type SandboxCore } from '../../support/sandbox-core'
import { tempDir } from '../../support/temp'

describe('switchboard media download', () => {
  let box: SandboxCore
  let dataDir: string
  let mediaId: string
  let sha256: string

  beforeAll(async () => {
    dataDir = tempDir()
    box = await sandboxCore({ config: { dataDir } })
    const sandbox = box.core.sandbox.running!
    const media = await sandbox.customers.createMedia({ kind: 'document' })
    await sandbox.customers.send({ mediaId: media.id })
    await box.advance(2000)
    mediaId = media.id
    sha256 = media.sha256
  })
  afterAll(() => box.core.close())

  const cli = (...args: string[]) => runBuiltCliAsync([...args, '--data-dir', dataDir])

  it('fetches a customer’s document from Meta into a new 0600 file, checked against Meta’s SHA-256', async () => {
    const output = join(tempDir(), 'invoice.pdf')
    const result = await cli('media', 'download', mediaId, '--output', output)
    expect(result.stderr).toMatch(/^Wrote \d+ bytes \(application\/pdf\) to .*invoice\.pdf\n$/)
    expect(result.status).toBe(0)
    expect(createHash('sha256').update(readFileSync(output)).digest('hex')).toBe(sha256)
    expect(statSync(output).mode & 0o777).toBe(0o600)
  })

  it('never replaces a file without --force, and names what it cannot find', async () => {
    const output = join(tempDir(), 'kept.pdf')
    writeFileSync(output, 'mine')
    const refused = await cli('media', 'download', mediaId, '--output', output)
    expect(refused.status).toBe(1)
    expect(refused.stderr).toContain('exists: add --force to replace it (nothing was written)')
    expect(readFileSync(output, 'utf8')).toBe('mine')
    expect((await cli('media', 'download', mediaId, '--output', output, '--force')).status).toBe(0)

    const unknown = await cli('media', 'download', '999999999', '--output', join(tempDir(), 'x'))
    expect(unknown.status).toBe(1)
    expect(unknown.stderr).toContain('No message of this profile carries media 999999999')
    expect((await cli('media', 'download')).status).toBe(2)
  })
})

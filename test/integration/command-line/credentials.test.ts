import { existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runBuiltCli } from '../../support/cli'
import { tempDir } from '../../support/core'
import { startPrivateKeyring } from '../../support/keyring'
import { filesContaining, sample } from '../../support/secrets'

describe('switchboard credentials', () => {
  it('sets secrets from stdin (never argv), shows them masked, imports a .env and deletes the profile', () => {
    const dataDir = tempDir()
    const base = ['--data-dir', dataDir, '--profile', 'production']
    const set = runBuiltCli(
      ['credentials', 'set', ...base, '--app-id', sample.appId, '--phone-number-id', '111222333', '--read', 'access-token', '--read', 'app-secret'],
      { input: `${sample.accessToken}\n${sample.appSecret}\n` },
    )
    expect(set.stderr).toBe('')
    expect(set).toMatchObject({ status: 0, stdout: 'Created profile production.\n' })

    const show = runBuiltCli(['credentials', 'show', ...base])
    expect(show.status).toBe(0)
    expect(show.stdout).toContain('Profile: production (active)')
    expect(show.stdout).toMatch(/Access token\s+EA…Qz/)
    expect(show.stdout).toMatch(/App secret\s+0f…f0/)
    expect(show.stdout).toMatch(/Phone number ID\s+111222333/)
    expect(show.stdout).not.toContain(sample.accessToken)

    const json = JSON.parse(runBuiltCli(['credentials', 'show', ...base, '--json']).stdout) as Record<string, unknown>
    expect(json).toMatchObject({ name: 'production', appId: sample.appId, secrets: { accessToken: { state: 'set', masked: 'EA…Qz' } } })

    const env = join(tempDir(), '.env')
    writeFileSync(env, `WHATSAPP_TOKEN=${sample.adminToken}\nVERIFY_TOKEN=${sample.verifyToken}\nWABA_ID=444555666\n`)
    const imported = runBuiltCli(['credentials', 'import-env', env, ...base, '--yes'])
    expect(imported.status).toBe(0)
    expect(imported.stdout).toContain('Access token')
    expect(imported.stdout).toContain('Imported into profile production.')
    expect(imported.stdout).not.toContain(sample.adminToken)
    expect(runBuiltCli(['credentials', 'show', ...base]).stdout).toContain(`.env sync          ${env} (WHATSAPP_TOKEN)`)

    expect(filesContaining(dataDir, [sample.accessToken, sample.appSecret, sample.adminToken, sample.verifyToken])).toEqual([])

    const refused = runBuiltCli(['credentials', 'delete', ...base])
    expect(refused.status).toBe(2)
    expect(refused.stderr).toContain('add --yes')
    expect(runBuiltCli(['credentials', 'delete', ...base, '--yes'])).toMatchObject({ status: 0, stdout: 'Deleted profile production.\n' })
    expect(runBuiltCli(['credentials', 'show', ...base]).status).toBe(1)
  })

  it('refuses a secret given on the command line', () => {
    const result = runBuiltCli(['credentials', 'set', '--data-dir', tempDir(), '--access-token', sample.accessToken])
    expect(result.status).toBe(2)
    expect(result.stderr).toContain("Unknown option '--access-token'")
  })

  it('with no keychain at all: a clear error, and nothing written anywhere', () => {
    const situations: [string, NodeJS.ProcessEnv][] = [
      ['no session bus configured', { ...process.env, DBUS_SESSION_BUS_ADDRESS: undefined, DISPLAY: undefined }],
      ['a bus address that leads nowhere', { ...process.env, DBUS_SESSION_BUS_ADDRESS: `unix:path=${join(tempDir(), 'no-bus')}` }],
    ]
    for (const [situation, env] of situations) {
        const dataDir = tempDir()
        const result = runBuiltCli(['credentials', 'set', '--data-dir', dataDir, '--profile', 'p', '--read', 'access-token'], { input: `${sample.accessToken}\n`, env })
        expect(result.status, situation).toBe(1)
        expect(result.stderr, situation).toContain('No OS keychain is running: nothing was saved')
        expect(result.stderr, situation).toContain('fix: start gnome-keyring or KWallet')
        expect(runBuiltCli(['credentials', 'show', '--data-dir', dataDir, '--profile', 'p'], { env }).stderr, situation).toContain('there is no profile named "p"')

        const envFile = join(tempDir(), '.env')
        writeFileSync(envFile, `WHATSAPP_TOKEN=${sample.accessToken}\n`)
        const imported = runBuiltCli(['credentials', 'import-env', envFile, '--data-dir', dataDir, '--yes'], { env })
        expect(imported.status, situation).toBe(1)
        expect(imported.stderr, situation).toContain('No OS keychain is running')
        expect(runBuiltCli(['credentials', 'show', '--data-dir', dataDir], { env }).stderr, situation).toContain('there is no profile yet')
        expect(existsSync(join(dataDir, 'switchboard.db'))).toBe(true)
        expect(filesContaining(dataDir, [sample.accessToken]), situation).toEqual([])
    }
  })

  it('with a locked keychain: says it is locked and how to unlock it', () => {
    const locked = startPrivateKeyring({ unlocked: false })
    try {
      const dataDir = tempDir()
      const result = runBuiltCli(['credentials', 'set', '--data-dir', dataDir, '--read', 'access-token'], {
        input: `${sample.accessToken}\n`,
        env: { ...process.env, ...locked.env },
      })
      expect(result.status).toBe(1)
      expect(result.stderr).toContain('The OS keychain is locked: nothing was saved')
      expect(result.stderr).toContain('Unlock your login keyring')
      expect(filesContaining(dataDir, [sample.accessToken])).toEqual([])
    } finally {
      locked.stop()
    }
  })
})

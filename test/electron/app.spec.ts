import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { _electron as electron, expect, test } from '@playwright/test'
import { callNames } from '@shared/contract'
import { tempDir } from '../support/temp'
import { projectRoot } from '../support/serve'

/** Where the Electron runtime would be, if its download ever happened on this machine. */
function electronBinary(): string | undefined {
  const packageDir = join(createRequire(import.meta.url).resolve('electron/package.json'), '..')
  const pathFile = join(packageDir, 'path.txt')
  if (!existsSync(pathFile)) return undefined
  const binary = join(packageDir, 'dist', readFileSync(pathFile, 'utf8'))
  return existsSync(binary) ? binary : undefined
}

const binary = electronBinary()
const skipReason =
  'The Electron runtime is not installed (node_modules/electron/dist is missing: it cannot be downloaded on this machine). ' +
  'These tests run wherever `npx install-electron` succeeds.'

// Say it out loud in the run's output, not only in a report annotation.
if (binary === undefined) console.log(`SKIPPED Electron shell tests: ${skipReason}`)

test.describe('Electron shell', () => {
  test.skip(binary === undefined, skipReason)

  test('opens one hardened window whose page reaches the core only through window.switchboard', async () => {
    const app = await electron.launch({
      executablePath: binary!,
      args: [join(projectRoot, 'out', 'main', 'index.js'), `--user-data-dir=${tempDir()}`],
    })
    const page = await app.firstWindow()
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible()
    const seen = await page.evaluate(async () => ({
      hasRequire: typeof (globalThis as { require?: unknown }).require,
      hasProcess: typeof (globalThis as { process?: unknown }).process,
      keys: Object.keys(window.switchboard ?? {}).sort(),
      info: await window.switchboard?.app.info(),
    }))
    expect(seen.hasRequire).toBe('undefined')
    expect(seen.hasProcess).toBe('undefined')
    expect(seen.keys).toEqual([...new Set(callNames.map((name) => name.split('.')[0]!)), 'subscribe'].sort())
    expect(seen.info).toMatchObject({ ok: true, value: { shell: 'electron' } })
    expect(await page.evaluate(() => window.location.href)).toBe('app://switchboard/index.html')
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1)
    await app.close()
  })
})

import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createCore, ManualClock, Redactor, silentLogger, type Core, type CoreConfig } from '../../src/main/core'

export function tempDir(prefix = 'switchboard-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix))
}

/** A core on a fresh data dir with a manual clock; every result is checked against the contract. */
export async function testCore(overrides: Partial<CoreConfig> = {}): Promise<Core> {
  return createCore({
    dataDir: tempDir(),
    shell: 'browser',
    version: '0.0.0-test',
    graphBaseUrl: 'http://127.0.0.1:9',
    sandbox: false,
    clock: new ManualClock(),
    log: silentLogger,
    redactor: new Redactor(),
    validateResults: true,
    ...overrides,
  })
}

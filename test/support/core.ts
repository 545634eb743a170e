import { assembleCore, ManualClock, Redactor, silentLogger, type CoreServices, type CoreConfig } from '../../src/main/core'
import { tempDir } from './temp'

export { tempDir } from './temp'

/** A core on a fresh data dir with a manual clock; every result is checked against the contract. */
export async function testCore(overrides: Partial<CoreConfig> = {}): Promise<CoreServices> {
  return assembleCore({
    dataDir: tempDir(),
    shell: 'browser',
    version: '0.0.0-test',
    graphBaseUrl: 'http://127.0.0.1:9',
    clock: new ManualClock(),
    log: silentLogger,
    redactor: new Redactor(),
    validateResults: true,
    ...overrides,
  })
}

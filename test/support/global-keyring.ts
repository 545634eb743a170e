import { startPrivateKeyring, type PrivateKeyring } from './keyring'

let keyring: PrivateKeyring | undefined

/** Vitest/Playwright global setup: every test process (and the servers it spawns) uses a private, unlocked keyring. */
export function setup(): void {
  keyring = startPrivateKeyring()
  Object.assign(process.env, keyring.env)
}

export function teardown(): void {
  keyring?.stop()
}

export default async function playwrightGlobalSetup(): Promise<() => void> {
  setup()
  return Promise.resolve(teardown)
}

/**
 * The OS keychain behind a four-method interface. Production uses keytar (`@github/keytar`):
 * macOS Keychain, Windows Credential Manager, the Secret Service (gnome-keyring, KWallet) on Linux.
 * Never `findCredentials`: on a locked Secret Service collection keytar crashes the process.
 */
export interface Keychain {
  get(account: string): Promise<string | null>
  set(account: string, value: string): Promise<void>
  delete(account: string): Promise<boolean>
}

export const KEYCHAIN_SERVICE = 'Switchboard'

interface KeytarModule {
  getPassword(service: string, account: string): Promise<string | null>
  setPassword(service: string, account: string, password: string): Promise<void>
  deletePassword(service: string, account: string): Promise<boolean>
}

let keytar: Promise<KeytarModule> | undefined

function loadKeytar(): Promise<KeytarModule> {
  keytar ??= import('@github/keytar').then((m) => ((m as { default?: KeytarModule }).default ?? (m as unknown as KeytarModule)))
  return keytar
}

export function keytarKeychain(service = KEYCHAIN_SERVICE): Keychain {
  return {
    get: async (account) => (await loadKeytar()).getPassword(service, account),
    set: async (account, value) => (await loadKeytar()).setPassword(service, account, value),
    delete: async (account) => (await loadKeytar()).deletePassword(service, account),
  }
}

import { SwitchboardError, type ErrorCode } from '@shared/contract'

export type KeychainState = 'available' | 'unavailable' | 'locked' | 'denied'

interface Diagnosis {
  state: Exclude<KeychainState, 'available'>
  message: string
  fix: string
}

const linuxStart = 'start gnome-keyring or KWallet (for a headless session: `dbus-run-session` + `gnome-keyring-daemon --unlock`), then retry'

/** Turns what keytar/libsecret/macOS/Windows said into one plain sentence and the way out. */
export function diagnoseKeychainError(error: unknown, platform = process.platform): Diagnosis {
  const text = error instanceof Error ? error.message : String(error)
  if (/locked/i.test(text) || /collection\/login/i.test(text)) {
    return {
      state: 'locked',
      message: 'The OS keychain is locked',
      fix: platform === 'linux' ? 'Unlock your login keyring (e.g. open Passwords and Keys, or `gnome-keyring-daemon --unlock`), then retry' : 'Unlock the keychain, then retry',
    }
  }
  if (/denied|not allowed|cancel|user interaction is not allowed|errSecAuthFailed/i.test(text)) {
    return {
      state: 'denied',
      message: 'Access to the OS keychain was denied',
      fix: 'Allow Switchboard to use the keychain when the system asks, then retry',
    }
  }
  if (/dbus|d-bus|secrets? service|org\.freedesktop\.secrets|autolaunch|could not connect|connection refused|no such interface|cannot load|compiled against|\.node/i.test(text)) {
    return {
      state: 'unavailable',
      message: 'No OS keychain is running',
      fix: platform === 'linux' ? linuxStart : 'Make sure the system keychain service is running, then retry',
    }
  }
  return { state: 'unavailable', message: `The OS keychain failed: ${text}`, fix: platform === 'linux' ? linuxStart : 'Check the system keychain, then retry' }
}

const codes: Record<Diagnosis['state'], ErrorCode> = {
  unavailable: 'keychain_unavailable',
  locked: 'keychain_locked',
  denied: 'keychain_denied',
}

export function keychainError(error: unknown): SwitchboardError {
  const diagnosis = diagnoseKeychainError(error)
  return new SwitchboardError({ code: codes[diagnosis.state], message: `${diagnosis.message}: nothing was saved`, fix: diagnosis.fix })
}

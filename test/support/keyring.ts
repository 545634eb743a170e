import { execFileSync, spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export interface PrivateKeyring {
  /** Environment that points libsecret (keytar) at this keyring's D-Bus session. */
  env: Record<string, string>
  stop(): void
}

function which(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0
}

/**
 * A throw-away Secret Service for the tests: its own D-Bus session bus and its own gnome-keyring
 * (in a temp HOME, unlocked with a test password), so tests exercise the real keychain without
 * touching the developer's. Missing packages fail loudly: the keychain tests are not optional.
 */
export function startPrivateKeyring(options: { unlocked?: boolean } = {}): PrivateKeyring {
  for (const command of ['dbus-daemon', 'gnome-keyring-daemon']) {
    if (!which(command)) {
      throw new Error(`${command} is not installed: the keychain tests need it (apt-get install dbus gnome-keyring libsecret-1-dev)`)
    }
  }
  const home = mkdtempSync(join(tmpdir(), 'switchboard-keyring-'))
  const runtime = join(home, 'run')
  mkdirSync(runtime, { mode: 0o700 })
  // Nothing may lead the new daemon to an outer keyring (CI runs inside its own unlocked session):
  // GNOME_KEYRING_CONTROL would make `gnome-keyring-daemon --start` join the existing daemon.
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(GNOME_KEYRING_|DBUS_SESSION_BUS_ADDRESS$|SSH_AUTH_SOCK$)/.test(key)))
  const base = { ...inherited, HOME: home, XDG_DATA_HOME: join(home, 'data'), XDG_RUNTIME_DIR: runtime, DISPLAY: '' }
  const [address, pid] = execFileSync('dbus-daemon', ['--session', '--fork', '--print-address=1', '--print-pid=1'], {
    env: base,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  })
    .trim()
    .split('\n')
  if (!address || !pid) throw new Error('dbus-daemon did not report its address')
  const env = { HOME: home, XDG_DATA_HOME: base.XDG_DATA_HOME, XDG_RUNTIME_DIR: runtime, DBUS_SESSION_BUS_ADDRESS: address }
  const args = options.unlocked === false ? ['--start', '--components=secrets'] : ['--unlock', '--components=secrets']
  execFileSync('gnome-keyring-daemon', args, {
    env: { ...base, DBUS_SESSION_BUS_ADDRESS: address },
    input: options.unlocked === false ? '' : 'switchboard-test',
    stdio: ['pipe', 'ignore', 'ignore'],
  })
  return {
    env,
    // gnome-keyring-daemon leaves when its session bus goes away.
    stop() {
      try {
        process.kill(Number(pid))
      } catch {
        // already gone
      }
    },
  }
}

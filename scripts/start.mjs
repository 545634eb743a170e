// `npm start`: the Electron app when its runtime is available, otherwise browser mode.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const require = createRequire(import.meta.url)
const electronDir = dirname(require.resolve('electron/package.json'))
const bin = (name) => join(root, 'node_modules', '.bin', name)

function electronInstalled() {
  const pathFile = join(electronDir, 'path.txt')
  return existsSync(pathFile) && existsSync(join(electronDir, 'dist', readFileSync(pathFile, 'utf8')))
}

function run(command, args) {
  const child = spawn(command, args, { stdio: 'inherit', cwd: root })
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
}

if (!electronInstalled()) {
  // Electron fetches its runtime on first use; give that one bounded try.
  spawnSync(process.execPath, [join(electronDir, 'install.js')], { stdio: 'ignore', timeout: 90_000 })
}

if (electronInstalled()) {
  run(bin('electron-vite'), ['preview'])
} else {
  console.log(
    'The Electron runtime is not installed and could not be downloaded from this machine, so Switchboard starts in browser mode instead: open the "Switchboard UI" address below.',
  )
  const build = spawnSync(bin('electron-vite'), ['build', '--logLevel', 'warn'], { stdio: 'inherit', cwd: root })
  if (build.status !== 0) process.exit(build.status ?? 1)
  run(process.execPath, [join(root, 'bin', 'switchboard.mjs'), 'serve', ...process.argv.slice(2)])
}

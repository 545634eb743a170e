import { commands, runCli, type CommandIo } from './command-line'
import { version } from './version'

/** The `switchboard` command (browser mode and scripting). Runs under plain Node ≥ 22.12. */

const untilSignal = () =>
  new Promise<NodeJS.Signals>((resolve) => {
    process.once('SIGINT', () => resolve('SIGINT'))
    process.once('SIGTERM', () => resolve('SIGTERM'))
  })

const io: CommandIo = { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env, untilSignal }

process.exitCode = await runCli(process.argv.slice(2), io, commands, version)

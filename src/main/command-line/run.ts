import { parseArgs } from 'node:util'
import { fixOf, SwitchboardError } from '@shared/contract'
import { exitCodes, UsageError, type Command, type CommandIo, type CommandRun } from './command'
import { globalOptions } from './global-options'
import { commandHelp, mainHelp } from './help'

/** Parses argv against the command table, prints help, and runs one command. Returns the exit code. */
export async function runCli(argv: readonly string[], io: CommandIo, commands: readonly Command[], version: string): Promise<number> {
  const [first, second] = argv
  if (first === undefined || first === 'help' || first === '--help' || first === '-h') {
    const target = first === 'help' ? findCommand(commands, argv.slice(1)) : undefined
    io.stdout.write(target ? commandHelp(target.command) : mainHelp(commands))
    return first === undefined ? exitCodes.usage : exitCodes.ok
  }
  if (first === '--version' || first === '-v') {
    io.stdout.write(`switchboard ${version}\n`)
    return exitCodes.ok
  }
  const found = findCommand(commands, argv)
  if (!found) {
    const group = commands.filter((c) => c.name.startsWith(`${first} `))
    const hint = group.length
      ? `\`${first}\` needs a subcommand: ${group.map((c) => c.name.split(' ')[1]).join(', ')}`
      : `unknown command \`${[first, second].filter(Boolean).join(' ')}\``
    io.stderr.write(`switchboard: ${hint}. Run \`switchboard --help\` for the list.\n`)
    return exitCodes.usage
  }
  const { command, rest } = found
  let parsed: ReturnType<typeof parseArgs>
  try {
    parsed = parseArgs({
      args: [...rest],
      options: { ...globalOptions, ...command.options },
      allowPositionals: true,
      strict: true,
    })
  } catch (error) {
    io.stderr.write(`switchboard ${command.name}: ${(error as Error).message}\nRun \`switchboard ${command.name} --help\` for its options.\n`)
    return exitCodes.usage
  }
  if (parsed.values.help) {
    io.stdout.write(commandHelp(command))
    return exitCodes.ok
  }
  const required = (command.args ?? []).filter((a) => !a.optional).length
  const allowed = command.args?.length ?? 0
  if (parsed.positionals.length < required || parsed.positionals.length > allowed) {
    io.stderr.write(`switchboard ${command.name}: expected ${describeArgs(command)}. Run \`switchboard ${command.name} --help\`.\n`)
    return exitCodes.usage
  }
  try {
    return await command.run({ values: parsed.values as CommandRun['values'], positionals: parsed.positionals, io })
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`switchboard ${command.name}: ${error.message}\n`)
      return exitCodes.usage
    }
    io.stderr.write(`switchboard ${command.name}: ${describeError(error)}\n`)
    return exitCodes.failure
  }
}

/** One line for the failure, plus the fix when the core knows one. Never a stack trace. */
function describeError(error: unknown): string {
  if (error instanceof SwitchboardError) {
    const graph = error.graph ? ` (Graph error ${error.graph.code}${error.graph.subcode ? `/${error.graph.subcode}` : ''})` : ''
    const fix = fixOf(error.toJSON())
    return `${error.message}${graph}${fix ? `\n  fix: ${fix}` : ''}`
  }
  return error instanceof Error ? error.message : String(error)
}

function findCommand(commands: readonly Command[], argv: readonly string[]) {
  const [first, second] = argv
  const two = commands.find((c) => c.name === `${first} ${second}`)
  if (two) return { command: two, rest: argv.slice(2) }
  const one = commands.find((c) => c.name === first)
  if (one) return { command: one, rest: argv.slice(1) }
  return undefined
}

function describeArgs(command: Command): string {
  const args = command.args ?? []
  if (args.length === 0) return 'no arguments'
  return args.map((a) => (a.optional ? `[${a.name}]` : a.name)).join(' ')
}

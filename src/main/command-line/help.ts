import type { Command, OptionSpec } from './command'
import { globalOptions } from './global-options'

function optionLines(options: Record<string, OptionSpec>): string[] {
  const rows = Object.entries(options).map(([name, spec]) => {
    const flag = `${spec.short ? `-${spec.short}, ` : ''}--${name}${spec.type === 'string' ? ` ${spec.valueName ?? 'VALUE'}` : ''}`
    return [flag, spec.description + (spec.multiple ? ' (repeatable)' : '')] as const
  })
  const width = Math.max(0, ...rows.map(([flag]) => flag.length))
  return rows.map(([flag, text]) => `  ${flag.padEnd(width)}  ${text}`)
}

export function commandHelp(command: Command): string {
  const args = (command.args ?? []).map((a) => (a.optional ? `[${a.name}]` : a.name)).join(' ')
  const lines = [`Usage: switchboard ${command.name}${args ? ` ${args}` : ''} [options]`, '', command.summary]
  if (command.args?.length) {
    lines.push('', 'Arguments:')
    for (const arg of command.args) lines.push(`  ${arg.name}  ${arg.description}`)
  }
  if (Object.keys(command.options).length) lines.push('', 'Options:', ...optionLines(command.options))
  lines.push('', 'Global options:', ...optionLines(globalOptions))
  if (command.details) lines.push('', command.details.trim())
  return lines.join('\n') + '\n'
}

export function mainHelp(commands: readonly Command[]): string {
  const width = Math.max(...commands.map((c) => c.name.length))
  return [
    'Usage: switchboard <command> [options]',
    '',
    'Switchboard: an operator console for the WhatsApp Business Cloud API.',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Global options:',
    ...optionLines(globalOptions),
    '',
    'Run `switchboard <command> --help` for the options of one command.',
    '',
  ].join('\n')
}

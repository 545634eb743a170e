import type { CommandRun, OptionSpec } from './command'
import { terminalJson } from './terminal-text'

/** `--json` and `--limit N` of every command that lists stored things. */
export function listOptions(jsonDescription: string, limitDescription: string): Record<'json' | 'limit', OptionSpec> {
  return {
    json: { type: 'boolean', description: jsonDescription },
    limit: { type: 'string', valueName: 'N', description: limitDescription },
  }
}

/** A list as JSON (`--json`), as one line per item, or, when there is nothing, a sentence on stderr. */
export function printList<T>(run: CommandRun, items: readonly T[], line: (item: T) => string, empty: string): void {
  if (run.values.json) run.io.stdout.write(terminalJson(items) + '\n')
  else if (items.length === 0) run.io.stderr.write(`${empty}\n`)
  else run.io.stdout.write(items.map(line).join('\n') + '\n')
}

import { num, seconds } from './format'
import type { BenchReport, Figure, ScenarioResult } from './results'

type Row = [string, string, string, string]

const VALUE_WIDTH = 78

function wrap(text: string, width: number): string[] {
  const lines: string[] = []
  for (const paragraph of text.split('\n')) {
    let line = ''
    for (const word of paragraph.split(' ')) {
      if (line && line.length + 1 + word.length > width) {
        lines.push(line)
        line = word
      } else line = line ? `${line} ${word}` : word
    }
    lines.push(line)
  }
  return lines
}

function figureText(f: Figure): string {
  return f.value === null ? 'n/a' : `${num(f.value, f.digits ?? 0)}${f.unit ? ` ${f.unit}` : ''}`
}

function rowsOf(scenario: ScenarioResult): Row[] {
  const id = String(scenario.id)
  const rows: Row[] = [[id, scenario.title.toUpperCase(), '', '']]
  rows.push(['', 'workload', scenario.workload, ''])
  rows.push(['', 'reference', scenario.reference, ''])
  for (const f of scenario.figures) rows.push(['', f.label, figureText(f), ''])
  if (scenario.error) rows.push(['', 'error', scenario.error, 'ERROR'])
  for (const g of scenario.goals) rows.push(['', `goal: ${g.goal}`, g.measured, g.met ? 'MET' : 'MISSED'])
  for (const note of scenario.notes) rows.push(['', 'note', note, ''])
  rows.push(['', 'took', seconds(scenario.seconds * 1000), ''])
  return rows
}

/** The one results table: the machine on top, then each scenario's workload, reference, figures and goals. */
export function renderTable(report: BenchReport): string {
  const m = report.machine
  const header = [
    `Switchboard benchmarks · ${report.startedAt} · took ${seconds(report.seconds * 1000)}`,
    `Machine: ${m.cores} cores · ${m.cpuModel} · Node ${m.node} · ${m.os} · ${m.memoryGiB} GiB RAM (${m.freeMemoryGiB} free) · load ${m.loadAverage} at start, ${report.loadAverageAtEnd} at end`,
    '',
  ]
  const all: Row[] = [['#', 'item', 'value', 'verdict']]
  for (const scenario of report.scenarios) all.push(...rowsOf(scenario))
  const itemWidth = Math.max(...all.map((r) => r[1].length))
  const valueWidth = Math.min(VALUE_WIDTH, Math.max(...all.map((r) => r[2].length)))
  const line = (cells: Row) => `| ${cells[0].padEnd(1)} | ${cells[1].padEnd(itemWidth)} | ${cells[2].padEnd(valueWidth)} | ${cells[3].padEnd(7)} |`
  const rule = `|${'-'.repeat(3)}|${'-'.repeat(itemWidth + 2)}|${'-'.repeat(valueWidth + 2)}|${'-'.repeat(9)}|`
  const out: string[] = [...header, line(all[0]!), rule]
  all.slice(1).forEach((row, index) => {
    if (row[0] !== '' && index > 0) out.push(rule)
    const values = wrap(row[2], valueWidth)
    values.forEach((value, at) => out.push(line(at === 0 ? [row[0], row[1], value, row[3]] : ['', '', value, ''])))
  })
  const goals = report.scenarios.flatMap((s) => s.goals)
  const met = goals.filter((g) => g.met).length
  const errors = report.scenarios.filter((s) => s.error).length
  out.push('', `Goals: ${met} met, ${goals.length - met} missed${errors ? `; ${errors} scenario(s) failed to run` : ''}.`)
  return out.join('\n')
}

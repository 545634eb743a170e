// Runs Electronegativity over src/ and fails on any finding not reviewed in security/electronegativity.json.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const { version: electronVersion } = JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8'))
const accepted = JSON.parse(readFileSync(join(root, 'security', 'electronegativity.json'), 'utf8')).accepted
// SARIF, not CSV: Electronegativity writes its CSV header and rows with two racing async writes, so the
// header sometimes overwrites the first finding. SARIF is one JSON document written once.
const output = join(mkdtempSync(join(tmpdir(), 'electronegativity-')), 'findings.sarif')

const run = spawnSync(join(root, 'node_modules', '.bin', 'electronegativity'), ['-i', join(root, 'src'), '-r', '-v', 'false', '-e', electronVersion, '-o', output], {
  encoding: 'utf8',
  timeout: 120_000,
})
if (run.status !== 0) {
  console.error(run.stdout, run.stderr)
  console.error('Electronegativity did not run to completion.')
  process.exit(1)
}

let sarif
try {
  sarif = JSON.parse(readFileSync(output, 'utf8'))
} catch (error) {
  console.error(`Electronegativity's report ${output} is not readable SARIF: ${error.message}`)
  process.exit(1)
}
const findings = sarif.runs.flatMap((run) =>
  run.results.map((result) => {
    const where = result.locations?.[0]?.physicalLocation
    return {
      check: result.ruleId,
      level: result.level,
      file: where?.artifactLocation?.uri ?? 'N/A',
      location: `${where?.region?.startLine ?? '?'}:${where?.region?.startColumn ?? '?'}`,
      message: result.message?.text ?? '',
    }
  }),
).sort((a, b) => `${a.file} ${a.check}`.localeCompare(`${b.file} ${b.check}`))

const open = findings.filter((f) => !accepted.some((a) => a.check === f.check && a.file === f.file))
const stale = accepted.filter((a) => !findings.some((f) => a.check === f.check && a.file === f.file))
for (const f of findings) {
  const ok = !open.includes(f)
  console.log(`${ok ? 'accepted' : 'OPEN    '}  ${f.check}  ${f.file}:${f.location}  ${f.message}`)
}
for (const a of stale) console.log(`note: accepted finding no longer reported, remove it from security/electronegativity.json: ${a.check} ${a.file}`)
if (open.length > 0) {
  console.error(`\n${open.length} Electronegativity finding(s) not reviewed: fix them, or justify them in security/electronegativity.json.`)
  process.exit(1)
}
console.log(`Electronegativity (Electron ${electronVersion}): ${findings.length} finding(s), all reviewed.`)

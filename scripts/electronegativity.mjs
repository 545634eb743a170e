// Runs Electronegativity over src/ and fails on any finding not reviewed in security/electronegativity.json.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const { version: electronVersion } = JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8'))
const accepted = JSON.parse(readFileSync(join(root, 'security', 'electronegativity.json'), 'utf8')).accepted
const output = join(mkdtempSync(join(tmpdir(), 'electronegativity-')), 'findings.csv')

const run = spawnSync(join(root, 'node_modules', '.bin', 'electronegativity'), ['-i', join(root, 'src'), '-r', '-v', 'false', '-e', electronVersion, '-o', output], {
  encoding: 'utf8',
  timeout: 120_000,
})
if (run.status !== 0) {
  console.error(run.stdout, run.stderr)
  console.error('Electronegativity did not run to completion.')
  process.exit(1)
}

const findings = readFileSync(output, 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => {
    const [check, severity, confidence, file, location] = line.split(',').map((cell) => cell.replace(/^"|"$/g, ''))
    return { check, severity, confidence, file, location }
  })

const open = findings.filter((f) => !accepted.some((a) => a.check === f.check && a.file === f.file))
const stale = accepted.filter((a) => !findings.some((f) => a.check === f.check && a.file === f.file))
for (const f of findings) {
  const ok = !open.includes(f)
  console.log(`${ok ? 'accepted' : 'OPEN    '}  ${f.check}  ${f.severity}/${f.confidence}  ${f.file}:${f.location}`)
}
for (const a of stale) console.log(`note: accepted finding no longer reported, remove it from security/electronegativity.json: ${a.check} ${a.file}`)
if (open.length > 0) {
  console.error(`\n${open.length} Electronegativity finding(s) not reviewed: fix them, or justify them in security/electronegativity.json.`)
  process.exit(1)
}
console.log(`Electronegativity (Electron ${electronVersion}): ${findings.length} finding(s), all reviewed.`)

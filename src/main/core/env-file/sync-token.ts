import type { Logger } from '../log'
import { writeEnvVariable } from './write-back'

export interface EnvTarget {
  path: string
  variable: string
}

/**
 * Writes a refreshed token into every `.env` file that tracks it (plus `extraPath`, under the
 * first target's variable name); returns a note for the refresh log about what was written, or
 * `null` when no file tracks this profile. One file failing never stops the others.
 */
export function syncTokenToEnvFiles(targets: readonly EnvTarget[], token: string, log: Logger, extraPath?: string): string | null {
  const all = [...targets]
  if (extraPath && !all.some((t) => t.path === extraPath)) all.push({ path: extraPath, variable: all[0]?.variable ?? 'WHATSAPP_TOKEN' })
  if (all.length === 0) return null
  const failed: string[] = []
  for (const target of all) {
    try {
      writeEnvVariable(target.path, target.variable, token)
    } catch (error) {
      failed.push(`${target.path}: ${(error as Error).message}`)
      log.warn('could not write the refreshed token to a .env file', { path: target.path, error: (error as Error).message })
    }
  }
  const written = all.length - failed.length
  return failed.length ? `Written to ${written} of ${all.length} .env files; failed: ${failed.join('; ')}` : `Written to ${written} .env file${written === 1 ? '' : 's'}`
}

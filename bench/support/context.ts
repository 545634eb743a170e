import type { BuiltApp } from './app'

/** What every scenario gets from the runner. */
export interface BenchContext {
  /** The project root. */
  root: string
  /** Where the built bench lives (out/bench/dist): child scripts are under `children/`. */
  distDir: string
  app: BuiltApp
  /** A temp directory for this run's data dirs; removed at the end unless --keep. */
  workDir: string
  /** Progress for the person waiting (stderr, so the table on stdout stays clean). */
  log(message: string): void
}

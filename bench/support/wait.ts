/**
 * Checks `condition` every `everyMs` until it holds (set-up between measurements: a webhook
 * filed, a file stored); fails, saying what it waited for, after `timeoutMs`.
 */
export async function waitUntil(what: string, condition: () => boolean | Promise<boolean>, timeoutMs = 30_000, everyMs = 20): Promise<void> {
  const started = performance.now()
  while (!(await condition())) {
    if (performance.now() - started > timeoutMs) throw new Error(`waited ${Math.round(timeoutMs / 1000)} s for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, everyMs))
  }
}

import { accessSync, constants, statSync } from 'node:fs'
import { isAbsolute, join, resolve } from 'node:path'

/**
 * Finds the program to run as an absolute path, so nothing is left to `child_process` (which, on
 * Windows, looks in the current directory before PATH, and everywhere runs a program of that name
 * from the current directory when PATH has an empty or `.` entry). A name with a directory part is
 * the operator's explicit choice and is taken as it is (relative to the current directory); a bare
 * name is looked up only in PATH's absolute directories, with PATHEXT's extensions on Windows.
 * Null when there is no such program.
 */
export function findExecutable(name: string, env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform): string | null {
  const windows = platform === 'win32'
  if (name.includes('/') || (windows && name.includes('\\'))) {
    const path = resolve(name)
    return isRunnable(path, windows) ? path : null
  }
  const directories = (variable(env, 'PATH', windows) ?? '').split(windows ? ';' : ':').filter((directory) => directory !== '' && isAbsolute(directory))
  const names = windows ? windowsNames(name, variable(env, 'PATHEXT', windows)) : [name]
  for (const directory of directories) {
    for (const candidate of names) {
      const path = join(directory, candidate)
      if (isRunnable(path, windows)) return path
    }
  }
  return null
}

function windowsNames(name: string, pathext: string | undefined): string[] {
  const extensions = (pathext ?? '.COM;.EXE;.BAT;.CMD').split(';').filter((extension) => extension.startsWith('.'))
  const hasExtension = extensions.some((extension) => name.toLowerCase().endsWith(extension.toLowerCase()))
  return [...(hasExtension ? [name] : []), ...extensions.map((extension) => name + extension.toLowerCase())]
}

/** Environment names are case-insensitive on Windows (`Path`). */
function variable(env: NodeJS.ProcessEnv, name: string, windows: boolean): string | undefined {
  if (!windows) return env[name]
  const key = Object.keys(env).find((candidate) => candidate.toUpperCase() === name)
  return key === undefined ? undefined : env[key]
}

function isRunnable(path: string, windows: boolean): boolean {
  try {
    if (!statSync(path).isFile()) return false
    if (!windows) accessSync(path, constants.X_OK)
    return true
  } catch {
    return false
  }
}

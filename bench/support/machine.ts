import { cpus, freemem, loadavg, platform, release, totalmem } from 'node:os'

export interface Machine {
  cores: number
  cpuModel: string
  node: string
  os: string
  memoryGiB: number
  freeMemoryGiB: number
  /** 1-minute load average when the run started: other work on the machine shows here. */
  loadAverage: number
}

export function describeMachine(): Machine {
  const list = cpus()
  return {
    cores: list.length,
    cpuModel: list[0]?.model.trim() ?? 'unknown',
    node: process.version,
    os: `${platform()} ${release()}`,
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    freeMemoryGiB: Math.round((freemem() / 2 ** 30) * 10) / 10,
    loadAverage: Math.round(loadavg()[0]! * 100) / 100,
  }
}

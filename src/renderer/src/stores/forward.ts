import { create } from 'zustand'
import type { AppError, CallInput, ForwardJob, ForwardStatus, ForwardTarget } from '@shared/contract'
import { api } from '../api'

interface ForwardStore {
  status: ForwardStatus | null
  /** The call in progress (adding, retrying …), for its button. */
  busy: string | null
  error: AppError | null
  /** The forwards of the request open in the inspector. */
  jobs: { requestId: number; items: ForwardJob[] } | null
  /** What the last replay or resend queued. */
  queued: string | null
  load: () => Promise<void>
  add: (input: CallInput<'forward.addTarget'>) => Promise<boolean>
  update: (input: CallInput<'forward.updateTarget'>) => Promise<void>
  remove: (id: number) => Promise<void>
  retry: (targetId?: number) => Promise<void>
  setHorizon: (hours: number) => Promise<void>
  replay: (input: CallInput<'forward.replay'>) => Promise<void>
  resend: (input: CallInput<'forward.resend'>) => Promise<boolean>
  loadJobs: (requestId: number | null) => Promise<void>
  set: (status: ForwardStatus) => void
  reset: () => void
}

/** One empty list for every render: a new [] each time would make a component re-render forever. */
const noTargets: readonly ForwardTarget[] = []
/** The active profile's targets (none while not loaded). */
export const selectTargets = (state: ForwardStore): readonly ForwardTarget[] => state.status?.targets ?? noTargets

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`

export const useForward = create<ForwardStore>()((set, get) => {
  /** Runs a call that answers with the new status. */
  const statusCall = async (name: string, run: () => ReturnType<ReturnType<typeof api>['forward']['status']>): Promise<boolean> => {
    set({ busy: name, error: null })
    const result = await run()
    set(result.ok ? { busy: null, status: result.value } : { busy: null, error: result.error })
    return result.ok
  }
  return {
    status: null,
    busy: null,
    error: null,
    jobs: null,
    queued: null,
    async load() {
      const result = await api().forward.status()
      set(result.ok ? { status: result.value } : { error: result.error })
    },
    add: (input) => statusCall('add', () => api().forward.addTarget(input)),
    async update(input) {
      await statusCall(`update-${input.id}`, () => api().forward.updateTarget(input))
    },
    async remove(id) {
      await statusCall(`remove-${id}`, () => api().forward.removeTarget({ id }))
    },
    async retry(targetId) {
      await statusCall(`retry-${targetId ?? 'all'}`, () => api().forward.retry(targetId === undefined ? {} : { targetId }))
    },
    async setHorizon(hours) {
      await statusCall('horizon', () => api().forward.setHorizon({ hours }))
    },
    async replay(input) {
      set({ busy: 'replay', error: null, queued: null })
      const result = await api().forward.replay(input)
      set(result.ok ? { busy: null, queued: `${plural(result.value.queued, 'delivery')} queued again` } : { busy: null, error: result.error })
      void get().loadJobs(get().jobs?.requestId ?? null)
    },
    async resend(input) {
      set({ busy: 'resend', error: null, queued: null })
      const result = await api().forward.resend(input)
      set(result.ok ? { busy: null, queued: 'Edited body queued, signed anew' } : { busy: null, error: result.error })
      void get().loadJobs(input.requestId)
      return result.ok
    },
    async loadJobs(requestId) {
      if (requestId === null) return set({ jobs: null })
      const result = await api().forward.jobs({ requestId })
      if (result.ok) set({ jobs: { requestId, items: result.value.items } })
    },
    set(status) {
      set({ status })
      const open = get().jobs
      if (open) void get().loadJobs(open.requestId)
    },
    reset: () => set({ status: null, jobs: null, error: null, queued: null }),
  }
})

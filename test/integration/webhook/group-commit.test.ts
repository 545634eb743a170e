import { afterEach, describe, expect, it, vi } from 'vitest'
import { Store, type CapturedRequest } from '../../../src/main/core/store'
import { ManualClock, silentLogger } from '../../../src/main/core'
import { GroupCommitter } from '../../../src/main/core/webhook/group-commit'
import { InboxBacklog } from '../../../src/main/core/webhook/inbox-backlog'
import { tempDir } from '../../support/temp'

const request = (path: string): CapturedRequest => ({
  receivedAt: Date.now(),
  method: 'POST',
  path,
  remote: '127.0.0.1',
  headers: {},
  body: '{}',
  size: 2,
  verdict: 'accepted',
  status: 200,
  reason: null,
  signature: 'valid',
  profileId: null,
})

const committerOn = (store: Store, onCommit: (results: number) => void = () => undefined) => {
  const backlog = new InboxBacklog({ store, clock: new ManualClock(), log: silentLogger, ingestWaiting: () => false, onFiled: () => undefined, onSizeChange: () => undefined, onFault: () => undefined })
  return new GroupCommitter(store, backlog, (outcome) => onCommit(outcome.results.length), () => undefined)
}

describe('group commit', () => {
  let store: Store
  afterEach(() => store.close())

  it('commits many requests in one transaction and answers each after the commit', async () => {
    store = Store.open(tempDir())
    const commits: number[] = []
    const committer = committerOn(store, (results) => commits.push(results))
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => committer.submit(request(`/webhook?${i}`))))
    expect(new Set(results.map((r) => r.requestId)).size).toBe(50)
    expect(commits).toEqual([50])
  })

  it('lets one request that cannot be written fail alone; the rest of its batch is stored', async () => {
    store = Store.open(tempDir())
    const write = store.capture.write.bind(store.capture)
    vi.spyOn(store.capture, 'write').mockImplementation((r) => {
      if (r.path === '/webhook?bad') throw new Error('cannot write this one')
      return write(r)
    })
    const committer = committerOn(store)
    const outcomes = await Promise.allSettled(['/webhook?1', '/webhook?bad', '/webhook?3'].map((path) => committer.submit(request(path))))
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled'])
    const paths = (store.db.prepare('SELECT path FROM webhook_requests ORDER BY id').all() as { path: string }[]).map((r) => r.path)
    expect(paths).toEqual(['/webhook?1', '/webhook?3'])
  })
})

import { describe, expect, it } from 'vitest'
import { ownershipProblem } from '../../../src/main/core/env-file/ownership'
import { tokenShapeProblem } from '../../../src/main/core/env-file/token-shape'

const TOKEN = `EAAG${'x9Qz'.repeat(40)}`

describe('what may be written as a token', () => {
  it('accepts Graph and app tokens', () => {
    expect(tokenShapeProblem(TOKEN)).toBeNull()
    expect(tokenShapeProblem('123456789012345|AbCdEf-123_xyz')).toBeNull()
  })

  it('refuses what a .env parser would read as something else, without repeating it', () => {
    const cases: [string, RegExp][] = [
      ['', /empty/],
      [`${TOKEN}\nADMIN=1`, /whitespace or a line break/],
      [`${TOKEN} `, /whitespace/],
      [`${TOKEN}\t`, /whitespace/],
      [`${TOKEN}"`, /quote/],
      [`'${TOKEN}`, /quote/],
      [`${TOKEN}\``, /quote/],
      [`${TOKEN}#note`, /#/],
      [`${TOKEN}\\n`, /backslash/],
      [`${TOKEN}$HOME`, /\$/],
      [`${TOKEN}\u0000`, /control or non-ASCII/],
      [`${TOKEN}é`, /control or non-ASCII/],
      ['EAAGshort', /only 9 characters/],
      ['E'.repeat(5000), /5000 characters long, more than 4096/],
    ]
    for (const [value, reason] of cases) {
      const problem = tokenShapeProblem(value)
      expect(problem).toMatch(reason)
      if (value.length > 4) expect(problem).not.toContain(value.slice(0, 20))
    }
  })
})

describe('whose file, in whose directory', () => {
  const me = { uid: 1000, gid: 1000 }
  const mine = { uid: 1000 }
  const privateDir = { uid: 1000, gid: 1000, mode: 0o40755 }

  it('writes into a file of ours in a directory only we (or our private group) can write to', () => {
    expect(ownershipProblem(mine, privateDir, me)).toBeNull()
    expect(ownershipProblem(mine, { ...privateDir, mode: 0o40775 }, me)).toBeNull()
    expect(ownershipProblem(mine, { uid: 0, gid: 0, mode: 0o40755 }, me)).toBeNull()
  })

  it('refuses another user’s file, unless it runs as root', () => {
    expect(ownershipProblem({ uid: 1001 }, privateDir, me)).toMatch(/belongs to another user \(uid 1001\)/)
    expect(ownershipProblem({ uid: 1001 }, { uid: 1001, gid: 1001, mode: 0o40755 }, { uid: 0, gid: 0 })).toBeNull()
  })

  it('refuses a directory others can write to that is not sticky, whoever owns the file', () => {
    expect(ownershipProblem(mine, { ...privateDir, mode: 0o40777 }, me)).toMatch(/every user \(mode 777\) and is not sticky/)
    expect(ownershipProblem(mine, { uid: 1000, gid: 100, mode: 0o40775 }, me)).toMatch(/members of group 100 \(mode 775\) and is not sticky/)
    expect(ownershipProblem({ uid: 0 }, { uid: 0, gid: 0, mode: 0o40777 }, { uid: 0, gid: 0 })).toMatch(/not sticky/)
  })

  it('accepts a sticky shared directory (like /tmp) only for a file of our own in a directory of ours or root’s', () => {
    const tmp = { uid: 0, gid: 0, mode: 0o41777 }
    expect(ownershipProblem(mine, tmp, me)).toBeNull()
    expect(ownershipProblem({ uid: 1001 }, tmp, { uid: 0, gid: 0 })).toMatch(/only a file of your own is safe.*uid 1001/)
    expect(ownershipProblem(mine, { uid: 1001, gid: 1001, mode: 0o41777 }, me)).toMatch(/does not bind its owner \(uid 1001\)/)
  })
})

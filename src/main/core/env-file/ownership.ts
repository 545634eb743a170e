import type { Stats } from 'node:fs'

export interface User {
  uid: number
  gid: number
}

const STICKY = 0o1000

/**
 * Whether a token may be written into this file for this user (POSIX; Windows has no such modes),
 * or why not. The file must be the user's own, or the user root (who gives it back to its owner).
 * The file is replaced by renaming a new one over it, so whoever may rename files in its directory
 * could put a file of theirs in its place meanwhile, or take the new one: a directory other users
 * can write to is refused, unless it is sticky (like /tmp, where others may not rename or delete
 * what is not theirs), the file is the user's own and the directory belongs to the user or root
 * (the sticky bit does not bind the directory's owner). Group-writable counts as shared, except for
 * the user's private group: its gid is the uid, as useradd makes it for user-private groups.
 */
export function ownershipProblem(file: Pick<Stats, 'uid'>, directory: Pick<Stats, 'uid' | 'gid' | 'mode'>, user: User): string | null {
  if (file.uid !== user.uid && user.uid !== 0) {
    return `it belongs to another user (uid ${file.uid}); Switchboard writes a token only into a file of the user it runs as (uid ${user.uid})`
  }
  const everyone = (directory.mode & 0o002) !== 0
  const privateGroup = directory.gid === user.uid && user.gid === user.uid
  const group = (directory.mode & 0o020) !== 0 && !privateGroup
  if (!everyone && !group) return null
  const shared = `its directory can be written by ${everyone ? 'every user' : `the members of group ${directory.gid}`} (mode ${(directory.mode & 0o7777).toString(8)})`
  if ((directory.mode & STICKY) === 0) {
    return `${shared} and is not sticky, so any of them could replace the file while the token is written; keep the .env in a directory only you can write to`
  }
  if (file.uid !== user.uid) return `${shared}; in a sticky directory only a file of your own is safe from the others, and this one belongs to uid ${file.uid}`
  if (directory.uid !== user.uid && directory.uid !== 0) return `${shared}, and the sticky bit does not bind its owner (uid ${directory.uid}), who could replace the file`
  return null
}

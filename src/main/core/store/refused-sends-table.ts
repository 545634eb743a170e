import type { DatabaseSync, StatementSync } from 'node:sqlite'

export interface RefusedSend {
  profileId: string
  at: number
  /** `message`: the send itself; `upload`: the file a media message was to carry. */
  step: 'message' | 'upload'
  /** Meta's message type (`text`, `template`, `image`, `interactive`, `reaction` …). */
  type: string
  template: string | null
  httpStatus: number
  /** Graph's code; null when the answer was not a Graph error (a proxy's page, an empty 502). */
  code: number | null
  subcode: number | null
  title: string | null
  details: string | null
  fbtraceId: string | null
}

/** Sends Graph answered with an error, so no message (no wamid) exists for them. */
export class RefusedSendsTable {
  private readonly insert: StatementSync

  constructor(db: DatabaseSync) {
    this.insert = db.prepare(
      `INSERT INTO refused_sends (profile_id, at, step, type, template, http_status, code, subcode, title, details, fbtrace_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
  }

  record(refused: RefusedSend): void {
    this.insert.run(
      refused.profileId,
      refused.at,
      refused.step,
      refused.type,
      refused.template,
      refused.httpStatus,
      refused.code,
      refused.subcode,
      refused.title,
      refused.details,
      refused.fbtraceId,
    )
  }
}

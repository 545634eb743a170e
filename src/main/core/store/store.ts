import type { DatabaseSync } from 'node:sqlite'
import { join } from 'node:path'
import { ContactDirectory } from './contact-directory'
import { DATABASE_FILE, openDatabase, transaction } from './database'
import { EnvTargetsTable } from './env-targets-table'
import { ForwardTable } from './forward-table'
import { InboxQueries } from './inbox-queries'
import { MediaTable } from './media-table'
import { OutboundTable } from './outbound-table'
import { ProfilesTable } from './profiles-table'
import { RefreshLogTable } from './refresh-log-table'
import { RefusedSendsTable } from './refused-sends-table'
import { SettingsTable } from './settings-table'
import { StatsQueries } from './stats-queries'
import { WebhookCapture } from './webhook-capture'
import { WalSync } from './wal-sync'
import { WebhookRegistrationsTable } from './webhook-registrations-table'

/** The data dir's SQLite file and the tables on it. Owned by the core; one per process. */
export class Store {
  readonly profiles: ProfilesTable
  readonly settings: SettingsTable
  readonly envTargets: EnvTargetsTable
  /** Which conversation each phone number and BSUID belongs to. */
  readonly contacts: ContactDirectory
  readonly capture: WebhookCapture
  readonly inbox: InboxQueries
  readonly refreshLog: RefreshLogTable
  readonly outbound: OutboundTable
  /** Sends Graph refused at once (no wamid, so no message). */
  readonly refusedSends: RefusedSendsTable
  readonly registrations: WebhookRegistrationsTable
  /** Media messages carry, and which are stored on disk. */
  readonly media: MediaTable
  /** Forward targets and the outbox of deliveries on their way to them. */
  readonly forward: ForwardTable
  /** The aggregates behind the health charts and `switchboard stats`. */
  readonly stats: StatsQueries
  /** Commits that wait for the disk off the event loop (the webhook intake). */
  readonly wal: WalSync

  private constructor(
    readonly db: DatabaseSync,
    /** The SQLite file's path. */
    readonly file: string,
  ) {
    this.profiles = new ProfilesTable(db)
    this.settings = new SettingsTable(db)
    this.envTargets = new EnvTargetsTable(db)
    this.contacts = new ContactDirectory(db)
    this.media = new MediaTable(db)
    this.forward = new ForwardTable(db)
    this.stats = new StatsQueries(db)
    this.capture = new WebhookCapture(db, this.contacts, this.media, this.forward)
    this.inbox = new InboxQueries(db)
    this.refreshLog = new RefreshLogTable(db)
    this.outbound = new OutboundTable(db, this.contacts)
    this.refusedSends = new RefusedSendsTable(db)
    this.registrations = new WebhookRegistrationsTable(db)
    this.wal = new WalSync(db, `${file}-wal`)
  }

  static open(dataDir: string, busyTimeoutMs?: number): Store {
    return new Store(openDatabase(dataDir, busyTimeoutMs), join(dataDir, DATABASE_FILE))
  }

  transaction<T>(fn: () => T): T {
    return transaction(this.db, fn)
  }

  close(): void {
    this.wal.close()
    this.db.close()
  }
}

import type { Migration } from './migration'

/**
 * A customer is a phone number, a business-scoped user ID (BSUID), or both: username users may
 * come without a phone number. A conversation keeps the key it was created with (`contact`: the
 * phone's digits or the BSUID) and `contact_aliases` maps every phone number and BSUID seen for
 * it to that key, so a delivery that names both joins the two and a new BSUID (after a change of
 * number) follows the same conversation.
 *
 * Messages learn edits and deletions: `edit`/`revoke` rows point at the message they change
 * (`target_wamid`) and are not shown in the thread; the changed message keeps its earlier texts
 * in `revisions`. `origin` tells messages sent from the WhatsApp Business app (`business_app`).
 */
export const contactIdentity: Migration = {
  version: 8,
  name: 'contact-identity',
  up: `
    ALTER TABLE contacts RENAME COLUMN wa_id TO contact;
    ALTER TABLE drafts RENAME COLUMN wa_id TO contact;
    ALTER TABLE contacts ADD COLUMN phone TEXT;
    ALTER TABLE contacts ADD COLUMN user_id TEXT;
    ALTER TABLE contacts ADD COLUMN parent_user_id TEXT;
    ALTER TABLE contacts ADD COLUMN username TEXT;
    ALTER TABLE contacts ADD COLUMN marketing TEXT CHECK (marketing IN ('stop', 'resume'));
    ALTER TABLE contacts ADD COLUMN marketing_at INTEGER;
    UPDATE contacts SET phone = contact;

    CREATE TABLE contact_aliases (
      profile_id TEXT NOT NULL,
      alias TEXT NOT NULL,
      contact TEXT NOT NULL,
      PRIMARY KEY (profile_id, alias)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX contact_aliases_by_contact ON contact_aliases (profile_id, contact);
    INSERT INTO contact_aliases (profile_id, alias, contact) SELECT profile_id, contact, contact FROM contacts;

    ALTER TABLE messages ADD COLUMN target_wamid TEXT;
    ALTER TABLE messages ADD COLUMN edited_at INTEGER;
    ALTER TABLE messages ADD COLUMN revoked_at INTEGER;
    ALTER TABLE messages ADD COLUMN revisions TEXT;
    ALTER TABLE messages ADD COLUMN origin TEXT;
    CREATE INDEX messages_by_target ON messages (target_wamid) WHERE target_wamid IS NOT NULL;
  `,
}

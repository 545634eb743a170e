import { z } from 'zod'
import { graphVersion, idField } from '../../credentials'
import { maskedSecret, noInput, profileName } from '../../schemas'
import { call } from '../define'
import { connectionTest } from './token'

export const keychainStatus = z.object({
  state: z.enum(['available', 'unavailable', 'locked', 'denied']),
  message: z.string(),
  fix: z.string().optional(),
})
export type KeychainStatusView = z.infer<typeof keychainStatus>

/** How a secret shows outside main: whether it is set and its masked form, never the value. */
export const secretView = z.object({
  state: z.enum(['set', 'empty', 'unknown']),
  masked: maskedSecret.nullable(),
})
export type SecretView = z.infer<typeof secretView>

export const secretNames = ['appSecret', 'accessToken', 'verifyToken', 'adminToken', 'ngrokAuthtoken'] as const
export type SecretName = (typeof secretNames)[number]

export const profileSettings = z.object({
  phoneNumberId: z.string().nullable(),
  wabaId: z.string().nullable(),
  systemUserId: z.string().nullable(),
  graphVersion: z.string(),
  appSecretProof: z.boolean(),
})

export const profileSummary = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(['meta', 'sandbox']),
  active: z.boolean(),
})
export type ProfileSummary = z.infer<typeof profileSummary>

export const profileView = profileSummary.extend({
  settings: profileSettings,
  /** The app ID is kept with the credentials but is not secret, so it is shown in full. */
  appId: z.string().nullable(),
  secrets: z.object({
    appSecret: secretView,
    accessToken: secretView,
    verifyToken: secretView,
    adminToken: secretView,
    ngrokAuthtoken: secretView,
  }),
  envTargets: z.array(z.object({ path: z.string(), variable: z.string() })),
  /** Set when the keychain could not be read: secrets then show as `unknown`. */
  keychainProblem: keychainStatus.nullable(),
})
export type ProfileView = z.infer<typeof profileView>

export const fieldWarning = z.object({ field: z.string(), message: z.string() })
export type FieldWarning = z.infer<typeof fieldWarning>

const profileId = z.string().min(1).max(64)

/** Omitted: unchanged; a string: replace; null: remove. Secrets are write-only. */
const secretChange = z.string().trim().min(1, 'Empty: leave the field alone, or remove the value').max(4096).nullable().optional()

export const profileChanges = z.strictObject({
  id: profileId,
  settings: z
    .strictObject({
      phoneNumberId: idField.nullable().optional(),
      wabaId: idField.nullable().optional(),
      systemUserId: idField.nullable().optional(),
      graphVersion: graphVersion.optional(),
      appSecretProof: z.boolean().optional(),
    })
    .optional(),
  secrets: z
    .strictObject({
      appId: idField.nullable().optional(),
      appSecret: secretChange,
      accessToken: secretChange,
      verifyToken: secretChange,
      adminToken: secretChange,
      ngrokAuthtoken: secretChange,
    })
    .optional(),
})
export type ProfileChanges = z.input<typeof profileChanges>

export const envPreview = z.object({
  previewId: z.string(),
  source: z.object({ path: z.string().nullable(), fileName: z.string() }),
  recognised: z.array(
    z.object({
      variable: z.string(),
      field: z.string(),
      label: z.string(),
      /** Masked for secrets, in full for IDs and versions. */
      shown: z.string(),
      secret: z.boolean(),
    }),
  ),
  unrecognised: z.array(z.string()),
  problems: z.array(z.string()),
  warnings: z.array(fieldWarning),
  /** The variable that holds the access token: refreshed tokens are written back there. */
  tokenVariable: z.string().nullable(),
})
export type EnvPreview = z.infer<typeof envPreview>

export const profileCalls = {
  'profiles.list': call({
    summary: 'All profiles, the active one, and the keychain state',
    input: noInput,
    result: z.object({ profiles: z.array(profileSummary), activeId: z.string().nullable(), keychain: keychainStatus }),
  }),
  'profiles.find': call({
    summary: 'The profile with this name, or the active one when no name is given (null when there is none)',
    input: z.strictObject({ name: profileName.optional() }),
    result: z.object({ profile: profileView.nullable() }),
  }),
  'profiles.get': call({
    summary: 'One profile with its settings and masked secrets',
    input: z.strictObject({ id: profileId }),
    result: profileView,
  }),
  'profiles.create': call({
    summary: 'Create an empty profile (it becomes active when it is the first)',
    input: z.strictObject({ name: profileName }),
    result: profileView,
  }),
  'profiles.rename': call({
    summary: 'Rename a profile',
    input: z.strictObject({ id: profileId, name: profileName }),
    result: profileView,
  }),
  'profiles.delete': call({
    summary: 'Delete a profile and its keychain entries',
    input: z.strictObject({ id: profileId }),
    result: z.object({ deleted: z.string() }),
  }),
  'profiles.activate': call({
    summary: 'Make a profile the active one',
    input: z.strictObject({ id: profileId }),
    result: profileView,
  }),
  'profiles.save': call({
    summary: 'Change settings and replace or remove secrets (secrets go to the keychain only)',
    input: profileChanges,
    result: z.object({ profile: profileView, warnings: z.array(fieldWarning) }),
  }),
  'profiles.testConnection': call({
    summary: 'Inspect the token (debug_token) and read the phone number, or say which Graph error and why',
    input: z.strictObject({ id: profileId }),
    result: connectionTest,
  }),
  'keychain.status': call({
    summary: 'Whether the OS keychain can be used, and how to fix it when not',
    input: noInput,
    result: keychainStatus,
  }),
  'envImport.preview': call({
    summary: 'Read a .env file (by path, or its content) and show, masked, what would be imported',
    input: z.union([
      z.strictObject({ path: z.string().min(1).max(4096) }),
      z.strictObject({ content: z.string().max(256 * 1024), fileName: z.string().max(255) }),
    ]),
    result: envPreview,
  }),
  'envImport.apply': call({
    summary: 'Save a previewed .env import into a profile (new or existing)',
    input: z.strictObject({
      previewId: z.string().min(1).max(64),
      target: z.union([z.strictObject({ profileId }), z.strictObject({ newProfileName: profileName })]),
      rememberAsSyncTarget: z.boolean(),
    }),
    result: profileView,
  }),
}

import type { ProfileChanges } from '@shared/contract'
import { exitCodes, UsageError, type Command, type OptionSpec } from '../command'
import { formatPreview, formatProfile } from '../format'
import { withCore } from '../open-core'
import { existingProfile, profileNamed, profileOrNew } from '../profile-target'
import { confirm, readSecrets } from '../prompt'
import { stringOption } from '../options'

const secretFlags = {
  'app-secret': { key: 'appSecret', label: 'App secret' },
  'access-token': { key: 'accessToken', label: 'Access token' },
  'verify-token': { key: 'verifyToken', label: 'Verify token' },
  'admin-token': { key: 'adminToken', label: 'System-user admin token' },
  'ngrok-authtoken': { key: 'ngrokAuthtoken', label: 'ngrok authtoken' },
} as const
type SecretFlag = keyof typeof secretFlags

const settingFlags: Record<string, OptionSpec> = {
  'app-id': { type: 'string', valueName: 'ID', description: 'App ID (digits)' },
  'phone-number-id': { type: 'string', valueName: 'ID', description: 'Phone number ID (digits)' },
  'waba-id': { type: 'string', valueName: 'ID', description: 'WhatsApp Business Account ID (digits)' },
  'system-user-id': { type: 'string', valueName: 'ID', description: 'System user ID (digits), for minting new tokens' },
  'graph-version': { type: 'string', valueName: 'vNN.0', description: 'Graph API version (default v25.0)' },
  'appsecret-proof': { type: 'string', valueName: 'on|off', description: 'Send appsecret_proof with every Graph call' },
}

function secretList(values: unknown, flag: string): SecretFlag[] {
  const list = Array.isArray(values) ? (values as string[]) : []
  for (const name of list) {
    if (!(name in secretFlags)) throw new UsageError(`--${flag} takes one of ${Object.keys(secretFlags).join(', ')}, not "${name}"`)
  }
  return list as SecretFlag[]
}

export const credentialsShowCommand: Command = {
  name: 'credentials show',
  summary: 'Show a profile\'s credentials, secrets masked',
  options: { json: { type: 'boolean', description: 'Print the profile as JSON (secrets masked)' } },
  async run(run) {
    return withCore(run, async (core) => {
      const profile = await existingProfile(core, run)
      run.io.stdout.write(run.values.json ? JSON.stringify(profile, null, 2) + '\n' : formatProfile(profile))
      return exitCodes.ok
    })
  },
}

export const credentialsSetCommand: Command = {
  name: 'credentials set',
  summary: 'Set a profile\'s IDs and secrets (secrets are read from stdin or a prompt, never from arguments)',
  options: {
    ...settingFlags,
    read: { type: 'string', multiple: true, valueName: 'SECRET', description: `Read this secret from stdin: ${Object.keys(secretFlags).join(', ')}` },
    clear: { type: 'string', multiple: true, valueName: 'SECRET', description: 'Remove this secret from the keychain' },
  },
  details: `
Creates the profile named by --profile when it does not exist (or "default" when there is none).
Examples:
  printf '%s\\n' "$TOKEN" | switchboard credentials set --profile production --read access-token
  switchboard credentials set --phone-number-id 1234567890 --waba-id 9876543210 --read app-secret`,
  async run(run) {
    const read = secretList(run.values.read, 'read')
    const clear = secretList(run.values.clear, 'clear')
    const proof = stringOption(run.values['appsecret-proof'])
    if (proof !== undefined && proof !== 'on' && proof !== 'off') throw new UsageError('--appsecret-proof takes on or off')
    const values = await readSecrets(run.io, read.map((flag) => secretFlags[flag].label))
    return withCore(run, async (core) => {
      const target = await profileOrNew(core, run)
      const secrets: NonNullable<ProfileChanges['secrets']> = {}
      read.forEach((flag, index) => (secrets[secretFlags[flag].key] = values[index]!))
      for (const flag of clear) secrets[secretFlags[flag].key] = null
      const appId = stringOption(run.values['app-id'])
      if (appId !== undefined) secrets.appId = appId
      const settings: NonNullable<ProfileChanges['settings']> = {}
      const phone = stringOption(run.values['phone-number-id'])
      const waba = stringOption(run.values['waba-id'])
      const systemUser = stringOption(run.values['system-user-id'])
      const version = stringOption(run.values['graph-version'])
      if (phone !== undefined) settings.phoneNumberId = phone
      if (waba !== undefined) settings.wabaId = waba
      if (systemUser !== undefined) settings.systemUserId = systemUser
      if (version !== undefined) settings.graphVersion = version
      if (proof !== undefined) settings.appSecretProof = proof === 'on'
      const result = await core.call('profiles.save', { id: target.id, settings, secrets })
      for (const warning of result.warnings) run.io.stderr.write(`warning: ${warning.message}\n`)
      run.io.stdout.write(`${target.created ? 'Created' : 'Saved'} profile ${result.profile.name}.\n`)
      return exitCodes.ok
    })
  },
}

export const credentialsImportEnvCommand: Command = {
  name: 'credentials import-env',
  summary: 'Import credentials from an existing .env file (shows a masked preview first)',
  args: [{ name: 'FILE', description: 'The .env file of your WhatsApp integration' }],
  options: {
    yes: { type: 'boolean', description: 'Import without asking (needed when stdin is not a terminal)' },
    'no-sync': { type: 'boolean', description: 'Do not write refreshed tokens back to this file' },
  },
  async run(run) {
    return withCore(run, async (core) => {
      const preview = await core.call('envImport.preview', { path: run.positionals[0]! })
      run.io.stdout.write(formatPreview(preview))
      if (preview.recognised.length === 0) return exitCodes.failure
      const name = stringOption(run.values.profile)
      const existing = await profileNamed(core, run)
      const label = existing ? `profile ${existing.name}` : `a new profile "${name ?? 'default'}"`
      if (!(await confirm(run.io, `Import into ${label}?`, run.values.yes === true))) {
        run.io.stdout.write('Nothing imported.\n')
        return exitCodes.failure
      }
      const profile = await core.call('envImport.apply', {
        previewId: preview.previewId,
        target: existing ? { profileId: existing.id } : { newProfileName: name ?? 'default' },
        rememberAsSyncTarget: run.values['no-sync'] !== true,
      })
      run.io.stdout.write(`Imported into profile ${profile.name}.\n`)
      return exitCodes.ok
    })
  },
}

export const credentialsDeleteCommand: Command = {
  name: 'credentials delete',
  summary: 'Delete a profile and its keychain entries',
  options: { yes: { type: 'boolean', description: 'Delete without asking' } },
  async run(run) {
    return withCore(run, async (core) => {
      const profile = await existingProfile(core, run)
      if (!(await confirm(run.io, `Delete profile ${profile.name} and its keychain entries?`, run.values.yes === true))) {
        run.io.stdout.write('Nothing deleted.\n')
        return exitCodes.failure
      }
      await core.call('profiles.delete', { id: profile.id })
      run.io.stdout.write(`Deleted profile ${profile.name}.\n`)
      return exitCodes.ok
    })
  },
}

import { SwitchboardError, type EnvPreview, type ProfileChanges } from '@shared/contract'
import { accessTokenWarning, appSecretWarning, graphVersion, idField } from '@shared/credentials'
import type { Clock } from '../clock'
import { mask } from '../log'
import type { ProfileService } from '../profiles'
import type { Store } from '../store'
import { PendingImports } from './previews'
import { parseEnv, readEnvFile } from './read'
import { envFields, recognise, type Recognised } from './recognise'

export type EnvSource = { path: string } | { content: string; fileName: string }

/** .env import: parse, show a masked preview, and save only when the operator confirms. */
export class EnvImportService {
  private readonly pending: PendingImports

  constructor(
    private readonly profiles: ProfileService,
    private readonly store: Store,
    private readonly clock: Clock,
  ) {
    this.pending = new PendingImports(clock)
  }

  preview(source: EnvSource): EnvPreview {
    const file = 'path' in source ? readEnvFile(source.path) : { path: null, fileName: source.fileName || '.env', variables: parseEnv(source.content) }
    const { recognised, unrecognised, problems } = recognise(file.variables)
    const warnings: EnvPreview['warnings'] = []
    const valid: Recognised[] = []
    for (const item of recognised) {
      const problem = validate(item)
      if (problem) problems.push(`${item.variable}: ${problem}; it will not be imported`)
      else valid.push(item)
      const warning = item.field === 'accessToken' ? accessTokenWarning(item.value) : item.field === 'appSecret' ? appSecretWarning(item.value) : null
      if (warning) warnings.push({ field: item.field, message: `${item.variable}: ${warning}` })
    }
    if (valid.length === 0) problems.push('No WhatsApp credentials were recognised in this file')
    const pending = this.pending.add({ path: file.path, fileName: file.fileName, recognised: valid })
    const token = valid.find((item) => item.field === 'accessToken')
    return {
      previewId: pending.id,
      source: { path: file.path, fileName: file.fileName },
      recognised: valid.map((item) => ({
        variable: item.variable,
        field: item.field,
        label: envFields[item.field].label,
        shown: envFields[item.field].secret ? mask(item.value) : item.value,
        secret: envFields[item.field].secret,
      })),
      unrecognised,
      problems,
      warnings,
      tokenVariable: token?.variable ?? null,
    }
  }

  /** Saves a confirmed preview into a profile; returns the profile's id. */
  async apply(previewId: string, target: { profileId: string } | { newProfileName: string }, remember: boolean): Promise<string> {
    const pending = this.pending.take(previewId)
    if (!pending) {
      throw new SwitchboardError({ code: 'not_found', message: 'This import preview has expired or was already used', fix: 'Open the file again' })
    }
    const value = (field: string) => pending.recognised.find((item) => item.field === field)?.value
    const changes: ProfileChanges = {
      id: '',
      settings: {
        ...(value('phoneNumberId') ? { phoneNumberId: value('phoneNumberId') } : {}),
        ...(value('wabaId') ? { wabaId: value('wabaId') } : {}),
        ...(value('systemUserId') ? { systemUserId: value('systemUserId') } : {}),
        ...(value('graphVersion') ? { graphVersion: value('graphVersion') } : {}),
      },
      secrets: {
        ...(value('appId') ? { appId: value('appId') } : {}),
        ...(value('appSecret') ? { appSecret: value('appSecret') } : {}),
        ...(value('accessToken') ? { accessToken: value('accessToken') } : {}),
        ...(value('verifyToken') ? { verifyToken: value('verifyToken') } : {}),
        ...(value('adminToken') ? { adminToken: value('adminToken') } : {}),
        ...(value('ngrokAuthtoken') ? { ngrokAuthtoken: value('ngrokAuthtoken') } : {}),
      },
    }
    // Check the keychain before creating anything, so a failed import leaves no empty profile behind.
    await this.profiles.ensureKeychain()
    const created = 'newProfileName' in target ? this.profiles.create(target.newProfileName) : undefined
    const profileId = created?.id ?? ('profileId' in target ? target.profileId : '')
    try {
      await this.profiles.save({ ...changes, id: profileId })
    } catch (error) {
      // A new profile whose secrets could not be stored is not left behind half-made.
      if (created) await this.profiles.delete(created.id).catch(() => this.store.profiles.delete(created.id))
      throw error
    }
    const tokenVariable = pending.recognised.find((item) => item.field === 'accessToken')?.variable
    if (remember && pending.path && tokenVariable) {
      this.store.envTargets.upsert({ profileId, path: pending.path, variable: tokenVariable, addedAt: this.clock.now() })
    }
    return profileId
  }
}

function validate(item: Recognised): string | null {
  if (item.field === 'phoneNumberId' || item.field === 'wabaId' || item.field === 'appId' || item.field === 'systemUserId') {
    return idField.safeParse(item.value).success ? null : 'IDs are digits only'
  }
  if (item.field === 'graphVersion') return graphVersion.safeParse(item.value).success ? null : 'versions look like v25.0'
  return null
}

import type { EnvPreview, ProfileView, SecretView } from '@shared/contract'

function secret(view: SecretView): string {
  if (view.state === 'unknown') return '(keychain not readable)'
  return view.masked ?? '(not set)'
}

function table(rows: [string, string][]): string {
  const width = Math.max(...rows.map(([label]) => label.length))
  return rows.map(([label, value]) => `  ${label.padEnd(width)}  ${value}`).join('\n')
}

export function formatProfile(profile: ProfileView): string {
  const s = profile.settings
  const lines = [
    `Profile: ${profile.name}${profile.active ? ' (active)' : ''}${profile.kind === 'sandbox' ? ' [sandbox]' : ''}`,
    table([
      ['App ID', profile.appId ?? (profile.keychainProblem ? '(keychain not readable)' : '(not set)')],
      ['App secret', secret(profile.secrets.appSecret)],
      ['Access token', secret(profile.secrets.accessToken)],
      ['Verify token', secret(profile.secrets.verifyToken)],
      ['Admin token', secret(profile.secrets.adminToken)],
      ['ngrok authtoken', secret(profile.secrets.ngrokAuthtoken)],
      ['Phone number ID', s.phoneNumberId ?? '(not set)'],
      ['WABA ID', s.wabaId ?? '(not set)'],
      ['System user ID', s.systemUserId ?? '(not set)'],
      ['Graph API version', s.graphVersion],
      ['appsecret_proof', s.appSecretProof ? 'on' : 'off'],
      ...profile.envTargets.map((t): [string, string] => ['.env sync', `${t.path} (${t.variable})`]),
    ]),
  ]
  if (profile.keychainProblem) lines.push(`Keychain: ${profile.keychainProblem.message}. ${profile.keychainProblem.fix ?? ''}`.trim())
  return lines.join('\n') + '\n'
}

export function formatPreview(preview: EnvPreview): string {
  const lines = [`From ${preview.source.path ?? preview.source.fileName}:`]
  if (preview.recognised.length) {
    lines.push(table(preview.recognised.map((item): [string, string] => [item.label, `${item.shown}   (${item.variable})`])))
  }
  if (preview.unrecognised.length) lines.push(`Not recognised (left alone): ${preview.unrecognised.join(', ')}`)
  for (const problem of preview.problems) lines.push(`Problem: ${problem}`)
  for (const warning of preview.warnings) lines.push(`Warning: ${warning.message}`)
  return lines.join('\n') + '\n'
}

import { useProfiles } from '../../stores'

/** The keychain's state, always visible on the Settings screen; loud only when it needs action. */
export function KeychainState() {
  const keychain = useProfiles((s) => s.keychain)
  if (!keychain) return null
  if (keychain.state === 'available') {
    return (
      <span className="keychain-state keychain-state--ok" data-testid="keychain-state">
        <span className="dot" aria-hidden="true" /> OS keychain available
      </span>
    )
  }
  return (
    <div className="banner banner--danger" role="alert" data-testid="keychain-state">
      <strong>{keychain.message}.</strong> Secrets cannot be saved until this is fixed: {keychain.fix}
    </div>
  )
}

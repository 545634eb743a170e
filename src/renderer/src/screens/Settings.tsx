import { EmptyState, ScreenHeader } from '../components'

export function Settings() {
  return (
    <>
      <ScreenHeader title="Settings" />
      <EmptyState title="No profiles yet">
        <p>
          A profile holds one WhatsApp integration: app ID, app secret, access token, verify token, phone number ID
          and WhatsApp Business Account ID. Secrets are kept in the OS keychain, never on disk.
        </p>
        <p>Create a profile, or import the values from your integration&apos;s existing .env file.</p>
      </EmptyState>
    </>
  )
}

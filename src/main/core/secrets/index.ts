export { keytarKeychain, KEYCHAIN_SERVICE, type Keychain } from './keychain'
export { Vault, type KeychainStatus } from './vault'
export { diagnoseKeychainError, type KeychainState } from './keychain-errors'
export { secretFields, unmaskedFields, accountFor, type SecretField, type ProfileSecrets } from './secret-fields'

export { EnvImportService, type EnvSource } from './import-service'
export { parseEnv, readEnvFile } from './read'
export { recognise, envFields, type EnvField } from './recognise'
export { envImportHandlers } from './handlers'

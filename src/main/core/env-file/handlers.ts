import type { Handlers } from '../dispatch'
import type { ProfileService } from '../profiles'
import type { EnvImportService } from './import-service'

export function envImportHandlers(envImport: EnvImportService, profiles: ProfileService): Pick<Handlers, 'envImport.preview' | 'envImport.apply'> {
  return {
    'envImport.preview': (source) => envImport.preview(source),
    'envImport.apply': async ({ previewId, target, rememberAsSyncTarget }) =>
      profiles.view(await envImport.apply(previewId, target, rememberAsSyncTarget)),
  }
}

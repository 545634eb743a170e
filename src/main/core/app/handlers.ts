import type { Handlers } from '../dispatch'
import type { CoreContext } from '../context'
import type { ProfileService } from '../profiles'

export function appHandlers(ctx: CoreContext, profiles: ProfileService): Pick<Handlers, 'app.info'> {
  return {
    'app.info': () => ({
      name: 'Switchboard',
      version: ctx.config.version,
      shell: ctx.config.shell,
      platform: `${process.platform}-${process.arch}`,
      runtime: process.versions.electron ? `Electron ${process.versions.electron}` : `Node ${process.versions.node}`,
      dataDir: ctx.config.dataDir,
      profile: profiles.active()?.name ?? null,
      graphBaseUrl: ctx.config.graphBaseUrl,
      sandbox: ctx.config.sandbox,
      startedAt: ctx.startedAt,
    }),
  }
}

import type { Handlers } from '../dispatch'
import type { CoreContext } from '../context'
import { DEFAULT_GRAPH_BASE_URL } from './graph-base-url'
import type { ProfileService } from '../profiles'
import type { Store } from '../store'
import { AppSettingsService } from './settings'

/** `sandbox` is true when the active profile talks to the built-in simulator rather than Meta. */
export function appHandlers(
  ctx: CoreContext,
  profiles: ProfileService,
  sandboxUrl: () => string | null,
  store: Pick<Store, 'settings'>,
): Pick<Handlers, 'app.info' | 'app.settings' | 'app.setSettings'> {
  const settings = new AppSettingsService({ store, loginItem: ctx.config.loginItem })
  return {
    'app.settings': () => settings.view(),
    'app.setSettings': (change) => settings.update(change),
    'app.info': () => ({
      name: 'Switchboard',
      version: ctx.config.version,
      shell: ctx.config.shell,
      platform: `${process.platform}-${process.arch}`,
      runtime: process.versions.electron ? `Electron ${process.versions.electron}` : `Node ${process.versions.node}`,
      dataDir: ctx.config.dataDir,
      profile: profiles.active()?.name ?? null,
      graphBaseUrl: profiles.active()?.kind === 'sandbox' ? (sandboxUrl() ?? ctx.config.graphBaseUrl) : ctx.config.graphBaseUrl,
      customGraphBaseUrl: ctx.config.graphBaseUrl === DEFAULT_GRAPH_BASE_URL ? null : ctx.config.graphBaseUrl,
      sandbox: profiles.active()?.kind === 'sandbox',
      startedAt: ctx.startedAt,
    }),
  }
}

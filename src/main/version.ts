import packageJson from '../../package.json' with { type: 'json' }

/** The app's version, from package.json at build time (Electron's `app.getVersion()` agrees). */
export const version: string = packageJson.version

import type { MenuItemConstructorOptions } from 'electron'

/**
 * The application menu. Electron's default one has View › Reload, Force Reload and Toggle
 * Developer Tools (Ctrl+Shift+I / Alt+Cmd+I) even in a packaged app; this one offers them only in
 * development. Copy, paste and select-all keep working through the Edit roles, and Quit goes
 * through app.quit() like every other way out.
 */
export function applicationMenuTemplate(platform: NodeJS.Platform, isPackaged: boolean): MenuItemConstructorOptions[] {
  const development: MenuItemConstructorOptions[] = isPackaged ? [] : [{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, { type: 'separator' }]
  return [
    ...(platform === 'darwin' ? [{ role: 'appMenu' } as const] : []),
    { role: 'fileMenu' },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [...development, { role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' }],
    },
    { role: 'windowMenu' },
  ]
}

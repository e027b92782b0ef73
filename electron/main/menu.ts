import type { MenuItemConstructorOptions } from 'electron';
import type { MenuAction } from '../../src/shared/ipc';

/** The application menu; actions go to the renderer through `send`. Pure, so it is unit-tested. */
export function buildMenuTemplate(
  send: (action: MenuAction) => void,
  isMac: boolean,
): MenuItemConstructorOptions[] {
  const file: MenuItemConstructorOptions = {
    label: 'File',
    submenu: [
      { label: 'Import backup...', accelerator: 'CmdOrCtrl+O', click: () => send('import-backup') },
      { label: 'Export backup...', accelerator: 'CmdOrCtrl+S', click: () => send('export-backup') },
      { type: 'separator' },
      { label: 'Import orders...', accelerator: 'CmdOrCtrl+I', click: () => send('import-orders') },
      { type: 'separator' },
      isMac ? { role: 'close' } : { role: 'quit', label: 'Quit' },
    ],
  };
  const template: MenuItemConstructorOptions[] = [
    file,
    { label: 'Edit', role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        { role: 'reload' },
        { role: 'toggleDevTools' },
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { label: 'Help', submenu: [{ label: 'About Pawtners', click: () => send('about') }] },
  ];
  if (isMac) template.unshift({ role: 'appMenu' });
  return template;
}

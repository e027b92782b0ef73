import type { MenuItemConstructorOptions } from 'electron';
import type { MenuAction } from '../../src/shared/ipc';

/**
 * Edit menu. Undo and Redo go to the renderer, which picks the text field's own undo or the app's
 * history (src/hooks/useUndoKeys.ts): with the built-in roles, Cmd+Z on a Mac would reach only
 * the text undo and never the app's history of edits.
 */
function edit(send: (action: MenuAction) => void, isMac: boolean): MenuItemConstructorOptions {
  return {
    label: 'Edit',
    submenu: [
      { label: 'Undo', accelerator: 'CmdOrCtrl+Z', click: () => send('undo') },
      {
        label: 'Redo',
        accelerator: isMac ? 'Shift+Cmd+Z' : 'Ctrl+Y',
        click: () => send('redo'),
      },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
    ],
  };
}

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
    edit(send, isMac),
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

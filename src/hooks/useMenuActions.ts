import { useEffect } from 'react';
import { navigate } from '../navigation/router';
import { onMenu } from '../platform/bridge';
import { useUi } from '../store/ui';
import { runMenuStep } from './useUndoKeys';

/**
 * Application-menu actions (Electron). Each one routes to the screen that owns it and passes the
 * request along as a `pawtners:menu` window event that the screen listens for.
 */
export function useMenuActions(): void {
  useEffect(
    () =>
      onMenu((action) => {
        if (action === 'undo' || action === 'redo') {
          runMenuStep(action);
          return;
        }
        if (action === 'about') {
          useUi
            .getState()
            .showToast({ message: 'Pawtners: partnerships for pet brands, offline.' });
          return;
        }
        navigate(action === 'import-orders' ? 'sales' : 'settings');
        // Let the screen mount before it hears the request.
        setTimeout(
          () => window.dispatchEvent(new CustomEvent('pawtners:menu', { detail: action })),
          50,
        );
      }),
    [],
  );
}

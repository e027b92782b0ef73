import { Bell } from 'lucide-react';
import { useState } from 'react';
import { Card } from '../../components/ui';
import { getDb } from '../../db/db';
import { saveErrorMessage } from '../../db/errors';
import { saveSettings } from '../../db/repo';
import { useSettings } from '../../hooks/data';
import { isDesktop } from '../../platform/bridge';

/**
 * Settings > Reminders: the Reminders list is always in the sidebar; the desktop app can also
 * show them as notifications, only when the owner turns that on (off at first).
 */
export function RemindersCard() {
  const settings = useSettings();
  const [picked, setPicked] = useState<boolean | null>(null);
  const [error, setError] = useState<string | null>(null);
  const on = picked ?? settings.desktopReminders;
  const toggle = async (value: boolean) => {
    setPicked(value);
    setError(null);
    try {
      await saveSettings(getDb(), { desktopReminders: value });
    } catch (e) {
      setPicked(null);
      setError(`Not saved: ${saveErrorMessage(e)}`);
    }
  };
  return (
    <Card
      title={
        <>
          <Bell size={18} aria-hidden="true" /> Reminders
        </>
      }
      className="mt"
    >
      <p className="muted">
        Content due tomorrow or overdue, and partners you owe money, are listed under Reminders in
        the sidebar.
      </p>
      {isDesktop ? (
        <label className="check">
          <input type="checkbox" checked={on} onChange={(e) => void toggle(e.target.checked)} />
          Also show them as desktop notifications (once a day each, while Pawtners is open)
        </label>
      ) : (
        <p className="muted small">
          Desktop notifications come with the desktop app; in a browser the Reminders list is where
          they are.
        </p>
      )}
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : null}
    </Card>
  );
}

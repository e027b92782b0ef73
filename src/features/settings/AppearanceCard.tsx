import { ImagePlus, Trash2 } from 'lucide-react';
import { useId, useState } from 'react';
import { Card, ErrorPanel } from '../../components/ui';
import { getDb } from '../../db/db';
import { saveSettings } from '../../db/repo';
import { settingsSchema, type Settings } from '../../domain/schemas';
import { useSettings } from '../../hooks/data';

const THEMES: { value: Settings['theme']; label: string }[] = [
  { value: 'system', label: 'Follow the system' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
];

/** Largest logo file accepted, in bytes (its data URL stays within the settings rule). */
const MAX_LOGO_BYTES = 200_000;

function readAsDataUrl(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('could not read the file'));
    reader.readAsDataURL(file);
  });
}

/** Whether the browser can draw the image (a file named .png may hold anything). */
async function decodes(url: string): Promise<boolean> {
  const img = new Image();
  img.src = url;
  try {
    await img.decode();
    return true;
  } catch {
    return false;
  }
}

/** Settings > Appearance: theme (applies at once) and the logo shown on the infographic. */
export function AppearanceCard() {
  const settings = useSettings();
  const groupId = useId();
  const [error, setError] = useState<string | null>(null);
  // The radio shows the owner's pick from the click on, until the settings read back were stored
  // since the pick (this save or a later one). Dropping the pick when the save resolved showed
  // the old choice for a moment: the live read of the settings comes a little after the write.
  const [picked, setPicked] = useState<{ theme: Settings['theme']; at: number } | null>(null);
  const pending = picked !== null && settings.updatedAt < picked.at ? picked.theme : null;
  const theme = pending ?? settings.theme ?? 'system';

  /** Store `patch`; false when it could not be (the error is shown). */
  const save = async (patch: Partial<Settings>): Promise<boolean> => {
    setError(null);
    try {
      await saveSettings(getDb(), patch);
      return true;
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      return false;
    }
  };
  const pickTheme = (value: Settings['theme']) => {
    const pick = { theme: value, at: Date.now() };
    setPicked(pick);
    // Not stored: the radio goes back to the stored choice (unless the owner picked again).
    void save({ theme: value }).then((ok) => {
      if (!ok) setPicked((p) => (p === pick ? null : p));
    });
  };

  const pickLogo = async (file: File | undefined) => {
    if (!file) return;
    if (file.size > MAX_LOGO_BYTES) {
      setError(
        `${file.name} is ${Math.round(file.size / 1000)} kB; the logo must be under 200 kB.`,
      );
      return;
    }
    const url = await readAsDataUrl(file);
    const checked = settingsSchema.shape.logoDataUrl.safeParse(url);
    if (!checked.success || !(await decodes(url))) {
      setError(`${file.name} is not a PNG, JPEG or SVG image.`);
      return;
    }
    await save({ logoDataUrl: url });
  };

  return (
    <Card title="Appearance" className="mt">
      <fieldset className="appearance-themes">
        <legend id={groupId}>Theme</legend>
        {THEMES.map((t) => (
          <label key={t.value} className="check">
            <input
              type="radio"
              name="theme"
              value={t.value}
              checked={theme === t.value}
              onChange={() => pickTheme(t.value)}
            />
            {t.label}
          </label>
        ))}
      </fieldset>
      <div className="appearance-logo">
        <div>
          <strong>Logo</strong>
          <p className="hint">Shown on the infographic. PNG, JPEG or SVG, under 200 kB.</p>
        </div>
        {settings.logoDataUrl ? (
          <img src={settings.logoDataUrl} alt="Your logo" className="appearance-logo-img" />
        ) : null}
        <label className="btn">
          <ImagePlus size={16} aria-hidden="true" />{' '}
          {settings.logoDataUrl ? 'Change logo' : 'Add logo'}
          <input
            type="file"
            accept="image/png,image/jpeg,image/svg+xml"
            className="sr-only"
            onChange={(e) => {
              void pickLogo(e.target.files?.[0]);
              e.target.value = '';
            }}
          />
        </label>
        {settings.logoDataUrl ? (
          <button type="button" className="btn" onClick={() => void save({ logoDataUrl: '' })}>
            <Trash2 size={16} aria-hidden="true" /> Remove logo
          </button>
        ) : null}
      </div>
      {error ? <ErrorPanel title="Not saved">{error}</ErrorPanel> : null}
    </Card>
  );
}

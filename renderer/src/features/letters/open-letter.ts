import { api, isDesktop } from '../../api/client';
import { downloadBase64 } from '../../components/files';

/** Saves a letter's Word file as a download. */
export async function downloadLetter(letterId: number): Promise<void> {
  const file = await api('letters.file', { id: letterId });
  downloadBase64(file.fileName, file.contentBase64);
}

/** Opens a letter in Word (desktop) or downloads it (browser). */
export async function openLetter(letterId: number): Promise<void> {
  if (isDesktop() && (await api('letters.open', { id: letterId })).opened) return;
  await downloadLetter(letterId);
}

/** What the button that calls `openLetter` says. */
export function openLetterLabel(): string {
  return isDesktop() ? 'In Word öffnen' : 'Herunterladen';
}

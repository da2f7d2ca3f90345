import { Button, Caption1, Link, makeStyles, Text, tokens } from '@fluentui/react-components';
import { LETTER_STATUS_LABELS, type JubileeEntry, type JubileeNotification } from '../../../../core/api';
import { germanDate } from '../../components/format';
import { OverdueBadge } from './OverdueBadge';

const useStyles = makeStyles({
  stack: { display: 'grid', gap: '2px', justifyItems: 'start' },
  group: { display: 'grid', gap: '2px', justifyItems: 'start', paddingBottom: tokens.spacingVerticalXS },
  line: { display: 'flex', gap: tokens.spacingHorizontalXS, flexWrap: 'wrap', alignItems: 'center' },
  muted: { color: tokens.colorNeutralForeground3 },
  sent: { color: tokens.colorPaletteGreenForeground1 },
});

export const NOTIFICATION_LABELS: Record<JubileeNotification['action'], string> = {
  notify_federal: 'Meldung Bundespräsident',
  notify_land: 'Meldung Land NRW',
};

/** "27.11.2026" of an instant, in Duisburg's time zone. */
export const dayOf = (at: string) =>
  new Intl.DateTimeFormat('de-DE', { timeZone: 'Europe/Berlin', day: '2-digit', month: '2-digit', year: 'numeric' }).format(new Date(at));


/** "den 90. Geburtstag", "die Diamantene Hochzeit". */
export const jubileeWithArticle = (entry: Pick<JubileeEntry, 'kind' | 'label'>) => `${/Hochzeit$/.test(entry.label) ? 'die' : 'den'} ${entry.label}`;

/** "Brief vom 27.11.2026 (Entwurf)". */
export const letterName = (letter: JubileeEntry['letters'][number]) => `Brief vom ${germanDate(letter.letterDate)} (${LETTER_STATUS_LABELS[letter.status]})`;

/**
 * The letters of a jubilee (each opens in the Postausgang) or "noch kein Brief"; writing one
 * where none exists, or writing again (an explicit choice) where one does.
 */
export function LetterCell({
  entry,
  disabled,
  onOpen,
  onWrite,
  onWriteAgain,
}: {
  entry: JubileeEntry;
  disabled: boolean;
  onOpen: (letterId: number) => void;
  onWrite: (entry: JubileeEntry) => void;
  onWriteAgain: (entry: JubileeEntry) => void;
}) {
  const styles = useStyles();
  const due = entry.due.some((d) => d.action === 'letter');
  if (!due && entry.letters.length === 0) return null;
  return (
    <div className={styles.stack}>
      {entry.letters.map((letter) => (
        <Link key={letter.id} as="button" onClick={() => onOpen(letter.id)} title="Im Postausgang öffnen">
          {letterName(letter)}
        </Link>
      ))}
      {entry.letters.length === 0 ? (
        <>
          <Text className={styles.muted}>noch kein Brief</Text>
          <Button size="small" disabled={disabled} onClick={() => onWrite(entry)}>
            Brief erstellen
          </Button>
        </>
      ) : (
        due && (
          <Button size="small" disabled={disabled} onClick={() => onWriteAgain(entry)}>
            Erneut erstellen …
          </Button>
        )
      )}
    </div>
  );
}

/** The notifications of a jubilee: deadline, overdue, produced (who, when), sent — and marking it sent. */
export function NotificationsCell({
  entry,
  disabled,
  onMark,
}: {
  entry: JubileeEntry;
  disabled: boolean;
  onMark: (entry: JubileeEntry, action: JubileeNotification['action'], sent: boolean) => void;
}) {
  const styles = useStyles();
  return (
    <div className={styles.stack}>
      {entry.notifications.map((n) => (
        <div key={n.action} role="group" aria-label={NOTIFICATION_LABELS[n.action]} className={styles.group}>
          <span className={styles.line}>
            <Text>
              {NOTIFICATION_LABELS[n.action]} bis {germanDate(n.by)}
            </Text>
            {n.overdue && <OverdueBadge />}
          </span>
          {n.produced && (
            <Caption1 className={styles.muted} title={new Date(n.produced.at).toLocaleString('de-DE')}>
              Liste erstellt am {dayOf(n.produced.at)} von {n.produced.user}
            </Caption1>
          )}
          {n.sent ? (
            <span className={styles.line}>
              <Caption1 className={styles.sent} title={new Date(n.sent.at).toLocaleString('de-DE')}>
                versandt am {dayOf(n.sent.at)} von {n.sent.user}
              </Caption1>
              <Button size="small" appearance="subtle" disabled={disabled} onClick={() => onMark(entry, n.action, false)}>
                Versand zurücknehmen
              </Button>
            </span>
          ) : (
            <Button size="small" disabled={disabled} onClick={() => onMark(entry, n.action, true)}>
              Als versandt vermerken
            </Button>
          )}
        </div>
      ))}
    </div>
  );
}

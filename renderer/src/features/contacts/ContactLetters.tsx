import { makeStyles, Text, tokens } from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import { LETTER_STATUS_LABELS } from '../../../../core/api';
import { api } from '../../api/client';
import { germanDate } from '../../components/format';

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, fontSize: tokens.fontSizeBase200 },
  muted: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

/** The contact's correspondence: "was this club congratulated at its 50th?" */
export function ContactLetters({ contactId }: { contactId: number }) {
  const styles = useStyles();
  const letters = useQuery({ queryKey: ['letters.list', 'contact', contactId], queryFn: () => api('letters.list', { contactId, limit: 50 }) });
  if (!letters.data) return null;
  return (
    <section aria-label="Schriftverkehr">
      <Text weight="semibold">Schriftverkehr</Text>
      {letters.data.items.length === 0 ? (
        <p className={styles.muted}>Noch keine Briefe an diesen Kontakt.</p>
      ) : (
        <ul className={styles.list}>
          {letters.data.items.map((l) => (
            <li key={l.id}>
              {germanDate(l.letterDate)}: {l.subject} ({[l.kindLabel, LETTER_STATUS_LABELS[l.status]].join(', ')})
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

import { useEffect, useState } from 'react';
import { makeStyles, Text, tokens } from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import { SPEECH_KIND_LABELS } from '../../../../core/api';
import { api } from '../../api/client';
import { germanDate } from '../../components/format';

const useStyles = makeStyles({
  box: { display: 'grid', gap: '2px' },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'grid', gap: '2px' },
  muted: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

/**
 * Background material: the speeches already written for the same audience (full-text search
 * over titles, audiences and texts), best matches first — what was said to them before.
 */
export function EarlierSpeeches({ audience, currentId }: { audience: string; currentId: number | null }) {
  const styles = useStyles();
  const [settled, setSettled] = useState(audience.trim());
  useEffect(() => {
    const timer = setTimeout(() => setSettled(audience.trim()), 400);
    return () => clearTimeout(timer);
  }, [audience]);
  const found = useQuery({
    queryKey: ['speeches.search', settled, 'audience'],
    queryFn: () => api('speeches.search', { text: settled, limit: 20 }),
    enabled: settled.length >= 3,
  });
  const earlier = (found.data?.speeches ?? []).filter((s) => s.id !== currentId).slice(0, 5);
  if (!earlier.length) return null;
  return (
    <section className={styles.box} aria-label="Frühere Reden vor diesem Publikum">
      <Text weight="semibold">Frühere Reden vor diesem Publikum</Text>
      <ul className={styles.list}>
        {earlier.map((s) => (
          <li key={s.id}>
            <Text>{s.title}</Text>{' '}
            <span className={styles.muted}>
              ({[SPEECH_KIND_LABELS[s.kind], s.date ? germanDate(s.date) : null, s.speaker].filter(Boolean).join(', ')})
            </span>
          </li>
        ))}
      </ul>
      <Text className={styles.muted}>Volltext über die Suche auf der Seite „Reden“.</Text>
    </section>
  );
}

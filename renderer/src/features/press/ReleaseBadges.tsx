import { Badge, makeStyles, Text, tokens } from '@fluentui/react-components';
import type { PressReleaseListItem, Snippet } from '../../../../core/api';
import { wallClockText } from './press-format';

const useStyles = makeStyles({
  hit: { backgroundColor: tokens.colorPaletteYellowBackground2, color: 'inherit', fontWeight: tokens.fontWeightSemibold },
  snippet: { fontSize: tokens.fontSizeBase200 },
  nowrap: { whiteSpace: 'nowrap' },
});

/** The text around a hit, the matching words marked. */
export function SnippetText({ snippet }: { snippet: Snippet }) {
  const styles = useStyles();
  return (
    <Text className={styles.snippet}>
      {snippet.map((part, index) =>
        part.hit ? (
          <mark key={index} className={styles.hit}>
            {part.text}
          </mark>
        ) : (
          <span key={index}>{part.text}</span>
        ),
      )}
    </Text>
  );
}

/** „Sperrfrist bis 15.01.2027, 10:00 Uhr“: red while it lasts, grey once it has passed. */
export function EmbargoBadge({ release }: { release: Pick<PressReleaseListItem, 'embargoUntil' | 'embargoActive'> }) {
  const styles = useStyles();
  if (!release.embargoUntil) return null;
  return release.embargoActive ? (
    <Badge className={styles.nowrap} appearance="tint" color="danger">
      Sperrfrist bis {wallClockText(release.embargoUntil)}
    </Badge>
  ) : (
    <Badge className={styles.nowrap} appearance="outline" color="subtle">
      Sperrfrist abgelaufen
    </Badge>
  );
}

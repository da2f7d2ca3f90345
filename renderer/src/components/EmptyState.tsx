import type { ReactNode } from 'react';
import { makeStyles, Text, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  box: {
    display: 'grid',
    justifyItems: 'start',
    gap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalXL} ${tokens.spacingHorizontalXL}`,
    border: `1px dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground2,
    maxWidth: '760px',
  },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

/**
 * What an empty register shows instead of an empty table: in one or two sentences what to do,
 * and the button that does it (the page shows that button here only, not also in its head).
 */
export function EmptyState({ children, actions }: { children: ReactNode; actions?: ReactNode }) {
  const styles = useStyles();
  return (
    <div role="note" aria-label="Noch nichts erfasst" className={styles.box}>
      <Text>{children}</Text>
      {actions && <div className={styles.actions}>{actions}</div>}
    </div>
  );
}

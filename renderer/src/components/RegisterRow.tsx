import type { ReactNode } from 'react';
import { mergeClasses, TableRow } from '@fluentui/react-components';
import { useRegisterPageStyles } from './layout-styles';

/**
 * A register's row that opens its record, by click or with Enter (the row takes the focus);
 * an overdue one is marked red. The cells are the register's own.
 */
export function RegisterRow({ onOpen, overdue = false, className, children }: { onOpen: () => void; overdue?: boolean; className?: string; children: ReactNode }) {
  const styles = useRegisterPageStyles();
  return (
    <TableRow tabIndex={0} className={mergeClasses(styles.row, overdue && styles.overdue, className)} onClick={onOpen} onKeyDown={(e) => e.key === 'Enter' && onOpen()}>
      {children}
    </TableRow>
  );
}

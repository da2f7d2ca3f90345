import type { KeyboardEvent, ReactNode } from 'react';
import { mergeClasses, TableRow } from '@fluentui/react-components';
import { useRegisterPageStyles } from './layout-styles';

/**
 * The keyboard handler of an element that opens a record with Enter (a register's row, a search
 * hit). The record's dialog opens while the key is still down and takes the focus at once; the
 * browser's own action for that Enter then lands on the dialog's first control ("Schließen"
 * clicked, a list opened), so it is prevented. Enter on a control inside the element (a button in
 * a cell) is that control's, and a held key does not open the record again and again.
 */
export function openOnEnter(open: () => void) {
  return (event: KeyboardEvent<HTMLElement>) => {
    if (event.key !== 'Enter' || event.target !== event.currentTarget || event.repeat) return;
    event.preventDefault();
    open();
  };
}

/**
 * A register's row that opens its record, by click or with Enter (the row takes the focus);
 * an overdue one is marked red. The cells are the register's own.
 */
export function RegisterRow({ onOpen, overdue = false, className, children }: { onOpen: () => void; overdue?: boolean; className?: string; children: ReactNode }) {
  const styles = useRegisterPageStyles();
  return (
    <TableRow tabIndex={0} className={mergeClasses(styles.row, overdue && styles.overdue, className)} onClick={onOpen} onKeyDown={openOnEnter(onOpen)}>
      {children}
    </TableRow>
  );
}

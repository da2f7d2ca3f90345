import type { ReactNode } from 'react';
import { makeStyles, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, tokens } from '@fluentui/react-components';
import { useSectionStyles } from './section-styles';

const useStyles = makeStyles({
  inactive: { color: tokens.colorNeutralForeground3 },
  multiline: { whiteSpace: 'pre-line' },
});

export interface CarpoolColumn<Item> {
  header: string;
  cell: (item: Item) => ReactNode;
  /** Keeps the text's line breaks (notes). */
  multiline?: boolean;
}

/** A small table of the car pool (drivers, cars, absences): one row an item, its buttons last; inactive ones greyed. */
export function CarpoolTable<Item extends { id: number; active?: boolean }>({
  label,
  columns,
  items,
  actions,
}: {
  label: string;
  columns: ReadonlyArray<CarpoolColumn<Item>>;
  items: readonly Item[] | undefined;
  actions: (item: Item) => ReactNode;
}) {
  const styles = useStyles();
  const section = useSectionStyles();
  return (
    <Table size="small" aria-label={label}>
      <TableHeader>
        <TableRow>
          {columns.map((column) => (
            <TableHeaderCell key={column.header}>{column.header}</TableHeaderCell>
          ))}
          <TableHeaderCell>
            <span className={section.visuallyHidden}>Aktionen</span>
          </TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {items?.map((item) => (
          <TableRow key={item.id} className={item.active === false ? styles.inactive : undefined}>
            {columns.map((column) => (
              <TableCell key={column.header} className={column.multiline ? styles.multiline : undefined}>
                {column.cell(item)}
              </TableCell>
            ))}
            <TableCell>{actions(item)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

import { makeStyles, Select, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  sample: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  scroll: { maxHeight: '340px', overflow: 'auto' },
});

/**
 * The column-mapping step of an import: each column of the file with example values and the
 * field it goes to (or none). Shared by every import that maps columns.
 */
export function ColumnMappingTable<F extends string>({
  headers,
  sample,
  mapping,
  fields,
  onChange,
  ignoreLabel,
}: {
  headers: readonly string[];
  /** The first rows, cells in the order of `headers`. */
  sample: ReadonlyArray<readonly string[]>;
  mapping: Record<string, F | null>;
  /** The fields in the order offered, with their German names. */
  fields: ReadonlyArray<readonly [F, string]>;
  onChange: (mapping: Record<string, F | null>) => void;
  ignoreLabel: string;
}) {
  const styles = useStyles();
  return (
    <div className={styles.scroll}>
      <Table size="small" aria-label="Spaltenzuordnung">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Spalte in der Datei</TableHeaderCell>
            <TableHeaderCell>Beispielwerte</TableHeaderCell>
            <TableHeaderCell>Feld im Rathausbüro</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {headers.map((header, index) => (
            <TableRow key={header}>
              <TableCell>{header}</TableCell>
              <TableCell className={styles.sample}>
                {sample
                  .map((row) => row[index])
                  .filter(Boolean)
                  .slice(0, 3)
                  .join(' · ')}
              </TableCell>
              <TableCell>
                <Select
                  aria-label={`Feld für Spalte ${header}`}
                  value={mapping[header] ?? ''}
                  onChange={(_, data) => onChange({ ...mapping, [header]: (data.value || null) as F | null })}
                >
                  <option value="">{ignoreLabel}</option>
                  {fields.map(([field, label]) => (
                    <option key={field} value={field}>
                      {label}
                    </option>
                  ))}
                </Select>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}

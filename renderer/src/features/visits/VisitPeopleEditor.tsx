import { useState } from 'react';
import {
  Button,
  Checkbox,
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import type { VisitPersonRole } from '../../../../core/api';
import { ContactPicker } from '../letters/ContactPicker';

const useStyles = makeStyles({
  group: { display: 'grid', gap: tokens.spacingVerticalS },
  muted: { color: tokens.colorNeutralForeground3 },
  columns: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(380px, 1fr))', gap: tokens.spacingHorizontalXL, alignItems: 'start' },
});

export interface VisitPersonValue {
  contactId: number;
  name: string;
  roleLabel: string;
  role: VisitPersonRole;
  honour: boolean;
}

const GROUPS: Array<{ role: VisitPersonRole; title: string; add: string; empty: string }> = [
  { role: 'gast', title: 'Gäste (Delegation)', add: 'Gast hinzufügen', empty: 'Noch keine Gäste.' },
  { role: 'gastgeber', title: 'Gastgeberinnen und Gastgeber', add: 'Gastgeber/in hinzufügen', empty: 'Noch niemand von der Stadt.' },
];

/**
 * The guests and the hosts of a visit, picked from the contacts; one guest may be marked as
 * guest of honour (sits to the host's right). The order is set by precedence when saved.
 */
export function VisitPeopleEditor({ value, onChange }: { value: VisitPersonValue[]; onChange: (people: VisitPersonValue[]) => void }) {
  const styles = useStyles();
  // A new picker after each pick, so it is empty again.
  const [pickerKey, setPickerKey] = useState(0);
  const add = (role: VisitPersonRole, contact: { id: number; displayName: string; roleLabel: string } | null) => {
    if (!contact) return;
    setPickerKey((k) => k + 1);
    if (value.some((p) => p.contactId === contact.id)) return;
    onChange([...value, { contactId: contact.id, name: contact.displayName, roleLabel: contact.roleLabel, role, honour: false }]);
  };
  const update = (contactId: number, change: Partial<VisitPersonValue>) => onChange(value.map((p) => (p.contactId === contactId ? { ...p, ...change } : p)));
  return (
    <div className={styles.columns}>
      {GROUPS.map((group) => {
        const people = value.filter((p) => p.role === group.role);
        return (
          <div key={group.role} className={styles.group}>
            <Text weight="semibold">{group.title}</Text>
            {people.length === 0 ? (
              <Text className={styles.muted}>{group.empty}</Text>
            ) : (
              <Table size="small" aria-label={group.title}>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell>Name</TableHeaderCell>
                    <TableHeaderCell>Funktion</TableHeaderCell>
                    {group.role === 'gast' && <TableHeaderCell style={{ width: '6.5em' }}>Ehrengast</TableHeaderCell>}
                    <TableHeaderCell style={{ width: '3em' }} aria-label="Entfernen" />
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {people.map((p) => (
                    <TableRow key={p.contactId}>
                      <TableCell>{p.name}</TableCell>
                      <TableCell>{p.roleLabel || '–'}</TableCell>
                      {group.role === 'gast' && (
                        <TableCell>
                          <Checkbox
                            aria-label={`${p.name} ist Ehrengast`}
                            checked={p.honour}
                            onChange={(_, d) => update(p.contactId, { honour: Boolean(d.checked) })}
                          />
                        </TableCell>
                      )}
                      <TableCell>
                        <Button
                          size="small"
                          appearance="subtle"
                          icon={<DismissRegular />}
                          aria-label={`${p.name} entfernen`}
                          onClick={() => onChange(value.filter((q) => q.contactId !== p.contactId))}
                        />
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            )}
            <ContactPicker key={`${group.role}-${pickerKey}`} label={group.add} required={false} value={null} onChange={(c) => add(group.role, c)} />
          </div>
        );
      })}
    </div>
  );
}

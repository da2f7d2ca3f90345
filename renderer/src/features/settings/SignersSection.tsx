import { useState } from 'react';
import {
  Button,
  Checkbox,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Select,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Title3,
  tokens,
} from '@fluentui/react-components';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Signer } from '../../../../core/api';
import { api } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { openOnEnter } from '../../components/RegisterRow';
import { useSectionStyles } from './section-styles';

const useStyles = makeStyles({
  grid: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(260px, 1fr))', gap: tokens.spacingHorizontalM },
  row: { cursor: 'pointer' },
});

type SignerDraft = Omit<Signer, 'id'> & { id?: number };
const NEW_SIGNER: SignerDraft = { name: '', gender: 'female', office: '', deputy: true, active: true, sortOrder: 0 };

/** The people who sign letters: a row opens its values in the form below it. */
export function SignersSection() {
  const styles = useStyles();
  const section = useSectionStyles();
  const queryClient = useQueryClient();
  const signers = useQuery({ queryKey: ['signers.list'], queryFn: () => api('signers.list', {}) });
  const [signer, setSigner] = useState<SignerDraft>(NEW_SIGNER);
  const [saved, setSaved] = useState<string | null>(null);
  const saveSigner = useMutation({
    mutationFn: (value: SignerDraft) => api('signers.save', value),
    onSuccess: async (value) => {
      setSigner(NEW_SIGNER);
      setSaved(`„${value.name}“ gespeichert.`);
      await queryClient.invalidateQueries({ queryKey: ['signers.list'] });
      await queryClient.invalidateQueries({ queryKey: ['settings.officeHolder'] });
    },
  });

  return (
    <>
      <Title3 as="h2">Unterzeichnende</Title3>
      <ErrorMessage error={signers.error} title="Die Unterzeichnenden lassen sich nicht laden" />
      <Table size="small" aria-label="Unterzeichnende">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Name</TableHeaderCell>
            <TableHeaderCell>Amt</TableHeaderCell>
            <TableHeaderCell>Zeichnet</TableHeaderCell>
            <TableHeaderCell>Aktiv</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {signers.data?.map((s) => (
            <TableRow key={s.id} tabIndex={0} className={styles.row} onClick={() => setSigner(s)} onKeyDown={openOnEnter(() => setSigner(s))}>
              <TableCell>{s.name}</TableCell>
              <TableCell>{s.office}</TableCell>
              <TableCell>{s.deputy ? 'in Vertretung' : 'selbst'}</TableCell>
              <TableCell>{s.active ? 'ja' : 'nein'}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <div className={styles.grid}>
        <Field label="Name" required>
          <Input value={signer.name} onChange={(_, d) => setSigner({ ...signer, name: d.value })} />
        </Field>
        <Field label="Amt" required hint="z. B. Oberbürgermeisterin, Bürgermeister">
          <Input value={signer.office} onChange={(_, d) => setSigner({ ...signer, office: d.value })} />
        </Field>
        <Field label="Geschlecht">
          <Select value={signer.gender} onChange={(_, d) => setSigner({ ...signer, gender: d.value as Signer['gender'] })}>
            <option value="female">weiblich</option>
            <option value="male">männlich</option>
            <option value="diverse">divers</option>
            <option value="unknown">unbekannt</option>
          </Select>
        </Field>
      </div>
      <div className={section.actions}>
        <Checkbox checked={signer.deputy} onChange={(_, d) => setSigner({ ...signer, deputy: Boolean(d.checked) })} label="unterschreibt „In Vertretung“" />
        <Checkbox checked={signer.active} onChange={(_, d) => setSigner({ ...signer, active: Boolean(d.checked) })} label="aktiv" />
        <Button appearance="primary" onClick={() => saveSigner.mutate(signer)}>
          {signer.id ? 'Änderungen speichern' : 'Unterzeichnende/n hinzufügen'}
        </Button>
        {signer.id && <Button onClick={() => setSigner(NEW_SIGNER)}>Neu</Button>}
      </div>
      {saved && (
        <MessageBar intent="success" role="status">
          <MessageBarBody>{saved}</MessageBarBody>
        </MessageBar>
      )}
      <ErrorMessage error={saveSigner.error} title="Nicht gespeichert" />
    </>
  );
}

import { useEffect, useState } from 'react';
import { Card, makeStyles, Spinner, Text, tokens } from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import { contactToPerson, postalLines } from '../../../../core/api';
import { api } from '../../api/client';
import { inputOf, type ContactFormValues } from './contact-form-values';

const useStyles = makeStyles({
  card: { backgroundColor: tokens.colorNeutralBackground2 },
  block: { display: 'grid', gap: '2px' },
  label: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  address: { fontFamily: 'Arial, sans-serif', whiteSpace: 'pre-line', lineHeight: '1.35' },
});

function useDebounced<T>(value: T, delay: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), delay);
    return () => clearTimeout(timer);
  }, [value, delay]);
  return debounced;
}

/** Live preview of address block, salutation, closing and oral salutation while typing. */
export function AddressPreview({ values, organisationName }: { values: ContactFormValues; organisationName: string | null }) {
  const styles = useStyles();
  const input = useDebounced(inputOf(values), 200);
  const partnerId = input.kind === 'person' ? input.partnerId : null;
  const partner = useQuery({
    queryKey: ['contacts.toPerson', partnerId],
    queryFn: () => api('contacts.toPerson', { id: partnerId! }),
    enabled: partnerId != null,
  });
  const ready = input.kind === 'person' ? input.surname.trim() !== '' : input.name.trim() !== '';
  const forms = useQuery({
    queryKey: ['preview', input, organisationName, partner.data],
    enabled: ready && (partnerId == null || partner.isSuccess),
    placeholderData: (previous) => previous,
    queryFn: () =>
      input.kind === 'person'
        ? api('addressing.compose', {
            person: contactToPerson(input, organisationName),
            partner: partner.data ?? undefined,
          })
        : api('addressing.composeOrganisation', { name: input.name, language: input.language ?? 'de' }),
  });

  return (
    <Card className={styles.card} aria-label="Vorschau der Anrede" aria-live="polite">
      <Text weight="semibold">Vorschau</Text>
      {!ready && <Text>Sobald ein Name eingegeben ist, erscheinen hier Anschrift und Anrede.</Text>}
      {ready && forms.isPending && <Spinner size="tiny" />}
      {ready && forms.error && <Text>{(forms.error as Error).message}</Text>}
      {ready && forms.data && (
        <>
          <div className={styles.block}>
            <span className={styles.label}>Anschrift</span>
            <span className={styles.address} data-testid="preview-address">
              {[...forms.data.addressLines, ...postalLines(input)].join('\n')}
            </span>
          </div>
          <div className={styles.block}>
            <span className={styles.label}>Briefanrede</span>
            <span data-testid="preview-salutation">{forms.data.salutation},</span>
          </div>
          <div className={styles.block}>
            <span className={styles.label}>Grußformel</span>
            <span data-testid="preview-closing">{forms.data.closing}</span>
          </div>
          <div className={styles.block}>
            <span className={styles.label}>Mündliche Anrede</span>
            <span data-testid="preview-oral">{forms.data.oralSalutation}</span>
          </div>
        </>
      )}
    </Card>
  );
}

import { useEffect, useMemo, useState } from 'react';
import { useForm, useWatch, type Resolver } from 'react-hook-form';
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Contact, Role } from '../../../../core/api';
import { api, ApiCallError } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { fetchFresh, useLoadedRecord } from '../../components/use-loaded-record';
import { CheckboxField, RadioField, SelectField, TextareaField, TextField } from '../../components/form-fields';
import { AddressPreview } from './AddressPreview';
import { ContactLetters } from './ContactLetters';
import { DeleteContactDialog } from './DeleteContactDialog';
import { displayName, EMPTY_FORM, formValuesOf, inputOf, validateForm, type ContactFormValues } from './contact-form-values';

const useStyles = makeStyles({
  layout: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) 300px', gap: tokens.spacingHorizontalXL, alignItems: 'start' },
  form: { display: 'grid', gap: tokens.spacingVerticalM },
  row: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(150px, 1fr))',
    gap: tokens.spacingHorizontalM,
    '& > *': { minWidth: 0 },
  },
  wide: { display: 'grid', gridTemplateColumns: '3fr 1fr', gap: tokens.spacingHorizontalM, '& > *': { minWidth: 0 } },
  section: { margin: `${tokens.spacingVerticalS} 0 0`, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  actions: { display: 'flex', gap: tokens.spacingHorizontalM, justifyContent: 'space-between', marginTop: tokens.spacingVerticalL },
  sticky: { position: 'sticky', top: 0, display: 'grid', gap: tokens.spacingVerticalL },
});

const GENDERS = [
  ['female', 'weiblich'],
  ['male', 'männlich'],
  ['diverse', 'divers'],
  ['unknown', 'unbekannt'],
] as const;
const LANGUAGES = [
  ['de', 'Deutsch'],
  ['en', 'Englisch'],
  ['fr', 'Französisch'],
] as const;

const resolver: Resolver<ContactFormValues> = async (values) => {
  const errors = validateForm(values);
  if (Object.keys(errors).length === 0) return { values, errors: {} };
  return {
    values: {},
    errors: Object.fromEntries(Object.entries(errors).map(([field, message]) => [field, { type: 'validate', message }])),
  };
};

export interface ContactFormProps {
  contact: Contact | null;
  roles: Role[];
  onSaved: (contact: Contact) => void;
  onCancel: () => void;
  onDeleted: (displayName: string) => void;
}

/** Create or edit one contact, with validation and a live preview of the forms of address. */
export function ContactForm({ contact: latest, roles, onSaved, onCancel, onDeleted }: ContactFormProps) {
  const styles = useStyles();
  const queryClient = useQueryClient();
  // Nested inside the drawer, so closing it hands focus and accessibility back to the form.
  const [confirmDelete, setConfirmDelete] = useState(false);
  const { handleSubmit, control, setError, reset, formState } = useForm<ContactFormValues>({
    defaultValues: latest ? formValuesOf(latest) : EMPTY_FORM,
    resolver,
    mode: 'onTouched',
  });
  // The contact as loaded: its revision goes back with the save; another PC's save replaces it only while nothing is typed.
  const [contact, take] = useLoadedRecord(latest, formState.isDirty);
  const defaults = useMemo(() => (contact ? formValuesOf(contact) : EMPTY_FORM), [contact]);
  useEffect(() => reset(defaults), [defaults, reset]);
  const values = useWatch({ control }) as ContactFormValues;

  const organisations = useQuery({
    queryKey: ['contacts.list', 'organisations'],
    queryFn: () => api('contacts.list', { kind: 'organisation', sort: 'name', limit: 5000 }),
  });
  const persons = useQuery({
    queryKey: ['contacts.list', 'persons'],
    queryFn: () => api('contacts.list', { kind: 'person', sort: 'name', limit: 5000 }),
    enabled: values.kind === 'person',
  });
  const organisationName =
    organisations.data?.items.find((o) => String(o.id) === values.organisationId)?.displayName ?? null;

  const save = useMutation({
    mutationFn: (formValues: ContactFormValues) => {
      const input = inputOf(formValues);
      return contact ? api('contacts.update', { id: contact.id, revision: contact.revision, contact: input }) : api('contacts.create', input);
    },
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: ['contacts.list'] });
      await queryClient.invalidateQueries({ queryKey: ['contacts.tags'] });
      await queryClient.invalidateQueries({ queryKey: ['app.info'] });
      onSaved(saved);
    },
    onError: (error) => {
      const field = (error as ApiCallError).details as { field?: keyof ContactFormValues } | undefined;
      if (field?.field) setError(field.field, { message: (error as Error).message });
    },
  });

  /** „Neu laden“ after STALE: the contact as it is stored now replaces the user's input. */
  const reload = async () => {
    if (!contact) return;
    const fresh = await fetchFresh(queryClient, 'contacts.get', contact.id);
    save.reset();
    take(fresh);
  };

  const person = values.kind === 'person';
  const text = (name: keyof ContactFormValues, label: string, props: { placeholder?: string; type?: 'email' | 'tel'; required?: boolean } = {}) => (
    <TextField control={control} name={name} label={label} {...props} />
  );

  return (
    <div className={styles.layout}>
      <form className={styles.form} onSubmit={handleSubmit((v) => save.mutate(v))} noValidate aria-label="Kontakt bearbeiten">
        <RadioField
          control={control}
          name="kind"
          label="Art"
          disabled={Boolean(contact)}
          options={[
            ['person', 'Person'],
            ['organisation', 'Organisation'],
          ]}
        />

        {person ? (
          <>
            <div className={styles.row}>
              <SelectField control={control} name="gender" label="Geschlecht">
                  {GENDERS.map(([value, label]) => (
                    <option key={value} value={value}>
                      {label}
                    </option>
                  ))}
                </SelectField>
              {text('degrees', 'Akademische Grade', { placeholder: 'z. B. Prof. Dr.' })}
            </div>
            <div className={styles.row}>
              {text('givenName', 'Vorname')}
              {text('nameAffix', 'Namenszusatz', { placeholder: 'z. B. von, Graf von' })}
              {text('surname', 'Nachname', { required: true })}
            </div>
            <div className={styles.row}>
              <SelectField control={control} name="roleKey" label="Amt / Funktion">
                  <option value="">– keins (Privatperson) –</option>
                  {roles.map((role) => (
                    <option key={role.key} value={role.key}>
                      {role.label}
                    </option>
                  ))}
                </SelectField>
              {text('roleDetail', 'Zusatz zum Amt', { placeholder: 'z. B. der Republik Türkei' })}
            </div>
            <CheckboxField control={control} name="former" label="außer Dienst (a. D.)" />
            <div className={styles.row}>
              <SelectField control={control} name="organisationId" label="Organisation">
                  <option value="">– keine –</option>
                  {organisations.data?.items.map((o) => (
                    <option key={o.id} value={o.id}>
                      {o.displayName}
                    </option>
                  ))}
                </SelectField>
              <SelectField control={control} name="partnerId" label="Ehe-/Lebenspartner/in">
                  <option value="">– keine/r –</option>
                  {persons.data?.items
                    .filter((p) => p.id !== contact?.id)
                    .map((p) => (
                      <option key={p.id} value={p.id}>
                        {p.sortName}
                      </option>
                    ))}
                </SelectField>
            </div>
          </>
        ) : (
          text('name', 'Name der Organisation', { required: true })
        )}

        <h3 className={styles.section}>Anschrift</h3>
        <div className={styles.wide}>
          {text('street', 'Straße')}
          {text('houseNumber', 'Nr.')}
        </div>
        {text('addressAddition', 'Adresszusatz', { placeholder: 'z. B. Rathaus, Zimmer 101' })}
        <div className={styles.row}>
          {text('postcode', 'PLZ')}
          {text('city', 'Ort')}
          {text('country', 'Land', { placeholder: 'leer = Deutschland' })}
        </div>

        <h3 className={styles.section}>Kommunikation</h3>
        <div className={styles.row}>
          {text('email', 'E-Mail', { type: 'email' })}
          {text('phone', 'Telefon', { type: 'tel' })}
          <SelectField control={control} name="language" label="Korrespondenzsprache">
              {LANGUAGES.map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </SelectField>
        </div>
        {text('tags', 'Gruppen (durch Komma getrennt)', { placeholder: 'z. B. Presse, Neujahrsempfang' })}
        <TextareaField control={control} name="notes" label="Notizen" />

        <ErrorMessage error={save.error} title="Der Kontakt wurde nicht gespeichert" onReload={() => void reload()} />
        <div className={styles.actions}>
          <div>
            {contact && (
              <Button appearance="subtle" onClick={() => setConfirmDelete(true)}>
                Löschen …
              </Button>
            )}
          </div>
          <div style={{ display: 'flex', gap: tokens.spacingHorizontalM }}>
            <Button onClick={onCancel}>Abbrechen</Button>
            <Button appearance="primary" type="submit" disabled={save.isPending}>
              {save.isPending ? 'Wird gespeichert …' : 'Speichern'}
            </Button>
          </div>
        </div>
      </form>
      <div className={styles.sticky}>
        <AddressPreview values={values} organisationName={organisationName} />
        {contact && <ContactLetters contactId={contact.id} />}
      </div>
      {contact && (
        <DeleteContactDialog
          target={confirmDelete ? { id: contact.id, revision: contact.revision, name: displayName(contact) } : null}
          onClose={() => setConfirmDelete(false)}
          onDeleted={onDeleted}
        />
      )}
    </div>
  );
}

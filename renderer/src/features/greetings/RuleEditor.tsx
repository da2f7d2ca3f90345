import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { Button, Checkbox, Field, makeStyles, MessageBar, MessageBarBody, Select, Text, tokens } from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { GREETING_LANGUAGE_LABELS, PARTNER_CITIES_LABELS, type GreetingRecipient, type GreetingRecipientsRule, type GreetingRule } from '../../../../core/api';
import { api } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { CheckboxField, SelectField, TextField } from '../../components/form-fields';
import { useFormDialogStyles } from '../../components/layout-styles';
import { ContactPicker } from '../letters/ContactPicker';

const useStyles = makeStyles({
  tags: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(220px, 1fr))', gap: '0 12px' },
  chips: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' },
  muted: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

interface Values {
  active: boolean;
  partnerCities: GreetingRecipientsRule['partnerCities'];
  tags: string[];
  contacts: Array<{ id: number; displayName: string }>;
  language: 'de' | 'en' | 'fr';
  templateId: string;
  leadDays: string;
}

/** Who gets the occasion's greeting, in which template and language, and how many days before. */
export function RuleEditor({ rule, recipients, onSaved }: { rule: GreetingRule; recipients: GreetingRecipient[]; onSaved: () => Promise<void> }) {
  const styles = useStyles();
  const layout = useFormDialogStyles();
  const names = new Map(recipients.filter((r) => r.contactId !== null).map((r) => [r.contactId!, r.name]));
  const { control, handleSubmit, watch, setValue, getValues, formState } = useForm<Values>({
    defaultValues: {
      active: rule.active,
      partnerCities: rule.recipients.partnerCities,
      tags: rule.recipients.tags,
      contacts: rule.recipients.contactIds.map((id) => ({ id, displayName: names.get(id) ?? `Kontakt Nr. ${id}` })),
      language: rule.language,
      templateId: rule.templateId,
      leadDays: String(rule.leadDays),
    },
  });
  /** A fresh picker after each contact added (the picker keeps its typed text otherwise). */
  const [pickerKey, setPickerKey] = useState(0);
  const tags = useQuery({ queryKey: ['contacts.tags'], queryFn: () => api('contacts.tags', {}) });
  const templates = useQuery({ queryKey: ['templates.list'], queryFn: () => api('templates.list', {}) });
  const language = watch('language');
  const chosenContacts = watch('contacts');
  const save = useMutation({
    mutationFn: (v: Values) =>
      api('greetings.rules.save', {
        key: rule.key,
        active: v.active,
        recipients: { partnerCities: v.partnerCities, tags: v.tags, contactIds: v.contacts.map((c) => c.id) },
        templateId: v.templateId,
        language: v.language,
        leadDays: Number(v.leadDays),
      }),
    onSuccess: onSaved,
  });
  const reset = useMutation({ mutationFn: () => api('greetings.rules.reset', { key: rule.key }), onSuccess: onSaved });

  const tagOptions = [...new Set([...(tags.data ?? []).map((t) => t.tag), ...rule.recipients.tags])].sort((a, b) => a.localeCompare(b, 'de'));
  const countOf = new Map((tags.data ?? []).map((t) => [t.tag, t.count]));
  const ofLanguage = (templates.data ?? []).filter((t) => t.language === language);

  return (
    <form className={layout.form} onSubmit={handleSubmit((v) => save.mutate(v))} aria-label="Regel" noValidate>
      <CheckboxField control={control} name="active" label="Zu diesem Anlass grüßen" />
      <SelectField control={control} name="partnerCities" label="Partnerstädte">
        {Object.entries(PARTNER_CITIES_LABELS).map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </SelectField>
      <Text className={styles.muted}>Partnerstädte erhalten die Grußbotschaft an eine Partnerstadt in der Sprache der Partnerschaft.</Text>
      <Controller
        control={control}
        name="tags"
        render={({ field }) => (
          <Field label="Kontakte mit dem Merkmal">
            <div className={styles.tags}>
              {tagOptions.map((tag) => (
                <Checkbox
                  key={tag}
                  label={`${tag}${countOf.has(tag) ? ` (${countOf.get(tag)})` : ''}`}
                  checked={field.value.includes(tag)}
                  onChange={(_, d) => field.onChange(d.checked ? [...field.value, tag] : field.value.filter((t) => t !== tag))}
                />
              ))}
            </div>
          </Field>
        )}
      />
      <Field label="Einzelne Kontakte">
        <div className={styles.chips}>
          {chosenContacts.length === 0 && <Text className={styles.muted}>keine</Text>}
          {chosenContacts.map((c) => (
            <Button
              key={c.id}
              size="small"
              icon={<DismissRegular />}
              iconPosition="after"
              aria-label={`${c.displayName} entfernen`}
              onClick={() => setValue('contacts', getValues('contacts').filter((x) => x.id !== c.id), { shouldDirty: true })}
            >
              {c.displayName}
            </Button>
          ))}
        </div>
      </Field>
      <ContactPicker
        key={pickerKey}
        label="Kontakt hinzufügen"
        required={false}
        value={null}
        onChange={(c) => {
          if (c && !getValues('contacts').some((x) => x.id === c.id)) setValue('contacts', [...getValues('contacts'), { id: c.id, displayName: c.displayName }], { shouldDirty: true });
          setPickerKey((k) => k + 1);
        }}
      />
      <div className={layout.row}>
        <Controller
          control={control}
          name="language"
          render={({ field }) => (
            <Field label="Sprache (Merkmale und Kontakte)">
              <Select
                value={field.value}
                onChange={(_, d) => {
                  const value = d.value as Values['language'];
                  field.onChange(value);
                  // The template follows the language: the same kind in the new language, else the first one.
                  const all = templates.data ?? [];
                  const current = all.find((t) => t.id === getValues('templateId'));
                  if (current?.language !== value) {
                    const same = all.filter((t) => t.language === value);
                    const next = same.find((t) => t.kind === current?.kind) ?? same[0];
                    if (next) setValue('templateId', next.id, { shouldDirty: true });
                  }
                }}
              >
                {Object.entries(GREETING_LANGUAGE_LABELS).map(([v, label]) => (
                  <option key={v} value={v}>
                    {label}
                  </option>
                ))}
              </Select>
            </Field>
          )}
        />
        <SelectField control={control} name="templateId" label="Vorlage">
          {ofLanguage.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </SelectField>
        <TextField control={control} name="leadDays" label="Vorlauf (Tage)" type="number" />
      </div>
      {rule.isDefault ? (
        <Text className={styles.muted}>Es gilt die mitgelieferte Standardregel.</Text>
      ) : (
        <MessageBar intent="info">
          <MessageBarBody>Eigene Regel (statt der Standardregel).</MessageBarBody>
        </MessageBar>
      )}
      <ErrorMessage error={save.error ?? reset.error} title="Regel nicht gespeichert" />
      <div className={styles.actions}>
        <Button type="submit" appearance="primary" disabled={save.isPending || !formState.isDirty}>
          Regel speichern
        </Button>
        {!rule.isDefault && (
          <Button onClick={() => reset.mutate()} disabled={reset.isPending}>
            Standard wiederherstellen
          </Button>
        )}
      </div>
    </form>
  );
}


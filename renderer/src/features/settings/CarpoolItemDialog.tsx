import { useEffect, useState } from 'react';
import { useForm, type Control, type DefaultValues, type Path } from 'react-hook-form';
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, makeStyles, tokens } from '@fluentui/react-components';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ErrorMessage } from '../../components/ErrorMessage';
import { CheckboxField, TextareaField, TextField } from '../../components/form-fields';
import type { CarpoolField, CarpoolItemForm, CarpoolItemKind } from './carpool-items';
import { issuesOf, markFields } from './form-issues';

const useStyles = makeStyles({
  content: { display: 'grid', gap: tokens.spacingVerticalM },
  pair: { display: 'grid', gridTemplateColumns: '1fr 120px', gap: tokens.spacingHorizontalM, '& > *': { minWidth: 0 } },
});

function ItemField<F extends CarpoolItemForm>({ control, field }: { control: Control<F>; field: CarpoolField<F> }) {
  const { input, name, label, required, type, placeholder } = field;
  if (input === 'checkbox') return <CheckboxField control={control} name={name} label={label} />;
  if (input === 'textarea') return <TextareaField control={control} name={name} label={label} />;
  return <TextField control={control} name={name} label={label} required={required} type={type} placeholder={placeholder} />;
}

/** Add or edit a car-pool item (a driver, a car), its inputs given by `kind.fields`. */
export function CarpoolItemDialog<Item extends { id: number }, F extends CarpoolItemForm>({
  kind,
  target,
  onClose,
  onSaved,
}: {
  kind: CarpoolItemKind<Item, F>;
  target: Item | 'new' | null;
  onClose: () => void;
  onSaved: (name: string) => void;
}) {
  const styles = useStyles();
  const queryClient = useQueryClient();
  const { control, handleSubmit, reset, setError } = useForm<F>({ defaultValues: kind.empty as DefaultValues<F> });
  const [onlyFields, setOnlyFields] = useState(false);
  const editing = target && target !== 'new' ? target : null;
  useEffect(() => {
    if (target) reset(editing ? kind.toForm(editing) : kind.empty);
  }, [kind, target, editing, reset]);
  // The server's issues are marked at the inputs they name (all but the checkboxes).
  const marked = new Set<string>(kind.fields.flat().flatMap((field) => (field.input === 'checkbox' ? [] : [field.name])));
  const save = useMutation({
    mutationFn: (form: F) => kind.save(form, editing?.id),
    onSuccess: async (item) => {
      await queryClient.invalidateQueries({ queryKey: [kind.listKey] });
      onSaved(item.name);
    },
    onError: (error) => setOnlyFields(markFields(issuesOf(error), setError, (path) => (marked.has(path[0]) ? (path[0] as Path<F>) : undefined))),
  });
  const close = () => {
    save.reset();
    onClose();
  };
  return (
    <Dialog open={target !== null} onOpenChange={(_, data) => !data.open && close()}>
      <DialogSurface>
        <form onSubmit={handleSubmit((form) => save.mutate(form))} noValidate>
          <DialogBody>
            <DialogTitle>{editing ? `${kind.noun} bearbeiten` : `${kind.noun} hinzufügen`}</DialogTitle>
            <DialogContent className={styles.content}>
              {kind.fields.map((row) =>
                'input' in row ? (
                  <ItemField key={row.name} control={control} field={row} />
                ) : (
                  <div key={row[0].name} className={styles.pair}>
                    {row.map((field) => (
                      <ItemField key={field.name} control={control} field={field} />
                    ))}
                  </div>
                ),
              )}
              <ErrorMessage error={save.error && onlyFields ? 'Bitte die markierten Angaben prüfen.' : save.error} title="Nicht gespeichert" />
            </DialogContent>
            <DialogActions>
              <Button onClick={close}>Abbrechen</Button>
              <Button appearance="primary" type="submit" disabled={save.isPending}>
                {editing ? 'Speichern' : 'Hinzufügen'}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}

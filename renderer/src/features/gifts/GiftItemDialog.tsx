import { useState } from 'react';
import {
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  Textarea,
} from '@fluentui/react-components';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { GiftItem } from '../../../../core/api';
import { api } from '../../api/client';
import { useFormDialogStyles } from '../../components/layout-styles';
import { ErrorMessage } from '../../components/ErrorMessage';
import { euroInput, parseEuro } from './money';

/** A standard gift of the stock: name, description, how many are there, value of one piece. */
export function GiftItemDialog({ item, onClose }: { item: GiftItem | null; onClose: () => void }) {
  const layout = useFormDialogStyles();
  const queryClient = useQueryClient();
  const [name, setName] = useState(item?.name ?? '');
  const [description, setDescription] = useState(item?.description ?? '');
  const [quantity, setQuantity] = useState(String(item?.quantity ?? 0));
  const [value, setValue] = useState(item ? euroInput(item.unitValueCents) : '');
  const [active, setActive] = useState(item?.active ?? true);
  /** The item as loaded: its revision goes back with the save (STALE when someone changed it or took from its stock since). */
  const [loaded, setLoaded] = useState(item);
  const cents = parseEuro(value);
  const save = useMutation({
    mutationFn: () => api('gifts.items.save', { id: loaded?.id, revision: loaded?.revision, name, description, quantity: Number(quantity), unitValueCents: cents ?? 0, active }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['gifts.items'] });
      onClose();
    },
  });
  /** „Neu laden“ after STALE: the item as it is stored now replaces the user's input. */
  const reload = async () => {
    if (!loaded) return;
    const items = await queryClient.fetchQuery({ queryKey: ['gifts.items'], queryFn: () => api('gifts.items', {}), staleTime: 0 });
    const fresh = items.find((i) => i.id === loaded.id);
    if (!fresh) return;
    save.reset();
    setName(fresh.name);
    setDescription(fresh.description);
    setQuantity(String(fresh.quantity));
    setValue(euroInput(fresh.unitValueCents));
    setActive(fresh.active);
    setLoaded(fresh);
  };
  return (
    <Dialog open onOpenChange={(_, data) => !data.open && onClose()}>
      <DialogSurface aria-label="Geschenk im Bestand">
        <form
          onSubmit={(event) => {
            event.preventDefault();
            save.mutate();
          }}
        >
          <DialogBody>
            <DialogTitle>{item ? `Bestand: ${item.name}` : 'Geschenk in den Bestand aufnehmen'}</DialogTitle>
            <DialogContent className={layout.content}>
              <Field label="Bezeichnung" required>
                <Input value={name} onChange={(_, d) => setName(d.value)} />
              </Field>
              <Field label="Beschreibung">
                <Textarea value={description} onChange={(_, d) => setDescription(d.value)} resize="vertical" />
              </Field>
              <div className={layout.row}>
                <Field label="Bestand (Stück)" required>
                  <Input type="number" min={0} value={quantity} onChange={(_, d) => setQuantity(d.value)} />
                </Field>
                <Field label="Wert je Stück (€)" validationMessage={cents === null ? 'Bitte einen Betrag wie 35,00 eingeben.' : undefined}>
                  <Input value={value} onChange={(_, d) => setValue(d.value)} placeholder="0,00" />
                </Field>
              </div>
              <Checkbox label="im Angebot (wird beim Schenken angeboten)" checked={active} onChange={(_, d) => setActive(Boolean(d.checked))} />
              <ErrorMessage error={save.error} title="Nicht gespeichert" onReload={() => void reload()} />
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" type="submit" disabled={save.isPending || cents === null}>
                Speichern
              </Button>
              <Button onClick={onClose}>Abbrechen</Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}

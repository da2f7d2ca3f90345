import { useState } from 'react';
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
} from '@fluentui/react-components';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { formatEuro, type GiftGiven } from '../../../../core/api';
import { api, ApiCallError } from '../../api/client';
import { useFormDialogStyles } from '../../components/layout-styles';
import { ErrorMessage } from '../../components/ErrorMessage';
import { germanDate } from '../../components/format';
import { berlinToday } from '../calendar/wall-clock';
import { ContactPicker } from '../letters/ContactPicker';
import { DateInput } from '../../components/DateInputs';

export interface GiftRecipientOption {
  contactId: number;
  name: string;
}

const OTHER = 'andere';

/**
 * Give a gift: from the stock (taken from it) or something else, to a contact (or a name), on a
 * day, for an occasion. Before the same person gets the same gift again, the dialog says so, and
 * the server asks once more („Trotzdem schenken“) before it records the repeat.
 */
export function GiveGiftDialog({
  visitId = null,
  recipients,
  defaultDate,
  defaultOccasion = '',
  onClose,
  onGiven,
}: {
  visitId?: number | null;
  /** The people of a visit to choose from (otherwise any contact). */
  recipients?: GiftRecipientOption[];
  defaultDate?: string;
  defaultOccasion?: string;
  onClose: () => void;
  onGiven: (gift: GiftGiven) => void;
}) {
  const layout = useFormDialogStyles();
  const queryClient = useQueryClient();
  const items = useQuery({ queryKey: ['gifts.items'], queryFn: () => api('gifts.items', {}) });
  const [itemId, setItemId] = useState('');
  const [description, setDescription] = useState('');
  const [quantity, setQuantity] = useState('1');
  const [recipientChoice, setRecipientChoice] = useState(recipients?.length ? String(recipients[0]!.contactId) : OTHER);
  const [contact, setContact] = useState<{ id: number; displayName: string } | null>(null);
  const [recipientName, setRecipientName] = useState('');
  const [givenOn, setGivenOn] = useState(defaultDate ?? berlinToday());
  const [occasion, setOccasion] = useState(defaultOccasion);
  const [repeat, setRepeat] = useState<string | null>(null);

  const contactId = recipientChoice !== OTHER ? Number(recipientChoice) : (contact?.id ?? null);
  const fromStock = itemId !== '' && itemId !== OTHER;
  const earlier = useQuery({
    queryKey: ['gifts.check', itemId, contactId],
    queryFn: () => api('gifts.check', { itemId: Number(itemId), contactId }),
    enabled: fromStock && contactId !== null,
  });

  const give = useMutation({
    mutationFn: (confirmRepeat: boolean) =>
      api('gifts.give', {
        itemId: fromStock ? Number(itemId) : null,
        description: fromStock ? '' : description,
        quantity: Number(quantity) || 1,
        contactId,
        recipientName: contactId === null ? recipientName : '',
        givenOn,
        occasion,
        visitId,
        confirmRepeat,
      }),
    onSuccess: async (gift) => {
      setRepeat(null);
      await queryClient.invalidateQueries({ queryKey: ['gifts.items'] });
      await queryClient.invalidateQueries({ queryKey: ['gifts.given'] });
      await queryClient.invalidateQueries({ queryKey: ['gifts.check'] });
      onGiven(gift);
    },
    onError: (error) => {
      if (error instanceof ApiCallError && error.code === 'CONFLICT' && (error.details as { repeat?: boolean } | undefined)?.repeat) setRepeat(error.message);
    },
  });
  const shownError = give.error instanceof ApiCallError && (give.error.details as { repeat?: boolean } | undefined)?.repeat ? null : give.error;
  const itemName = items.data?.find((i) => String(i.id) === itemId)?.name;

  return (
    <Dialog open onOpenChange={(_, data) => !data.open && onClose()}>
      <DialogSurface aria-label="Geschenk übergeben">
        <form
          onSubmit={(event) => {
            event.preventDefault();
            give.mutate(false);
          }}
        >
          <DialogBody>
            <DialogTitle>Geschenk übergeben</DialogTitle>
            <DialogContent className={layout.content}>
              <Field label="Geschenk" required>
                <Select value={itemId} onChange={(_, d) => setItemId(d.value)}>
                  <option value="">bitte wählen …</option>
                  {(items.data ?? [])
                    .filter((i) => i.active)
                    .map((i) => (
                      <option key={i.id} value={i.id}>
                        {i.name} (Bestand {i.quantity}, {formatEuro(i.unitValueCents)})
                      </option>
                    ))}
                  <option value={OTHER}>anderes, nicht aus dem Bestand</option>
                </Select>
              </Field>
              {itemId === OTHER && (
                <Field label="Was wird geschenkt?" required>
                  <Input value={description} onChange={(_, d) => setDescription(d.value)} />
                </Field>
              )}
              <div className={layout.row}>
                <Field label="Anzahl">
                  <Input type="number" min={1} value={quantity} onChange={(_, d) => setQuantity(d.value)} />
                </Field>
                <DateInput label="Übergeben am" required value={givenOn} onChange={setGivenOn} />
              </div>
              {recipients && recipients.length > 0 && (
                <Field label="Beschenkte Person" required>
                  <Select value={recipientChoice} onChange={(_, d) => setRecipientChoice(d.value)}>
                    {recipients.map((r) => (
                      <option key={r.contactId} value={r.contactId}>
                        {r.name}
                      </option>
                    ))}
                    <option value={OTHER}>andere Person …</option>
                  </Select>
                </Field>
              )}
              {recipientChoice === OTHER && (
                <>
                  <ContactPicker label="Beschenkte Person (Kontakt)" required={false} value={contact} onChange={(c) => setContact(c ? { id: c.id, displayName: c.displayName } : null)} />
                  {!contact && (
                    <Field label="oder Name (ohne Kontakt)">
                      <Input value={recipientName} onChange={(_, d) => setRecipientName(d.value)} />
                    </Field>
                  )}
                </>
              )}
              <Field label="Anlass">
                <Input value={occasion} onChange={(_, d) => setOccasion(d.value)} />
              </Field>
              {fromStock && earlier.data && earlier.data.length > 0 && (
                <MessageBar intent="warning">
                  <MessageBarBody>
                    <MessageBarTitle>Schon einmal geschenkt</MessageBarTitle>
                    {earlier.data[0]!.recipientName} hat „{itemName}“ bereits am {earlier.data.map((g) => germanDate(g.givenOn)).join(', ')} bekommen.
                  </MessageBarBody>
                </MessageBar>
              )}
              <ErrorMessage error={shownError} title="Nicht übergeben" />
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" type="submit" disabled={give.isPending}>
                Schenken
              </Button>
              <Button onClick={onClose}>Abbrechen</Button>
            </DialogActions>
          </DialogBody>
        </form>
        {repeat && (
          <Dialog open modalType="alert" onOpenChange={(_, data) => !data.open && setRepeat(null)}>
            <DialogSurface aria-label="Dasselbe Geschenk noch einmal?">
              <DialogBody>
                <DialogTitle>Dasselbe Geschenk noch einmal?</DialogTitle>
                <DialogContent>{repeat}</DialogContent>
                <DialogActions>
                  <Button appearance="primary" disabled={give.isPending} onClick={() => give.mutate(true)}>
                    Trotzdem schenken
                  </Button>
                  <Button onClick={() => setRepeat(null)}>Nicht schenken</Button>
                </DialogActions>
              </DialogBody>
            </DialogSurface>
          </Dialog>
        )}
      </DialogSurface>
    </Dialog>
  );
}

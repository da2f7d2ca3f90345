import { useState } from 'react';
import {
  Badge,
  Button,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Tab,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  TabList,
  Text,
  Title2,
  tokens,
} from '@fluentui/react-components';
import { AddRegular, GiftRegular } from '@fluentui/react-icons';
import { useQuery } from '@tanstack/react-query';
import { formatEuro } from '../../../../core/api';
import { api } from '../../api/client';
import { useRegisterPageStyles } from '../../components/layout-styles';
import { RegisterRow } from '../../components/RegisterRow';
import { RouteScope, useRouteTab } from '../../components/route';
import { openedRecord, useRecordDialog } from '../../components/use-dialog-state';
import { EmptyState } from '../../components/EmptyState';
import { ErrorMessage } from '../../components/ErrorMessage';
import { count, germanDate } from '../../components/format';
import { GiftItemDialog } from './GiftItemDialog';
import { GiveGiftDialog } from './GiveGiftDialog';
import { ReceivedGifts } from './ReceivedGifts';

const VIEWS = ['stock', 'given', 'received'] as const;
type View = (typeof VIEWS)[number];

const useStyles = makeStyles({
  bar: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center', flexWrap: 'wrap' },
});

/** Gastgeschenke: the stock of standard gifts, the gifts given, the gifts received. */
export function GiftsPage() {
  const page = useRegisterPageStyles();
  const [view, setView] = useRouteTab(VIEWS);
  return (
    <div className={page.page}>
      <div className={page.head}>
        <Title2 as="h1">Geschenke</Title2>
      </div>
      <TabList selectedValue={view} onTabSelect={(_, d) => setView(d.value as View)} aria-label="Geschenke">
        <Tab value="stock">Bestand</Tab>
        <Tab value="given">Verschenkt</Tab>
        <Tab value="received">Erhalten</Tab>
      </TabList>
      <RouteScope segment={view}>
        {view === 'stock' && <GiftStock />}
        {view === 'given' && <GiftsGiven />}
        {view === 'received' && <ReceivedGifts />}
      </RouteScope>
    </div>
  );
}

function GiftStock() {
  const page = useRegisterPageStyles();
  const styles = useStyles();
  const { opened, open, close } = useRecordDialog();
  const items = useQuery({ queryKey: ['gifts.items'], queryFn: () => api('gifts.items', {}) });
  const item = openedRecord(opened, items.data, (i) => i.id);
  const list = items.data ?? [];
  const value = list.reduce((sum, i) => sum + i.quantity * i.unitValueCents, 0);
  const empty = items.data !== undefined && list.length === 0;
  const add = (
    <Button icon={<AddRegular />} onClick={() => open(null)}>
      In den Bestand aufnehmen …
    </Button>
  );
  return (
    <>
      {!empty && (
        <div className={styles.bar}>
          <Text className={page.muted} role="status">
            {count(list.length, 'Geschenk', 'Geschenke')} im Bestand, Gesamtwert {formatEuro(value)}
          </Text>
          <div className={page.grow} />
          {add}
        </div>
      )}
      <ErrorMessage error={items.error} title="Der Bestand lässt sich nicht laden" />
      {empty ? (
        <EmptyState actions={add}>Noch keine Geschenke im Bestand. Nehmen Sie die Gastgeschenke auf, die das Büro vorrätig hat – mit Stückzahl und Wert je Stück.</EmptyState>
      ) : (
        <Table size="small" aria-label="Bestand">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Geschenk</TableHeaderCell>
              <TableHeaderCell>Bestand</TableHeaderCell>
              <TableHeaderCell>Wert je Stück</TableHeaderCell>
              <TableHeaderCell>verschenkt</TableHeaderCell>
              <TableHeaderCell>Status</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {list.map((i) => (
              <RegisterRow key={i.id} onOpen={() => open(i.id)}>
                <TableCell>
                  <div className={page.stack}>
                    <Text weight="semibold">{i.name}</Text>
                    {i.description && <span className={page.muted}>{i.description}</span>}
                  </div>
                </TableCell>
                <TableCell>
                  {i.quantity === 0 ? (
                    <Badge appearance="tint" color="danger">
                      aufgebraucht
                    </Badge>
                  ) : (
                    `${i.quantity} Stück`
                  )}
                </TableCell>
                <TableCell>{formatEuro(i.unitValueCents)}</TableCell>
                <TableCell>{i.given}</TableCell>
                <TableCell>{i.active ? 'im Angebot' : 'nicht mehr angeboten'}</TableCell>
              </RegisterRow>
            ))}
          </TableBody>
        </Table>
      )}
      {opened && item !== undefined && <GiftItemDialog key={opened.key} item={item} onClose={close} />}
    </>
  );
}

function GiftsGiven() {
  const page = useRegisterPageStyles();
  const styles = useStyles();
  const [giving, setGiving] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const given = useQuery({ queryKey: ['gifts.given', {}], queryFn: () => api('gifts.given', {}) });
  const list = given.data ?? [];
  const empty = given.data !== undefined && list.length === 0;
  const add = (
    <Button appearance="primary" icon={<GiftRegular />} onClick={() => setGiving(true)}>
      Geschenk übergeben …
    </Button>
  );
  return (
    <>
      {!empty && (
        <div className={styles.bar}>
          <Text className={page.muted} role="status">
            {count(list.length, 'Geschenk verschenkt', 'Geschenke verschenkt')}
          </Text>
          <div className={page.grow} />
          {add}
        </div>
      )}
      {notice && (
        <MessageBar intent="success" role="status">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      )}
      <ErrorMessage error={given.error} title="Die Geschenke lassen sich nicht laden" />
      {empty ? (
        <EmptyState actions={add}>Noch nichts verschenkt. Tragen Sie ein, wem welches Geschenk übergeben wurde; der Bestand zählt dann mit.</EmptyState>
      ) : (
        <Table size="small" aria-label="Verschenkt">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Datum</TableHeaderCell>
              <TableHeaderCell>Geschenk</TableHeaderCell>
              <TableHeaderCell>an</TableHeaderCell>
              <TableHeaderCell>Anlass</TableHeaderCell>
              <TableHeaderCell>Wert</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {list.map((g) => (
              <TableRow key={g.id}>
                <TableCell>{germanDate(g.givenOn)}</TableCell>
                <TableCell>
                  {g.quantity > 1 ? `${g.quantity} × ` : ''}
                  {g.gift}
                </TableCell>
                <TableCell>{g.recipientName}</TableCell>
                <TableCell>
                  <div className={page.stack}>
                    <span>{g.occasion || '–'}</span>
                    {g.visit && <span className={page.muted}>Besuch: {g.visit}</span>}
                  </div>
                </TableCell>
                <TableCell>{g.valueCents ? formatEuro(g.valueCents) : '–'}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {giving && (
        <GiveGiftDialog
          onClose={() => setGiving(false)}
          onGiven={(gift) => {
            setGiving(false);
            setNotice(`„${gift.gift}“ an ${gift.recipientName} eingetragen (${germanDate(gift.givenOn)}).`);
          }}
        />
      )}
    </>
  );
}

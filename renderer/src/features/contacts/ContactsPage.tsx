import { useEffect, useRef, useState } from 'react';
import {
  Badge,
  Button,
  DrawerBody,
  DrawerHeader,
  DrawerHeaderTitle,
  makeStyles,
  MessageBar,
  MessageBarBody,
  OverlayDrawer,
  SearchBox,
  Select,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  Title2,
  tokens,
} from '@fluentui/react-components';
import { AddRegular, ArrowImportRegular, DismissRegular, MailEditRegular } from '@fluentui/react-icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Contact } from '../../../../core/api';
import { api } from '../../api/client';
import { EmptyState } from '../../components/EmptyState';
import { ErrorMessage } from '../../components/ErrorMessage';
import { count } from '../../components/format';
import { openOnEnter } from '../../components/RegisterRow';
import { useRecordDialog } from '../../components/use-dialog-state';
import { ContactForm } from './ContactForm';
import { displayName } from './contact-form-values';
import { DeleteContactDialog } from './DeleteContactDialog';
import { ImportDialog } from './ImportDialog';

const useStyles = makeStyles({
  page: { padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalXL}`, display: 'grid', gap: tokens.spacingVerticalM },
  head: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  grow: { flexGrow: 1 },
  filters: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap', alignItems: 'end' },
  search: { minWidth: '280px', flexGrow: 1, maxWidth: '420px' },
  filter: { width: '190px' },
  row: { cursor: 'pointer' },
  tags: { display: 'flex', gap: '4px', flexWrap: 'wrap' },
  muted: { color: tokens.colorNeutralForeground3 },
  drawerActions: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center' },
});

type Editing = { mode: 'new' } | { mode: 'edit'; contact: Contact } | null;

/** `onWriteLetter`: begins a letter to the contact open in the drawer (Korrespondenz → Brief schreiben). */
export function ContactsPage({ onWriteLetter }: { onWriteLetter?: (contact: { id: number; displayName: string }) => void }) {
  const styles = useStyles();
  const [query, setQuery] = useState('');
  const [debouncedQuery, setDebouncedQuery] = useState('');
  const [kind, setKind] = useState<'' | 'person' | 'organisation'>('');
  const [tag, setTag] = useState('');
  const [roleKey, setRoleKey] = useState('');
  const [sort, setSort] = useState<'name' | 'city' | 'updated'>('name');
  const [deleting, setDeleting] = useState<{ id: number; revision: number; name: string } | null>(null);
  const [importing, setImporting] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  // The contact open in the drawer is in the address (`#/contacts/42`); it is read afresh at every opening.
  const drawer = useRecordDialog();
  const openedId = drawer.opened?.target ?? null;
  const opened = useQuery({ queryKey: ['contacts.get', openedId], queryFn: () => api('contacts.get', { id: openedId! }), enabled: openedId !== null, staleTime: 0, gcTime: 0 });
  const editing: Editing = !drawer.opened ? null : drawer.opened.target === null ? { mode: 'new' } : opened.data ? { mode: 'edit', contact: opened.data } : null;
  const { open: openDrawer } = drawer;

  useEffect(() => {
    const timer = setTimeout(() => setDebouncedQuery(query), 120);
    return () => clearTimeout(timer);
  }, [query]);

  // Keyboard: Alt+N new contact, Ctrl+F / "/" search.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey && event.key.toLowerCase() === 'n') {
        event.preventDefault();
        openDrawer(null);
      } else if ((event.ctrlKey && event.key.toLowerCase() === 'f') || (event.key === '/' && !isTyping(event))) {
        event.preventDefault();
        searchRef.current?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [openDrawer]);

  const roles = useQuery({ queryKey: ['addressing.roles'], queryFn: () => api('addressing.roles', {}), staleTime: Infinity });
  const tags = useQuery({ queryKey: ['contacts.tags'], queryFn: () => api('contacts.tags', {}) });
  const filter = { query: debouncedQuery || undefined, kind: kind || undefined, tag: tag || undefined, roleKey: roleKey || undefined, sort };
  const list = useQuery({
    queryKey: ['contacts.list', filter],
    queryFn: () => api('contacts.list', filter),
    placeholderData: keepPreviousData,
  });

  const empty = list.data !== undefined && list.data.total === 0 && !debouncedQuery && !kind && !tag && !roleKey;
  const add = (
    <>
      <Button icon={<ArrowImportRegular />} onClick={() => setImporting(true)}>
        CSV importieren …
      </Button>
      <Button appearance="primary" icon={<AddRegular />} onClick={() => drawer.open(null)} title="Alt+N">
        Neuer Kontakt
      </Button>
    </>
  );

  return (
    <div className={styles.page}>
      <div className={styles.head}>
        <Title2 as="h1">Kontakte</Title2>
        <div className={styles.grow} />
        {!empty && add}
      </div>

      <div className={styles.filters} role="search">
        <SearchBox
          ref={searchRef}
          className={styles.search}
          placeholder="Suchen: Name, Organisation, Ort, Gruppe …"
          aria-label="Kontakte durchsuchen"
          value={query}
          onChange={(_, data) => setQuery(data.value)}
          autoFocus
        />
        <Select className={styles.filter} aria-label="Art" value={kind} onChange={(_, d) => setKind(d.value as typeof kind)}>
          <option value="">Alle Arten</option>
          <option value="person">Personen</option>
          <option value="organisation">Organisationen</option>
        </Select>
        <Select className={styles.filter} aria-label="Gruppe" value={tag} onChange={(_, d) => setTag(d.value)}>
          <option value="">Alle Gruppen</option>
          {tags.data?.map((t) => (
            <option key={t.tag} value={t.tag}>
              {t.tag} ({t.count})
            </option>
          ))}
        </Select>
        <Select className={styles.filter} aria-label="Amt" value={roleKey} onChange={(_, d) => setRoleKey(d.value)}>
          <option value="">Alle Ämter</option>
          {roles.data?.map((r) => (
            <option key={r.key} value={r.key}>
              {r.label}
            </option>
          ))}
        </Select>
        <Select className={styles.filter} aria-label="Sortierung" value={sort} onChange={(_, d) => setSort(d.value as typeof sort)}>
          <option value="name">nach Name</option>
          <option value="city">nach Ort</option>
          <option value="updated">zuletzt geändert</option>
        </Select>
      </div>

      {notice && (
        <MessageBar intent="success" role="status">
          <MessageBarBody>{notice}</MessageBarBody>
          <Button appearance="transparent" icon={<DismissRegular />} aria-label="Hinweis schließen" onClick={() => setNotice(null)} />
        </MessageBar>
      )}
      <ErrorMessage error={list.error ?? opened.error} />
      {list.isPending && <Spinner label="Kontakte werden geladen …" />}
      {list.data && (
        <>
          <Text className={styles.muted} role="status">
            {list.data.total === list.data.items.length
              ? count(list.data.total, 'Kontakt', 'Kontakte')
              : `${list.data.items.length.toLocaleString('de-DE')} von ${count(list.data.total, 'Kontakt', 'Kontakten')} angezeigt`}
          </Text>
          {empty ? (
            <EmptyState actions={add}>
              Noch keine Kontakte. Legen Sie den ersten Kontakt an oder übernehmen Sie eine Adressliste als CSV-Datei (etwa aus Outlook oder Excel); die Anrede ergibt sich aus Amt und
              Titel.
            </EmptyState>
          ) : list.data.items.length === 0 ? (
            <Text>Keine Kontakte gefunden.</Text>
          ) : (
            <Table aria-label="Kontaktliste" size="small">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>Name</TableHeaderCell>
                  <TableHeaderCell>Amt / Funktion</TableHeaderCell>
                  <TableHeaderCell>Organisation</TableHeaderCell>
                  <TableHeaderCell>Ort</TableHeaderCell>
                  <TableHeaderCell>Gruppen</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {list.data.items.map((item) => (
                  <TableRow
                    key={item.id}
                    className={styles.row}
                    tabIndex={0}
                    onClick={() => drawer.open(item.id)}
                    onKeyDown={(event) => {
                      if (event.key === 'Delete') setDeleting({ id: item.id, revision: item.revision, name: item.displayName });
                      else openOnEnter(() => drawer.open(item.id))(event);
                    }}
                  >
                    <TableCell>
                      {item.displayName}
                      {item.kind === 'organisation' && (
                        <Badge appearance="tint" size="small" style={{ marginLeft: 6 }}>
                          Organisation
                        </Badge>
                      )}
                    </TableCell>
                    <TableCell>{item.roleLabel}</TableCell>
                    <TableCell>{item.organisationName}</TableCell>
                    <TableCell>{item.city}</TableCell>
                    <TableCell>
                      <span className={styles.tags}>
                        {item.tags.map((t) => (
                          <Badge key={t} appearance="outline" color="informative" size="small">
                            {t}
                          </Badge>
                        ))}
                      </span>
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </>
      )}

      <OverlayDrawer
        position="end"
        size="large"
        open={editing !== null}
        onOpenChange={(_, data) => !data.open && drawer.close()}
        style={{ width: 'min(1100px, 92vw)' }}
      >
        <DrawerHeader>
          <DrawerHeaderTitle
            action={
              <span className={styles.drawerActions}>
                {editing?.mode === 'edit' && onWriteLetter && (
                  <Button icon={<MailEditRegular />} onClick={() => onWriteLetter({ id: editing.contact.id, displayName: displayName(editing.contact) })}>
                    Brief schreiben
                  </Button>
                )}
                <Button appearance="subtle" aria-label="Schließen" icon={<DismissRegular />} onClick={() => drawer.close()} />
              </span>
            }
          >
            {editing?.mode === 'edit' ? 'Kontakt bearbeiten' : 'Neuer Kontakt'}
          </DrawerHeaderTitle>
        </DrawerHeader>
        <DrawerBody>
          {editing && roles.data && (
            <ContactForm
              key={editing.mode === 'edit' ? editing.contact.id : 'new'}
              contact={editing.mode === 'edit' ? editing.contact : null}
              roles={roles.data}
              onCancel={() => drawer.close()}
              onSaved={(saved) => {
                drawer.close();
                setNotice(`„${displayName(saved)}“ wurde gespeichert.`);
              }}
              onDeleted={(name) => {
                drawer.close();
                setNotice(`„${name}“ wurde gelöscht.`);
              }}
            />
          )}
        </DrawerBody>
      </OverlayDrawer>

      <DeleteContactDialog
        target={deleting}
        onClose={() => setDeleting(null)}
        onDeleted={(name) => {
          setDeleting(null);
          drawer.close();
          setNotice(`„${name}“ wurde gelöscht.`);
        }}
      />
      <ImportDialog
        open={importing}
        onClose={() => setImporting(false)}
        onImported={(message) => {
          setImporting(false);
          setNotice(message);
        }}
      />
    </div>
  );
}

function isTyping(event: KeyboardEvent): boolean {
  const target = event.target as HTMLElement | null;
  return Boolean(target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT' || target.isContentEditable));
}

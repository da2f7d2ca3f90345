import {
  Badge,
  makeStyles,
  mergeClasses,
  Button,
  Spinner,
  Subtitle1,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
} from '@fluentui/react-components';
import { AddRegular } from '@fluentui/react-icons';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { EmptyState } from '../../components/EmptyState';
import { ErrorMessage } from '../../components/ErrorMessage';
import { count } from '../../components/format';
import { useRegisterPageStyles } from '../../components/layout-styles';
import { RegisterRow } from '../../components/RegisterRow';
import { openedRecord, useRecordDialog } from '../../components/use-dialog-state';
import { DistributionListDialog } from './DistributionListDialog';
import { MediaContactDialog } from './MediaContactDialog';

const useStyles = makeStyles({ head: { alignItems: 'center' } });

/** Media contacts (outlets, editors, topics) and the distribution lists built from them. */
export function MediaContactsTab() {
  const styles = useRegisterPageStyles();
  const own = useStyles();
  const contactDialog = useRecordDialog();
  const listDialog = useRecordDialog('list');
  const media = useQuery({ queryKey: ['press.media.list'], queryFn: () => api('press.media.list', {}) });
  const lists = useQuery({ queryKey: ['press.lists.list'], queryFn: () => api('press.lists.list', {}) });
  const openedContact = openedRecord(contactDialog.opened, media.data, (m) => m.contactId);
  const openedList = openedRecord(listDialog.opened, lists.data, (l) => l.id);
  const noMedia = media.data !== undefined && media.data.length === 0;
  const noLists = lists.data !== undefined && lists.data.length === 0;
  const addMedia = (
    <Button appearance="primary" icon={<AddRegular />} onClick={() => contactDialog.open(null)}>
      Medienkontakt hinzufügen …
    </Button>
  );
  const addList = (
    <Button icon={<AddRegular />} onClick={() => listDialog.open(null)}>
      Verteiler anlegen …
    </Button>
  );

  return (
    <div className={styles.page}>
      <div className={mergeClasses(styles.head, own.head)}>
        <Subtitle1 as="h2">Medienkontakte</Subtitle1>
        <div className={styles.grow} />
        {!noMedia && addMedia}
      </div>
      <ErrorMessage error={media.error} title="Die Medienkontakte lassen sich nicht laden" />
      {media.isPending && <Spinner size="small" />}
      {noMedia && (
        <EmptyState actions={addMedia}>
          Noch keine Medienkontakte. Fügen Sie Redaktionen und Journalist/innen hinzu; aus ihnen stellen Sie Verteiler für Pressemitteilungen und Einladungen zusammen.
        </EmptyState>
      )}
      {media.data && !noMedia && (
        <>
          <Text className={styles.muted} role="status">
            {count(media.data.length, 'Medienkontakt', 'Medienkontakte')}
          </Text>
          <Table size="small" aria-label="Medienkontakte">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>Name</TableHeaderCell>
                <TableHeaderCell>Medium</TableHeaderCell>
                <TableHeaderCell>Art</TableHeaderCell>
                <TableHeaderCell>Themen</TableHeaderCell>
                <TableHeaderCell>Verteiler</TableHeaderCell>
                <TableHeaderCell>E-Mail / Telefon</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {media.data.map((m) => (
                <RegisterRow key={m.contactId} onOpen={() => contactDialog.open(m.contactId)}>
                  <TableCell>
                    <Text weight="semibold">{m.name}</Text>
                  </TableCell>
                  <TableCell>{m.organisation || '–'}</TableCell>
                  <TableCell>{m.mediaType || '–'}</TableCell>
                  <TableCell>
                    <div className={styles.badges}>
                      {m.topics.map((t) => (
                        <Badge key={t} appearance="outline" color="informative">
                          {t}
                        </Badge>
                      ))}
                    </div>
                  </TableCell>
                  <TableCell>{m.lists.join(', ') || '–'}</TableCell>
                  <TableCell>
                    <div className={styles.stack}>
                      {m.email && <span>{m.email}</span>}
                      {m.phone && <span className={styles.muted}>{m.phone}</span>}
                    </div>
                  </TableCell>
                </RegisterRow>
              ))}
            </TableBody>
          </Table>
        </>
      )}

      <div className={mergeClasses(styles.head, own.head)}>
        <Subtitle1 as="h2">Verteiler</Subtitle1>
        <div className={styles.grow} />
        {!noLists && addList}
      </div>
      <ErrorMessage error={lists.error} title="Die Verteiler lassen sich nicht laden" />
      {noLists && <EmptyState actions={addList}>Noch keine Verteiler. Legen Sie einen Verteiler an, um viele Medien auf einmal einzuladen oder anzuschreiben.</EmptyState>}
      {lists.data && !noLists && (
        <Table size="small" aria-label="Verteiler">
          <TableHeader>
            <TableRow>
              <TableHeaderCell style={{ width: '260px' }}>Verteiler</TableHeaderCell>
              <TableHeaderCell style={{ width: '120px' }}>Empfänger</TableHeaderCell>
              <TableHeaderCell>Wer</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {lists.data.map((l) => (
              <RegisterRow key={l.id} onOpen={() => listDialog.open(l.id)}>
                <TableCell>
                  <div className={styles.stack}>
                    <Text weight="semibold">{l.name}</Text>
                    {l.description && <span className={styles.muted}>{l.description}</span>}
                  </div>
                </TableCell>
                <TableCell>{l.members.length}</TableCell>
                <TableCell>{l.members.map((m) => (m.organisation ? `${m.name} (${m.organisation})` : m.name)).join(', ') || '–'}</TableCell>
              </RegisterRow>
            ))}
          </TableBody>
        </Table>
      )}
      {contactDialog.opened && openedContact !== undefined && (
        <MediaContactDialog
          key={contactDialog.opened.key}
          contact={openedContact}
          onClose={contactDialog.close}
        />
      )}
      {listDialog.opened && openedList !== undefined && (
        <DistributionListDialog
          key={listDialog.opened.key}
          list={openedList}
          media={media.data ?? []}
          onClose={listDialog.close}
        />
      )}
    </div>
  );
}

import { useState } from 'react';
import { Badge, Button, makeStyles, Spinner, Subtitle1, Tab, Table, TabList, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, Title2, tokens } from '@fluentui/react-components';
import { AddRegular, PersonFeedbackRegular } from '@fluentui/react-icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { CHANNEL_NAMES, POST_STATUS_LABELS, type ChannelKey, type OnlinePost, type OnlineTopic } from '../../../../core/api';
import { api } from '../../api/client';
import { EmptyState } from '../../components/EmptyState';
import { ErrorMessage } from '../../components/ErrorMessage';
import { FilterSelect } from '../../components/FilterSelect';
import { count, germanDate } from '../../components/format';
import { useRegisterPageStyles } from '../../components/layout-styles';
import { RegisterRow } from '../../components/RegisterRow';
import { RouteScope, useRouteTab } from '../../components/route';
import { openedRecord, useRecordDialog } from '../../components/use-dialog-state';
import { addDays, berlinToday } from '../calendar/wall-clock';
import { wallClockText } from '../press/press-format';
import { excerpt, POST_STATUS_COLORS } from './online-format';
import { CrisisBanner, CrisisPanel, useCrisis } from './CrisisPanel';
import { PlanCalendar } from './PlanCalendar';
import { PostDialog } from './PostDialog';
import { ProposalsPanel } from './ProposalsPanel';
import { SocialRequestDialog } from './SocialRequestDialog';
import { TopicDialog } from './TopicDialog';

const useStyles = makeStyles({
  nowrap: { whiteSpace: 'nowrap' },
  problem: { color: tokens.colorPaletteRedForeground1 },
});

/** "01.06.2027 – 20.06.2027", "ab 01.06.2027", "–". */
const span = (topic: OnlineTopic) =>
  topic.startsOn && topic.endsOn
    ? `${germanDate(topic.startsOn)} – ${germanDate(topic.endsOn)}`
    : topic.startsOn
      ? `ab ${germanDate(topic.startsOn)}`
      : topic.endsOn
        ? `bis ${germanDate(topic.endsOn)}`
        : '–';

function PostRow({ post, onOpen }: { post: OnlinePost; onOpen: (id: number) => void }) {
  const styles = useRegisterPageStyles();
  const own = useStyles();
  const problems = post.check.problems.length;
  return (
    <RegisterRow onOpen={() => onOpen(post.id)}>
      <TableCell className={own.nowrap}>{post.publishedAt ? wallClockText(post.publishedAt) : post.plannedAt ? wallClockText(post.plannedAt) : 'ohne Termin'}</TableCell>
      <TableCell>{post.channelName}</TableCell>
      <TableCell>
        <div className={styles.stack}>
          <span>{excerpt(post.text) || <span className={styles.muted}>(noch kein Text)</span>}</span>
          {post.topic && <span className={styles.muted}>{post.topic}</span>}
        </div>
      </TableCell>
      <TableCell>
        <Badge className={own.nowrap} appearance="tint" color={POST_STATUS_COLORS[post.status]}>
          {POST_STATUS_LABELS[post.status]}
        </Badge>
      </TableCell>
      <TableCell className={problems ? own.problem : undefined}>
        {problems ? count(problems, 'Hinweis', 'Hinweise') : 'passt'} ({post.check.length.toLocaleString('de-DE')}/{post.check.limit.toLocaleString('de-DE')})
      </TableCell>
    </RegisterRow>
  );
}

const VIEWS = ['overview', 'plan', 'proposals', 'crisis'] as const;
type View = (typeof VIEWS)[number];

/**
 * The online editorial plan (Redaktionsplan): an overview of the topics and posts, and the plan
 * as a calendar. The tab is part of the address (`#/online/plan/post-12`), the post open in it, too.
 */
export function OnlinePage() {
  const styles = useRegisterPageStyles();
  const [view, setView] = useRouteTab(VIEWS);
  const crisis = useCrisis();
  return (
    <>
      <div className={styles.page} style={{ paddingBottom: 0 }}>
        <Title2 as="h1">Online-Redaktion</Title2>
        <TabList selectedValue={view} onTabSelect={(_, data) => setView(data.value as View)} aria-label="Bereich der Online-Redaktion">
          <Tab value="overview">Themen und Beiträge</Tab>
          <Tab value="plan">Plan</Tab>
          <Tab value="proposals">Vorschläge</Tab>
          <Tab value="crisis">Krisenmodus</Tab>
        </TabList>
        {crisis.data && <CrisisBanner crisis={crisis.data} />}
      </div>
      <RouteScope segment={view}>
        {view === 'overview' && <OnlineOverview />}
        {view === 'plan' && <PlanCalendar />}
        {view === 'proposals' && <ProposalsPanel />}
        {view === 'crisis' && <CrisisPanel />}
      </RouteScope>
    </>
  );
}

/**
 * The topics with goal, owner and dates, and the posts of the coming weeks on every channel,
 * each checked against its channel.
 */
function OnlineOverview() {
  const styles = useRegisterPageStyles();
  const [channel, setChannel] = useState<ChannelKey | ''>('');
  const topicDialog = useRecordDialog('topic');
  const postDialog = useRecordDialog('post');
  const [asking, setAsking] = useState(false);
  const today = berlinToday();
  const from = addDays(today, -7);
  const to = addDays(today, 28);
  const topics = useQuery({ queryKey: ['online.topics.list'], queryFn: () => api('online.topics.list', {}) });
  const posts = useQuery({
    queryKey: ['online.posts.list', from, to, channel],
    queryFn: () => api('online.posts.list', { from, to, channel: channel || undefined, unplanned: true }),
    placeholderData: keepPreviousData,
  });
  const openTopic = openedRecord(topicDialog.opened, topics.data, (t) => t.id);
  return (
    <div className={styles.page}>
      <section aria-labelledby="online-topics" className={styles.page} style={{ padding: 0 }}>
        <div className={styles.head}>
          <Subtitle1 as="h2" id="online-topics">
            Themen
          </Subtitle1>
          <div className={styles.grow} />
          <Button icon={<AddRegular />} onClick={() => topicDialog.open(null)}>
            Thema anlegen …
          </Button>
        </div>
        <ErrorMessage error={topics.error} title="Die Themen lassen sich nicht laden" />
        {topics.isPending && <Spinner size="small" />}
        {topics.data?.length === 0 && <EmptyState>Noch keine Themen. Legen Sie eines an und planen Sie dazu Beiträge für die Kanäle.</EmptyState>}
        {!!topics.data?.length && (
          <Table size="small" aria-label="Themen">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>Thema</TableHeaderCell>
                <TableHeaderCell>Ziel</TableHeaderCell>
                <TableHeaderCell style={{ width: '180px' }}>Verantwortlich</TableHeaderCell>
                <TableHeaderCell style={{ width: '210px' }}>Zeitraum</TableHeaderCell>
                <TableHeaderCell style={{ width: '90px' }}>Beiträge</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {topics.data.map((topic) => (
                <RegisterRow key={topic.id} onOpen={() => topicDialog.open(topic.id)}>
                  <TableCell>
                    <Text weight="semibold">{topic.title}</Text>
                  </TableCell>
                  <TableCell>{excerpt(topic.goal, 120) || '–'}</TableCell>
                  <TableCell>{topic.owner || '–'}</TableCell>
                  <TableCell>{span(topic)}</TableCell>
                  <TableCell>{topic.postCount}</TableCell>
                </RegisterRow>
              ))}
            </TableBody>
          </Table>
        )}
      </section>

      <section aria-labelledby="online-posts" className={styles.page} style={{ padding: 0 }}>
        <div className={styles.head}>
          <Subtitle1 as="h2" id="online-posts">
            Beiträge
          </Subtitle1>
          <FilterSelect label="Kanal" value={channel} labels={CHANNEL_NAMES} onChange={setChannel} />
          <div className={styles.grow} />
          <Button icon={<PersonFeedbackRegular />} onClick={() => setAsking(true)}>
            Anliegen aus sozialen Medien erfassen …
          </Button>
          <Button appearance="primary" icon={<AddRegular />} onClick={() => postDialog.open(null)}>
            Beitrag anlegen …
          </Button>
        </div>
        <ErrorMessage error={posts.error} title="Die Beiträge lassen sich nicht laden" />
        {posts.isPending && <Spinner size="small" />}
        {posts.data && (
          <>
            <Text className={styles.muted} role="status">
              {count(posts.data.length, 'Beitrag', 'Beiträge')} (ohne Termin oder geplant vom {germanDate(from)} bis {germanDate(to)})
              {posts.isFetching && ' …'}
            </Text>
            {posts.data.length > 0 && (
              <Table size="small" aria-label="Beiträge">
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell style={{ width: '170px' }}>Zeitpunkt</TableHeaderCell>
                    <TableHeaderCell style={{ width: '130px' }}>Kanal</TableHeaderCell>
                    <TableHeaderCell>Text</TableHeaderCell>
                    <TableHeaderCell style={{ width: '130px' }}>Status</TableHeaderCell>
                    <TableHeaderCell style={{ width: '170px' }}>Prüfung</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {posts.data.map((post) => (
                    <PostRow key={post.id} post={post} onOpen={postDialog.open} />
                  ))}
                </TableBody>
              </Table>
            )}
          </>
        )}
      </section>

      {topicDialog.opened && openTopic !== undefined && <TopicDialog key={topicDialog.opened.key} topic={openTopic} onClose={topicDialog.close} />}
      {asking && <SocialRequestDialog onClose={() => setAsking(false)} />}
      {postDialog.opened && <PostDialog key={postDialog.opened.key} postId={postDialog.opened.target} topicId={null} onClose={postDialog.close} />}
    </div>
  );
}

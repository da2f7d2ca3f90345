import { useEffect, useState } from 'react';
import { makeStyles, MessageBar, MessageBarBody, MessageBarTitle, Text, tokens } from '@fluentui/react-components';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { CHANNEL_AFTER_FUER, CHANNEL_NAMES, postedText, type ChannelKey, type PostMedia } from '../../../../core/api';
import { api } from '../../api/client';

const useStyles = makeStyles({
  count: { fontVariantNumeric: 'tabular-nums' },
  over: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  list: { margin: 0, paddingLeft: '1.2em' },
});

/**
 * The channel check of the text being typed (`online.check`): the length as the platform counts
 * it and what to fix before the approval, shown while typing; `on`: the day the post goes out
 * (for the usage rights of its images and videos).
 */
export function ChannelCheck({ channel, text, link, media, on }: { channel: ChannelKey; text: string; link: string; media: PostMedia[]; on?: string }) {
  const styles = useStyles();
  const posted = postedText(text, link);
  // A short pause after the last key, so a fast typist does not send a request per letter.
  const [input, setInput] = useState({ channel, text: posted, media, on });
  useEffect(() => {
    const timer = setTimeout(() => setInput({ channel, text: posted, media, on }), 120);
    return () => clearTimeout(timer);
  }, [channel, posted, media, on]);
  const check = useQuery({
    queryKey: ['online.check', input.channel, input.text, input.media, input.on],
    queryFn: () => api('online.check', input),
    placeholderData: keepPreviousData,
  });
  const result = check.data;
  if (!result) return null;
  const name = CHANNEL_NAMES[input.channel];
  return (
    <section aria-label="Prüfung für den Kanal">
      <Text className={result.length > result.limit ? styles.over : styles.count} role="status">
        {result.length.toLocaleString('de-DE')} von {result.limit.toLocaleString('de-DE')} Zeichen{input.channel === 'youtube' ? ' im Titel' : ''} ({name})
      </Text>
      {result.problems.length > 0 ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Vor der Freigabe zu klären</MessageBarTitle>
            <ul className={styles.list}>
              {result.problems.map((problem, i) => (
                <li key={`${problem.code}-${i}`}>{problem.message}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      ) : (
        <MessageBar intent="success">
          <MessageBarBody>Passt für {CHANNEL_AFTER_FUER[input.channel]}.</MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}

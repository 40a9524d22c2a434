import { Box, Paper, ScrollArea, Text, Title } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { JobLog } from '../../api/types';
import { formatTime } from '../../components/format';

const LEVEL_COLORS: Record<JobLog['level'], string | undefined> = {
  DEBUG: 'dimmed',
  INFO: undefined,
  WARNING: 'orange',
  ERROR: 'red',
};

/** The job's log, newest line kept in view while lines arrive. */
export function JobLogView({ lines }: { lines: JobLog[] }) {
  const { t, i18n } = useTranslation();
  const viewport = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = viewport.current;
    if (element) {
      element.scrollTop = element.scrollHeight;
    }
  }, [lines.length]);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="job-log">
      <Title order={2} size="h4" id="job-log" mb="xs">
        {t('jobs.detail.log')}
      </Title>
      {lines.length === 0 ? (
        <Text c="dimmed">{t('jobs.detail.noLog')}</Text>
      ) : (
        <ScrollArea.Autosize mah={420} viewportRef={viewport}>
          <Box
            component="ol"
            role="log"
            aria-label={t('jobs.detail.log')}
            m={0}
            p={0}
            style={{ listStyle: 'none' }}
          >
            {lines.map((line) => (
              <Text
                component="li"
                key={line.id}
                ff="monospace"
                fz="xs"
                c={LEVEL_COLORS[line.level]}
              >
                {`${formatTime(line.createdAt, i18n.language)}  ${line.level.padEnd(7)} ${line.message}`}
              </Text>
            ))}
          </Box>
        </ScrollArea.Autosize>
      )}
    </Paper>
  );
}

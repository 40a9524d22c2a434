import { Paper, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Artifact } from '../../api/types';
import { formatBytes } from '../../components/format';

/** The files the job produced, as stored with the job (they survive restarts). */
export function JobArtifacts({ artifacts }: { artifacts: Artifact[] }) {
  const { t, i18n } = useTranslation();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="job-artifacts">
      <Title order={2} size="h4" id="job-artifacts" mb="xs">
        {t('jobs.detail.artifacts')}
      </Title>
      {artifacts.length === 0 ? (
        <Text c="dimmed">{t('jobs.detail.noArtifacts')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table striped aria-label={t('jobs.detail.artifacts')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('jobs.artifacts.path')}</Table.Th>
                <Table.Th>{t('jobs.artifacts.kind')}</Table.Th>
                <Table.Th ta="right">{t('jobs.artifacts.size')}</Table.Th>
                <Table.Th>{t('jobs.artifacts.crc')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {artifacts.map((artifact) => (
                <Table.Tr key={artifact.id}>
                  <Table.Th scope="row" ff="monospace" fw={400}>
                    {artifact.path}
                  </Table.Th>
                  <Table.Td>{artifact.kind}</Table.Td>
                  <Table.Td ta="right">{formatBytes(artifact.sizeBytes, i18n.language)}</Table.Td>
                  <Table.Td ff="monospace">{artifact.crc32 ?? '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}

import { Group, NativeSelect, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { RELEASE_TYPES, type ReleaseType } from '../../../api/types';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { SourceBadge } from '../../../components/SourceBadge';
import { GROUP_PATTERN, useEffectivePath } from './paths-api';

interface EffectivePathProps {
  group: string;
  type: ReleaseType;
  onChange: (group: string, type: ReleaseType) => void;
}

function Resolved({ group, type }: { group: string; type: ReleaseType }) {
  const { t } = useTranslation();
  const resolved = useEffectivePath(group, type);
  if (!GROUP_PATTERN.test(group)) {
    return <Text c="dimmed">{t('paths.effective.pick')}</Text>;
  }
  if (resolved.isError) {
    return <ErrorAlert error={resolved.error} />;
  }
  if (!resolved.data) {
    return null;
  }
  return (
    <Table aria-label={t('paths.effective.label')}>
      <Table.Tbody>
        <Table.Tr>
          <Table.Th scope="row">{t('paths.fields.outputDir')}</Table.Th>
          <Table.Td ff="monospace">{resolved.data.outputDir}</Table.Td>
        </Table.Tr>
        <Table.Tr>
          <Table.Th scope="row">{t('paths.fields.inputDir')}</Table.Th>
          <Table.Td ff="monospace">{resolved.data.inputDir ?? '—'}</Table.Td>
        </Table.Tr>
        <Table.Tr>
          <Table.Th scope="row">{t('paths.effective.source')}</Table.Th>
          <Table.Td>
            <SourceBadge source={resolved.data.source} />
          </Table.Td>
        </Table.Tr>
      </Table.Tbody>
    </Table>
  );
}

/** Where releases of a group and type go for this user: their rule, else the global, else default. */
export function EffectivePath({ group, type, onChange }: EffectivePathProps) {
  const { t } = useTranslation();
  const [settled] = useDebouncedValue(group.trim(), 300);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="effective-path">
      <Stack>
        <Title order={2} size="h4" id="effective-path">
          {t('paths.effective.title')}
        </Title>
        <Group align="flex-end">
          <TextInput
            label={t('paths.effective.group')}
            value={group}
            onChange={(event) => {
              onChange(event.currentTarget.value, type);
            }}
          />
          <NativeSelect
            label={t('paths.effective.type')}
            value={type}
            data={RELEASE_TYPES.map((value) => ({ value, label: t(`releaseType.${value}`) }))}
            onChange={(event) => {
              onChange(group, event.currentTarget.value as ReleaseType);
            }}
          />
        </Group>
        <Resolved group={settled} type={type} />
      </Stack>
    </Paper>
  );
}

import { Button, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PathRule } from '../../../api/types';

interface PathRulesTableProps {
  rules: PathRule[];
  canDelete: (rule: PathRule) => boolean;
  onDelete: (rule: PathRule) => void;
}

/** Every rule the user can see (their own and the global ones; admins see all). */
export function PathRulesTable({ rules, canDelete, onDelete }: PathRulesTableProps) {
  const { t } = useTranslation();
  if (rules.length === 0) {
    return <Text c="dimmed">{t('paths.rules.empty')}</Text>;
  }
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped aria-label={t('paths.rules.label')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('paths.fields.groupName')}</Table.Th>
            <Table.Th>{t('paths.fields.releaseType')}</Table.Th>
            <Table.Th>{t('paths.fields.scope')}</Table.Th>
            <Table.Th>{t('paths.fields.outputDir')}</Table.Th>
            <Table.Th>{t('paths.fields.inputDir')}</Table.Th>
            <Table.Th>{t('paths.rules.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rules.map((rule) => (
            <Table.Tr key={rule.id}>
              <Table.Th scope="row">{rule.groupName}</Table.Th>
              <Table.Td>{t(`releaseType.${rule.releaseType}`)}</Table.Td>
              <Table.Td>{t(`scope.${rule.scope}`)}</Table.Td>
              <Table.Td ff="monospace">{rule.outputDir}</Table.Td>
              <Table.Td ff="monospace">{rule.inputDir ?? '—'}</Table.Td>
              <Table.Td>
                {canDelete(rule) && (
                  <Button
                    size="xs"
                    variant="subtle"
                    color="red"
                    aria-label={t('paths.rules.deleteNamed', {
                      group: rule.groupName,
                      type: t(`releaseType.${rule.releaseType}`),
                      scope: t(`scope.${rule.scope}`),
                    })}
                    onClick={() => {
                      onDelete(rule);
                    }}
                  >
                    {t('paths.rules.delete')}
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

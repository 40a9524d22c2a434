import { Badge, Button, Group, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Template } from '../../../api/types';
import { formatDate } from '../../../components/format';

export type TemplateIntent = 'open' | 'default' | 'delete';

interface TemplatesTableProps {
  templates: Template[];
  canWrite: boolean;
  onIntent: (template: Template, intent: TemplateIntent) => void;
}

function Actions({
  template,
  canWrite,
  onIntent,
}: Omit<TemplatesTableProps, 'templates'> & { template: Template }) {
  const { t } = useTranslation();
  const name = template.name;
  const stored = template.id !== null;
  const button = (intent: TemplateIntent, label: string, named: string, color?: string) => (
    <Button
      size="xs"
      variant={intent === 'open' ? 'default' : 'subtle'}
      color={color}
      aria-label={named}
      onClick={() => {
        onIntent(template, intent);
      }}
    >
      {label}
    </Button>
  );
  return (
    <Group gap={4} wrap="nowrap">
      {button('open', t('templates.actions.open'), t('templates.actions.openNamed', { name }))}
      {canWrite &&
        stored &&
        !template.isDefault &&
        button(
          'default',
          t('templates.actions.makeDefault'),
          t('templates.actions.makeDefaultNamed', { name }),
        )}
      {canWrite &&
        stored &&
        !template.isDefault &&
        button(
          'delete',
          t('templates.actions.delete'),
          t('templates.actions.deleteNamed', { name }),
          'red',
        )}
    </Group>
  );
}

/** The templates of one kind and release type; the built-in one is listed when no stored default. */
export function TemplatesTable({ templates, ...rest }: TemplatesTableProps) {
  const { t, i18n } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped aria-label={t('templates.table.label')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('templates.fields.name')}</Table.Th>
            <Table.Th>{t('templates.fields.description')}</Table.Th>
            <Table.Th>{t('templates.table.status')}</Table.Th>
            <Table.Th>{t('templates.table.updated')}</Table.Th>
            <Table.Th>{t('templates.table.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {templates.map((template) => (
            <Table.Tr key={template.id ?? 'builtin'}>
              <Table.Th scope="row">{template.name}</Table.Th>
              <Table.Td>{template.description ?? '—'}</Table.Td>
              <Table.Td>
                <Group gap={4}>
                  {template.isDefault && (
                    <Badge variant="light">{t('templates.table.default')}</Badge>
                  )}
                  {template.builtin && (
                    <Badge variant="light" color="gray">
                      {t('templates.table.builtin')}
                    </Badge>
                  )}
                </Group>
              </Table.Td>
              <Table.Td>
                {template.builtin ? '—' : formatDate(template.updatedAt, i18n.language)}
              </Table.Td>
              <Table.Td>
                <Actions template={template} {...rest} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

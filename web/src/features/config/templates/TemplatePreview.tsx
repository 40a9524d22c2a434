import { Alert, Box, List, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/errors';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { usePreview, type TemplateFilter } from './templates-api';

const TOO_WIDE = /^Line (\d+) is (\d+) columns wide \(limit (\d+)\)/;

/** The server words its warnings in English; the width warning, the usual one, is translated. */
function warningText(t: TFunction, warning: string): string {
  const match = TOO_WIDE.exec(warning);
  if (!match) {
    return warning;
  }
  const [, line, width, limit] = match;
  return t('templates.preview.tooWide', { line, width, limit });
}

function RenderError({ error }: { error: unknown }) {
  return (
    <Stack gap="xs">
      <ErrorAlert error={error} />
      {isApiError(error) && (
        <Text size="sm" ff="monospace">
          {error.message}
        </Text>
      )}
    </Stack>
  );
}

/** The rendered text (sample data) and its warnings, updated a moment after typing stops. */
export function TemplatePreview({ content, filter }: { content: string; filter: TemplateFilter }) {
  const { t } = useTranslation();
  const [settled] = useDebouncedValue(content, 400);
  const preview = usePreview(settled, filter);
  const warnings = preview.data?.warnings ?? [];
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="template-preview">
      <Stack gap="xs">
        <Title order={3} size="h5" id="template-preview">
          {t('templates.preview.title')}
          {preview.isFetching && <Loader size="xs" ml="xs" aria-label={t('common.loading')} />}
        </Title>
        {preview.isError && <RenderError error={preview.error} />}
        {warnings.length > 0 && (
          <Alert color="yellow" title={t('templates.preview.warnings')} role="status">
            <List size="sm">
              {warnings.map((warning) => (
                <List.Item key={warning}>{warningText(t, warning)}</List.Item>
              ))}
            </List>
          </Alert>
        )}
        {preview.isSuccess && warnings.length === 0 && (
          <Text size="sm" c="green">
            {t('templates.preview.noWarnings')}
          </Text>
        )}
        <Box
          component="pre"
          aria-label={t('templates.preview.output')}
          ff="monospace"
          fz="xs"
          style={{ overflowX: 'auto', margin: 0, lineHeight: 1.2 }}
        >
          {preview.data?.text ?? ''}
        </Box>
      </Stack>
    </Paper>
  );
}

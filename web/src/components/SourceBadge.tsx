import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const COLORS = { user: 'indigo', global: 'teal', default: 'gray' } as const;

/** Where a value comes from: the user's own setting, the global one, or the built-in default. */
export function SourceBadge({ source }: { source: 'user' | 'global' | 'default' }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={COLORS[source]}>
      {t(`source.${source}`)}
    </Badge>
  );
}

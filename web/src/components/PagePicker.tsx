import { Group, Pagination } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface PagePickerProps {
  total: number;
  pageSize: number;
  page: number;
  onPage: (page: number) => void;
}

/** Page switcher with spoken labels; nothing when everything fits on one page. */
export function PagePicker({ total, pageSize, page, onPage }: PagePickerProps) {
  const { t } = useTranslation();
  const pages = Math.ceil(total / pageSize);
  if (pages <= 1) {
    return null;
  }
  return (
    <Group justify="flex-end">
      <Pagination
        total={pages}
        value={page}
        onChange={onPage}
        getControlProps={(control) => ({ 'aria-label': t(`pagination.${control}`) })}
        getItemProps={(item) => ({ 'aria-label': t('pagination.page', { page: item }) })}
      />
    </Group>
  );
}

import { Badge, Button, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ApiToken } from '../../api/types';
import { formatDate } from '../../components/format';

interface TokenRowProps {
  token: ApiToken;
  busy: boolean;
  onRevoke: (id: string) => void;
}

function TokenRow({ token, busy, onRevoke }: TokenRowProps) {
  const { t, i18n } = useTranslation();
  const date = (value: string | null) => formatDate(value, i18n.language);
  return (
    <Table.Tr>
      <Table.Th scope="row">{token.name}</Table.Th>
      <Table.Td>
        <code>{token.prefix}…</code>
      </Table.Td>
      <Table.Td>{date(token.createdAt)}</Table.Td>
      <Table.Td>
        {token.expiresAt === null ? t('profile.tokens.never') : date(token.expiresAt)}
      </Table.Td>
      <Table.Td>{date(token.lastUsedAt)}</Table.Td>
      <Table.Td>
        {token.revokedAt !== null ? (
          <Badge color="gray">{t('profile.tokens.revoked')}</Badge>
        ) : (
          <Button
            size="xs"
            color="red"
            variant="light"
            loading={busy}
            onClick={() => {
              onRevoke(token.id);
            }}
            aria-label={t('profile.tokens.revokeNamed', { name: token.name })}
          >
            {t('profile.tokens.revoke')}
          </Button>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

interface TokensTableProps {
  tokens: ApiToken[];
  busyId: string | null;
  onRevoke: (id: string) => void;
}

export function TokensTable({ tokens, busyId, onRevoke }: TokensTableProps) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table aria-label={t('profile.tokens.title')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('profile.tokens.name')}</Table.Th>
            <Table.Th>{t('profile.tokens.prefix')}</Table.Th>
            <Table.Th>{t('profile.tokens.createdAt')}</Table.Th>
            <Table.Th>{t('profile.tokens.expiresAt')}</Table.Th>
            <Table.Th>{t('profile.tokens.lastUsedAt')}</Table.Th>
            <Table.Th>{t('profile.tokens.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {tokens.map((token) => (
            <TokenRow key={token.id} token={token} busy={busyId === token.id} onRevoke={onRevoke} />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

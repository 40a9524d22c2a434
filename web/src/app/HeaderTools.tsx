import { Group } from '@mantine/core';
import { LanguageSwitch } from '../features/settings/LanguageSwitch';
import { ThemeToggle } from '../features/settings/ThemeToggle';

export function HeaderTools() {
  return (
    <Group gap="xs">
      <LanguageSwitch />
      <ThemeToggle />
    </Group>
  );
}

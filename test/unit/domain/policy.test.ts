import { describe, expect, it } from 'vitest';
import { ACTIONS, can, seesAll, type Action, type Actor } from '../../../src/domain/policy.js';

const admin: Actor = { id: 'a', role: 'admin' };
const operator: Actor = { id: 'o', role: 'operator' };
const viewer: Actor = { id: 'v', role: 'viewer' };
const own = { ownerId: 'o' };
const other = { ownerId: 'x' };
const global = { ownerId: null };

describe('policy', () => {
  it('lets admins do everything on anyone’s resources', () => {
    for (const action of ACTIONS) {
      if (action === 'preferences.ui.write') {
        continue;
      }
      expect(can(admin, action, other), action).toBe(true);
    }
  });

  it.each<[Action, boolean, boolean, boolean]>([
    // action, operator on own, operator on other's, operator on global
    ['destinations.write', true, false, false],
    ['destinations.read', true, false, false],
    ['apiConfigs.write', true, false, false],
    ['apiConfigs.read', true, false, true],
    ['preferences.write', true, false, false],
    ['preferences.read', true, false, true],
    ['paths.write', true, false, false],
    ['jobs.read', true, false, false],
    ['jobs.control', true, false, false],
  ])('operator %s: own=%s other=%s global=%s', (action, onOwn, onOther, onGlobal) => {
    expect(can(operator, action, own)).toBe(onOwn);
    expect(can(operator, action, other)).toBe(onOther);
    expect(can(operator, action, global)).toBe(onGlobal);
  });

  it('keeps operators out of admin-only actions', () => {
    for (const action of [
      'users.manage',
      'templates.write',
      'apiConfigs.delete',
      'audit.read',
    ] as const) {
      expect(can(operator, action)).toBe(false);
      expect(can(viewer, action)).toBe(false);
    }
  });

  it('makes viewers read-only but lets them manage their own profile, tokens and UI settings', () => {
    for (const action of [
      'releases.create',
      'destinations.write',
      'apiConfigs.write',
      'paths.write',
      'preferences.write',
      'jobs.control',
      'metadata.use',
    ] as const) {
      expect(can(viewer, action, { ownerId: 'v' }), action).toBe(false);
    }
    expect(can(viewer, 'profile.manage')).toBe(true);
    expect(can(viewer, 'tokens.manage')).toBe(true);
    expect(can(viewer, 'preferences.ui.write', { ownerId: 'v' })).toBe(true);
    expect(can(viewer, 'preferences.ui.write', { ownerId: 'o' })).toBe(false);
    expect(can(viewer, 'jobs.read', other)).toBe(true);
    expect(can(viewer, 'destinations.read', other)).toBe(false);
  });

  it('says who lists every owner’s rows', () => {
    expect(seesAll(admin, 'jobs.read')).toBe(true);
    expect(seesAll(viewer, 'jobs.read')).toBe(true);
    expect(seesAll(operator, 'jobs.read')).toBe(false);
    expect(seesAll(viewer, 'destinations.read')).toBe(false);
    expect(seesAll(admin, 'destinations.read')).toBe(true);
  });
});

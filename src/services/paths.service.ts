/**
 * Output (and optional input) directories per group × release type, with the user → global →
 * built-in default lookup. Every stored path lies inside the data dir or an allowed root.
 */
import type { PathRule } from '../domain/entities.js';
import type { ReleaseType, Scope } from '../domain/enums.js';
import type { Database } from '../db/ports.js';
import { notFound } from '../shared/errors.js';
import { assertCan, writeAudit, type Caller, type Runtime } from './context.js';
import { resolveAllowedPath } from './path-policy.js';

export interface PathsDeps {
  db: Database;
  runtime: Runtime;
  dataDir: string;
  /** Roots from the environment; admins may add more with the global preference `paths.allowedRoots`. */
  allowedRoots: readonly string[];
}

export interface ResolvedPaths {
  groupName: string;
  releaseType: ReleaseType;
  outputDir: string;
  inputDir: string | null;
  source: 'user' | 'global' | 'default';
}

export interface PathRuleInput {
  outputDir: string;
  inputDir?: string | null;
  scope?: Scope;
}

const DEFAULT_OUTPUT_DIR = 'releases';

export class PathsService {
  constructor(private readonly deps: PathsDeps) {}

  /** An absolute path inside the data dir or an allowed root, or validation.path_outside_root. */
  async resolvePath(raw: string, field: string): Promise<string> {
    return resolveAllowedPath(raw, this.deps.dataDir, await this.roots(), field);
  }

  async list(caller: Caller): Promise<PathRule[]> {
    assertCan(caller, 'paths.read');
    const userId = caller.actor.role === 'admin' ? undefined : caller.actor.id;
    return this.deps.db.repos.pathRules.list({ userId });
  }

  /** Where a release of this group and type goes for this user. */
  async resolve(
    userId: string,
    groupName: string,
    releaseType: ReleaseType,
  ): Promise<ResolvedPaths> {
    const { pathRules } = this.deps.db.repos;
    const own = await pathRules.find('user', userId, groupName, releaseType);
    const rule = own ?? (await pathRules.find('global', null, groupName, releaseType));
    if (rule) {
      return {
        groupName,
        releaseType,
        outputDir: rule.outputDir,
        inputDir: rule.inputDir,
        source: own ? 'user' : 'global',
      };
    }
    const outputDir = resolveAllowedPath(DEFAULT_OUTPUT_DIR, this.deps.dataDir, []);
    return { groupName, releaseType, outputDir, inputDir: null, source: 'default' };
  }

  async set(
    caller: Caller,
    groupName: string,
    releaseType: ReleaseType,
    input: PathRuleInput,
  ): Promise<PathRule> {
    const { db, runtime } = this.deps;
    const scope = input.scope ?? 'user';
    const userId = scope === 'global' ? null : caller.actor.id;
    assertCan(caller, 'paths.write', { ownerId: userId });
    const outputDir = await this.resolvePath(input.outputDir, 'outputDir');
    const inputDir = input.inputDir ? await this.resolvePath(input.inputDir, 'inputDir') : null;
    const now = runtime.clock.now();
    return db.transaction(async (tx) => {
      const existing = await tx.pathRules.find(scope, userId, groupName, releaseType);
      const id = existing?.id ?? runtime.newId();
      const saved = await tx.pathRules.upsert({
        id,
        scope,
        userId,
        groupName,
        releaseType,
        outputDir,
        inputDir,
        createdAt: existing?.createdAt ?? now,
        updatedAt: now,
      });
      await writeAudit(tx, runtime, caller, {
        action: 'path.set',
        resourceType: 'path_rule',
        resourceId: saved.id,
        details: { groupName, releaseType, scope, outputDir },
      });
      return saved;
    });
  }

  async delete(caller: Caller, id: string): Promise<void> {
    assertCan(caller, 'paths.write');
    const { db, runtime } = this.deps;
    const rule = await db.repos.pathRules.findById(id);
    if (!rule || !(rule.userId === caller.actor.id || caller.actor.role === 'admin')) {
      throw notFound('Path rule');
    }
    assertCan(caller, 'paths.write', { ownerId: rule.userId });
    await db.transaction(async (tx) => {
      await tx.pathRules.delete(id);
      await writeAudit(tx, runtime, caller, {
        action: 'path.delete',
        resourceType: 'path_rule',
        resourceId: id,
      });
    });
  }

  private async roots(): Promise<string[]> {
    const extra = await this.deps.db.repos.preferences.find('global', null, 'paths.allowedRoots');
    const fromAdmin = Array.isArray(extra?.value)
      ? extra.value.filter((v): v is string => typeof v === 'string')
      : [];
    return [...this.deps.allowedRoots, ...fromAdmin];
  }
}

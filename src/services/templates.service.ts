/**
 * NFO and DIZ templates per release type, stored as Liquid text. Everyone reads; admins write.
 * Exactly one template per kind and type is the default; the built-in one stands in when the
 * database has none. Rendering goes through the core renderer (safe Liquid, bounded time/size).
 */
import type { Template } from '../domain/entities.js';
import type { ReleaseType, TemplateKind } from '../domain/enums.js';
import type { Database, Page, Paged } from '../db/ports.js';
import { AppError, notFound } from '../shared/errors.js';
import { assertCan, writeAudit, type Caller, type Runtime } from './context.js';

export interface RenderedTemplate {
  text: string;
  warnings: string[];
}

/** The core renderer and built-ins, injected by main. */
export interface TemplateEngine {
  render(
    source: string,
    data: Record<string, unknown>,
    kind: TemplateKind,
  ): Promise<RenderedTemplate>;
  builtin(kind: TemplateKind, releaseType: ReleaseType): string;
  sampleData(releaseType: ReleaseType): Record<string, unknown>;
}

export interface TemplatesDeps {
  db: Database;
  runtime: Runtime;
  engine: TemplateEngine;
}

export interface TemplateInput {
  name: string;
  kind: TemplateKind;
  releaseType: ReleaseType;
  description?: string | null;
  content: string;
  isDefault?: boolean;
}

/** A template as the API shows it; built-ins have `id: null`. */
export type TemplateView = Omit<Template, 'id'> & { id: string | null; builtin: boolean };

const view = (template: Template): TemplateView => ({ ...template, builtin: false });

export class TemplatesService {
  constructor(private readonly deps: TemplatesDeps) {}

  async list(
    caller: Caller,
    filter: { kind?: TemplateKind; releaseType?: ReleaseType },
    page: Page,
  ): Promise<Paged<TemplateView>> {
    assertCan(caller, 'templates.read');
    const result = await this.deps.db.repos.templates.list(filter, page);
    return { items: result.items.map(view), total: result.total };
  }

  async get(caller: Caller, id: string): Promise<TemplateView> {
    assertCan(caller, 'templates.read');
    return view(await this.load(id));
  }

  async getDefault(
    caller: Caller,
    kind: TemplateKind,
    releaseType: ReleaseType,
  ): Promise<TemplateView> {
    assertCan(caller, 'templates.read');
    return this.defaultFor(kind, releaseType);
  }

  /** The default template (stored, else built-in) — for packaging. */
  async defaultFor(kind: TemplateKind, releaseType: ReleaseType): Promise<TemplateView> {
    const stored = await this.deps.db.repos.templates.findDefault(kind, releaseType);
    return stored ? view(stored) : this.builtinView(kind, releaseType);
  }

  async create(caller: Caller, input: TemplateInput): Promise<TemplateView> {
    assertCan(caller, 'templates.write');
    const { db, runtime } = this.deps;
    await this.checkRenders(input.content, input.kind, input.releaseType);
    const now = runtime.clock.now();
    const template: Template = {
      id: runtime.newId(),
      name: input.name,
      kind: input.kind,
      releaseType: input.releaseType,
      description: input.description ?? null,
      content: input.content,
      isDefault: input.isDefault ?? false,
      createdBy: caller.actor.id,
      createdAt: now,
      updatedAt: now,
    };
    return db.transaction(async (tx) => {
      const saved = await tx.templates.create(template);
      if (saved.isDefault) {
        await tx.templates.clearDefault(saved.kind, saved.releaseType, saved.id);
      }
      await writeAudit(tx, runtime, caller, {
        action: 'template.create',
        resourceType: 'template',
        resourceId: saved.id,
        details: { name: saved.name },
      });
      return view(saved);
    });
  }

  async update(caller: Caller, id: string, patch: Partial<TemplateInput>): Promise<TemplateView> {
    assertCan(caller, 'templates.write');
    const { db, runtime } = this.deps;
    const current = await this.load(id);
    const next = { ...current, ...patch };
    if (
      patch.content !== undefined ||
      patch.kind !== undefined ||
      patch.releaseType !== undefined
    ) {
      await this.checkRenders(next.content, next.kind, next.releaseType);
    }
    return db.transaction(async (tx) => {
      const saved =
        (await tx.templates.update(id, { ...patch, updatedAt: runtime.clock.now() })) ?? next;
      if (saved.isDefault) {
        await tx.templates.clearDefault(saved.kind, saved.releaseType, saved.id);
      }
      await writeAudit(tx, runtime, caller, {
        action: 'template.update',
        resourceType: 'template',
        resourceId: id,
      });
      return view(saved);
    });
  }

  async delete(caller: Caller, id: string): Promise<void> {
    assertCan(caller, 'templates.write');
    const template = await this.load(id);
    if (template.isDefault) {
      throw new AppError(
        'template.is_default',
        'The default template cannot be deleted; make another one the default first',
      );
    }
    await this.deps.db.transaction(async (tx) => {
      await tx.templates.delete(id);
      await writeAudit(tx, this.deps.runtime, caller, {
        action: 'template.delete',
        resourceType: 'template',
        resourceId: id,
        details: { name: template.name },
      });
    });
  }

  /** Renders unsaved template text (the editor's live preview). */
  async preview(
    caller: Caller,
    input: {
      content: string;
      kind: TemplateKind;
      releaseType: ReleaseType;
      data?: Record<string, unknown>;
    },
  ): Promise<RenderedTemplate> {
    assertCan(caller, 'templates.read');
    const { engine } = this.deps;
    return engine.render(
      input.content,
      { ...engine.sampleData(input.releaseType), ...(input.data ?? {}) },
      input.kind,
    );
  }

  /** Renders a stored template with the given data laid over sample data. */
  async render(
    caller: Caller,
    id: string,
    input: { data?: Record<string, unknown> },
  ): Promise<RenderedTemplate & { templateId: string | null; templateName: string }> {
    assertCan(caller, 'templates.read');
    const { engine } = this.deps;
    const template = view(await this.load(id));
    const data = { ...engine.sampleData(template.releaseType), ...(input.data ?? {}) };
    const rendered = await engine.render(template.content, data, template.kind);
    return { ...rendered, templateId: template.id, templateName: template.name };
  }

  private builtinView(kind: TemplateKind, releaseType: ReleaseType): TemplateView {
    const epoch = new Date(0);
    const content = this.deps.engine.builtin(kind, releaseType);
    return {
      id: null,
      name: `built-in ${releaseType} ${kind.toUpperCase()}`,
      kind,
      releaseType,
      description: 'Shipped with scenepacker',
      content,
      isDefault: true,
      createdBy: null,
      createdAt: epoch,
      updatedAt: epoch,
      builtin: true,
    };
  }

  private async load(id: string): Promise<Template> {
    const template = await this.deps.db.repos.templates.findById(id);
    if (!template) {
      throw notFound('Template');
    }
    return template;
  }

  private async checkRenders(
    content: string,
    kind: TemplateKind,
    releaseType: ReleaseType,
  ): Promise<void> {
    await this.deps.engine.render(content, this.deps.engine.sampleData(releaseType), kind);
  }
}

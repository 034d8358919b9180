import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor';
import type { Message } from '../common/i18n/text';

/**
 * What other features keep about a project, as the projects feature may ask about it without
 * reading their tables: each feature registers itself here (in its module's onModuleInit) and
 * answers through its own repository. Deleting a project asks every dependent.
 */
export interface ProjectDependent {
  /** Records that forbid deleting the project (figures and locks must not cascade away), as a phrase: "3 kazalnike". */
  blocking?(em: EntityManager, projectId: number): Promise<Message | null>;
  /** Removes the feature's own records of the project, each with its audit entry. */
  removeAll?(em: EntityManager, projectId: number, actor: Actor): Promise<void>;
}

@Injectable()
export class ProjectDependents {
  private readonly dependents: ProjectDependent[] = [];

  register(dependent: ProjectDependent): void {
    this.dependents.push(dependent);
  }

  async blocking(em: EntityManager, projectId: number): Promise<Message[]> {
    const found = await Promise.all(this.dependents.map((d) => d.blocking?.(em, projectId) ?? null));
    return found.filter((m): m is Message => m !== null);
  }

  async removeAll(em: EntityManager, projectId: number, actor: Actor): Promise<void> {
    for (const d of this.dependents) await d.removeAll?.(em, projectId, actor);
  }
}

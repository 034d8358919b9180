import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, Not } from 'typeorm';
import { selectEntities } from '../database/plain-select';
import { User } from './entities/user.entity';

/** Every query on app_user, in one place. */
@Injectable()
export class UsersRepository {
  constructor(private readonly dataSource: DataSource) {}

  findById(id: number, em: EntityManager = this.dataSource.manager): Promise<User | null> {
    // Every authenticated request reads its user: by hand-written SQL (see selectEntities).
    return selectEntities(em, User, '"id" = ?', [id]).then((rows) => rows[0] ?? null);
  }

  /** `username` is matched as stored: callers normalise it first (see normaliseUsername). */
  findByUsername(username: string, em: EntityManager = this.dataSource.manager): Promise<User | null> {
    return em.findOneBy(User, { username });
  }

  findAllByUsername(em: EntityManager = this.dataSource.manager): Promise<User[]> {
    return em.find(User, { order: { username: 'ASC' } });
  }

  /** Active admins other than `exceptUserId`: the last one must not be demoted or deactivated. */
  countOtherActiveAdmins(em: EntityManager, exceptUserId: number): Promise<number> {
    return em.countBy(User, { role: 'admin', active: true, id: Not(exceptUserId) });
  }

  async insert(em: EntityManager, user: Omit<User, 'id' | 'tokenVersion'>): Promise<User> {
    const saved = await em.save(User, em.create(User, user));
    return em.findOneByOrFail(User, { id: saved.id });
  }

  /**
   * A change of role, active flag or password ends every token the user holds (their
   * `tokenVersion` goes up in the same statement), so none outlives it, nor revives on reactivation.
   */
  async update(em: EntityManager, id: number, patch: Partial<Omit<User, 'id' | 'username' | 'createdAt' | 'tokenVersion'>>): Promise<User> {
    if (Object.keys(patch).length > 0) {
      const current = await em.findOneByOrFail(User, { id });
      const revokes = (['role', 'active', 'passwordHash'] as const).some((k) => patch[k] !== undefined && patch[k] !== current[k]);
      await em.update(User, { id }, revokes ? { ...patch, tokenVersion: current.tokenVersion + 1 } : patch);
    }
    return em.findOneByOrFail(User, { id });
  }
}

/** Usernames are compared and stored in lower case, without surrounding spaces. */
export function normaliseUsername(username: string): string {
  return username.trim().toLowerCase();
}

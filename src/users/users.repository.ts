import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, Not } from 'typeorm';
import { User } from './entities/user.entity';

/** Every query on app_user, in one place. */
@Injectable()
export class UsersRepository {
  constructor(private readonly dataSource: DataSource) {}

  findById(id: number, em: EntityManager = this.dataSource.manager): Promise<User | null> {
    return em.findOneBy(User, { id });
  }

  /** `username` is matched as stored: callers normalise it first (see normaliseUsername). */
  findByUsername(username: string, em: EntityManager = this.dataSource.manager): Promise<User | null> {
    return em.findOneBy(User, { username });
  }

  findAllByUsername(): Promise<User[]> {
    return this.dataSource.manager.find(User, { order: { username: 'ASC' } });
  }

  /** Active admins other than `exceptUserId`: the last one must not be demoted or deactivated. */
  countOtherActiveAdmins(em: EntityManager, exceptUserId: number): Promise<number> {
    return em.countBy(User, { role: 'admin', active: true, id: Not(exceptUserId) });
  }

  async insert(em: EntityManager, user: Omit<User, 'id'>): Promise<User> {
    const saved = await em.save(User, em.create(User, user));
    return em.findOneByOrFail(User, { id: saved.id });
  }

  async update(em: EntityManager, id: number, patch: Partial<Omit<User, 'id' | 'username' | 'createdAt'>>): Promise<User> {
    if (Object.keys(patch).length > 0) await em.update(User, { id }, patch);
    return em.findOneByOrFail(User, { id });
  }
}

/** Usernames are compared and stored in lower case, without surrounding spaces. */
export function normaliseUsername(username: string): string {
  return username.trim().toLowerCase();
}

import { Column, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';
import type { Role } from '../../auth/actor';
import { instantColumn } from '../../database/columns';

/**
 * A person who logs in. The table is `app_user` because `user` is reserved in PostgreSQL.
 * `passwordHash` is a self-describing scrypt string (see auth/password-hasher.ts); it never leaves
 * the users module: responses are built by `toUserView`, which has no such field.
 */
@Entity('app_user')
@Unique('uq_app_user_username', ['username'])
export class User {
  @PrimaryGeneratedColumn()
  id: number;

  /** Lower-case login name, unique. */
  @Column({ type: 'varchar', length: 50 })
  username: string;

  @Column({ type: 'varchar', length: 200 })
  displayName: string;

  @Column({ type: 'varchar', length: 200 })
  passwordHash: string;

  @Column({ type: 'varchar', length: 20 })
  role: Role;

  /** An inactive user cannot log in, and tokens issued before deactivation stop working. */
  @Column({ type: 'boolean' })
  active: boolean;

  @Column(instantColumn())
  createdAt: string;

  /**
   * Raised whenever the user's tokens must end (deactivation, role or password change): a token
   * carries the version it was issued under and an older one is refused.
   */
  @Column({ type: 'integer', default: 0 })
  tokenVersion: number;
}

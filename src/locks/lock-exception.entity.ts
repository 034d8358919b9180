import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { instantColumn } from '../database/columns';
import { Project } from '../projects/entities/project.entity';
import { User } from '../users/entities/user.entity';

/**
 * A locked year opened for one user of one project until an instant, with a reason. It closes by
 * itself at `until` (`isOpenFor` stops answering true); the sweep then records the close.
 */
@Entity('lock_exception')
@Index('ix_lock_exception', ['projectId', 'year', 'userId'])
export class LockException {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  projectId: number;

  @ManyToOne(() => Project, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'projectId' })
  project?: Project;

  @Column({ type: 'integer' })
  year: number;

  @Column({ type: 'integer' })
  userId: number;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'userId' })
  user?: User;

  @Column(instantColumn())
  until: string;

  @Column({ type: 'text' })
  reason: string;

  @Column({ type: 'varchar', length: 100 })
  openedBy: string;

  @Column(instantColumn())
  openedAt: string;

  @Column({ type: 'varchar', length: 100, nullable: true })
  closedBy: string | null;

  @Column(instantColumn({ nullable: true }))
  closedAt: string | null;
}

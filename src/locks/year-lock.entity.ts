import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { instantColumn } from '../database/columns';
import { Project } from '../projects/entities/project.entity';

/** A reporting year of a project closed for plain writes (after review or submission). */
@Entity('year_lock')
@Unique('uq_year_lock', ['projectId', 'year'])
export class YearLock {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  projectId: number;

  @ManyToOne(() => Project, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'projectId' })
  project?: Project;

  @Column({ type: 'integer' })
  year: number;

  @Column({ type: 'varchar', length: 100 })
  lockedBy: string;

  @Column(instantColumn())
  lockedAt: string;

  @Column({ type: 'text', nullable: true })
  reason: string | null;
}

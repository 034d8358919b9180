import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { Objective } from './objective.entity';
import { Project } from './project.entity';

/**
 * An expected result (pričakovani rezultat) or a call's result area (e.g. "Informiranje"):
 * the level between objectives and indicators.
 */
@Entity('result_area')
@Unique('uq_result_area_code', ['projectId', 'code'])
export class ResultArea {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  projectId: number;

  @ManyToOne(() => Project, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'projectId' })
  project?: Project;

  @Column({ type: 'integer', nullable: true })
  objectiveId: number | null;

  @ManyToOne(() => Objective, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'objectiveId' })
  objective?: Objective | null;

  @Column({ type: 'varchar', length: 30 })
  code: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'integer', default: 0 })
  sortOrder: number;
}

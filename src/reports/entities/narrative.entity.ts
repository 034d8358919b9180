import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';
import { instantColumn } from '../../database/columns';
import { Project } from '../../projects/entities/project.entity';
import { ResultArea } from '../../projects/entities/result-area.entity';

/** Vsebinsko poročilo: narrative text per project, year and (optionally) result area. */
@Entity('narrative')
export class Narrative {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  projectId: number;

  @ManyToOne(() => Project, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'projectId' })
  project?: Project;

  @Column({ type: 'integer' })
  year: number;

  @Column({ type: 'integer', nullable: true })
  resultAreaId: number | null;

  @ManyToOne(() => ResultArea, { onDelete: 'CASCADE', nullable: true })
  @JoinColumn({ name: 'resultAreaId' })
  resultArea?: ResultArea | null;

  @Column({ type: 'text' })
  text: string;

  @Column({ type: 'varchar', length: 100 })
  updatedBy: string;

  @Column(instantColumn())
  updatedAt: string;

  @VersionColumn()
  version: number;
}

import { Column, Entity, JoinColumn, ManyToOne, OneToMany, PrimaryGeneratedColumn } from 'typeorm';
import { instantColumn } from '../../database/columns';
import { Project } from '../../projects/entities/project.entity';
import { SubmittedFile } from './submitted-file.entity';

/**
 * A report handed to a funder: who submitted it and when, the figures as they stood (a snapshot,
 * to show later what a correction changed) and the exact files that went out.
 */
@Entity('report_submission')
export class ReportSubmission {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  projectId: number;

  @ManyToOne(() => Project, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'projectId' })
  project?: Project;

  @Column({ type: 'integer' })
  year: number;

  @Column({ type: 'varchar', length: 60 })
  templateId: string;

  @Column({ type: 'varchar', length: 2 })
  lang: string;

  @Column({ type: 'varchar', length: 100 })
  submittedBy: string;

  @Column(instantColumn())
  submittedAt: string;

  /** `{ fundingPeriodId, indicators: IndicatorSummary[] }` as canonical JSON at the moment of submission. */
  @Column({ type: 'text' })
  snapshot: string;

  @OneToMany(() => SubmittedFile, (f) => f.submission)
  files?: SubmittedFile[];
}

import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique, VersionColumn } from 'typeorm';
import { instantColumn } from '../../database/columns';
import { FundingPeriod } from '../../projects/entities/funding-period.entity';
import { Project } from '../../projects/entities/project.entity';
import type { ReportState } from '../report-states';

/** The state of one annual report: a project's year under one contract (funding period). */
@Entity('report_cycle')
@Unique('uq_report_cycle', ['projectId', 'fundingPeriodId', 'year'])
export class ReportCycle {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  projectId: number;

  @ManyToOne(() => Project, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'projectId' })
  project?: Project;

  @Column({ type: 'integer' })
  fundingPeriodId: number;

  @ManyToOne(() => FundingPeriod, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'fundingPeriodId' })
  fundingPeriod?: FundingPeriod;

  @Column({ type: 'integer' })
  year: number;

  @Column({ type: 'varchar', length: 20 })
  state: ReportState;

  @Column(instantColumn())
  updatedAt: string;

  @VersionColumn()
  version: number;
}

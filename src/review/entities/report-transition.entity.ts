import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { instantColumn } from '../../database/columns';
import type { ReportAction, ReportState } from '../report-states';
import { ReportCycle } from './report-cycle.entity';

/** One step of a report's cycle, with who, when and why; also in the audit trail. */
@Entity('report_transition')
@Index('ix_report_transition_cycle', ['reportCycleId'])
export class ReportTransition {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  reportCycleId: number;

  @ManyToOne(() => ReportCycle, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'reportCycleId' })
  reportCycle?: ReportCycle;

  @Column({ type: 'varchar', length: 20 })
  action: ReportAction;

  @Column({ type: 'varchar', length: 20 })
  fromState: ReportState;

  @Column({ type: 'varchar', length: 20 })
  toState: ReportState;

  @Column({ type: 'varchar', length: 100 })
  actor: string;

  @Column(instantColumn())
  at: string;

  @Column({ type: 'text', nullable: true })
  comment: string | null;

  /** The partner organisation whose part became ready (part_ready only). */
  @Column({ type: 'integer', nullable: true })
  organisationId: number | null;

  /** The stored files of a (re)submission. */
  @Column({ type: 'integer', nullable: true })
  submissionId: number | null;
}
